// Mutations (editor role) and the audit log (admin role).
import type { GraphQLError } from 'graphql';
import { requireRole } from '../auth/use-api-keys.ts';
import { isRelationshipType, labelOfKind } from '../domain.ts';
import { ImportInterrupted, ImportTooLarge, ImportUnaudited, importContents } from '../import/import-dataset.ts';
import { ImportRejected } from '../import/problems.ts';
import { log } from '../log.ts';
import { importsRunning } from '../observability/metrics.ts';
import type { Context } from './context.ts';
import { badInput, codedError, errorCode, isDatabaseFailure, type ErrorCode } from './errors.ts';
import { checkId, checkRange } from './limits.ts';
import { entityQueries } from './entity-resolvers.ts';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * Whether this process is running an import: one runs at a time. Reading and validating a 39 MB
 * upload took ~670 MB of heap, so a handful side by side would exhaust the process's ~4 GB.
 */
let importRunning = false;

function relationshipType(type: string) {
  if (!isRelationshipType(type)) throw badInput('type', `"${type}" is not a relationship type (SUPPLIES, OPERATES_IN, …)`);
  return type;
}

/**
 * Reads back what a committed change wrote. If that read fails the change still stands, and the
 * client must learn so: told only "unreachable, try again", it would send a creation twice.
 */
async function savedThen<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error;
    throw codedError(errorCode(error) as ErrorCode, `The change was saved, but reading it back failed: ${(error as Error).message}`, { saved: 'YES' });
  }
}

/**
 * An import that failed with rows saved (or perhaps saved), as its client is told: the database
 * failure's code and words, and what is saved. Any other reason (a database error translateError
 * does not know, a bug) is logged and named only as unexpected: its text may hold Cypher or
 * internals, which never reach a client, but what became of the rows still does.
 */
export function importFailure(error: ImportInterrupted | ImportUnaudited): GraphQLError {
  const known = errorCode(error.reason) as ErrorCode | undefined;
  if (!known) log.error({ err: error.reason }, 'import failed unexpectedly');
  const reason = known ? error.reason : new Error('an unexpected error, written to the server log');
  const code = known ?? 'INTERNAL_SERVER_ERROR';
  if (error instanceof ImportInterrupted) {
    return codedError(code, new ImportInterrupted(error.rowsSaved, error.rows, reason).message, { saved: error.rowsSaved > 0 ? 'PARTIAL' : 'UNKNOWN', rowsSaved: error.rowsSaved });
  }
  return codedError(code, new ImportUnaudited(error.rows, reason).message, { saved: 'YES', rowsSaved: error.rows });
}

function present(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

export const mutationResolvers = {
  async createEntity(_: unknown, args: { kind: string; input: Record<string, unknown> }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'createEntity');
    const id = await ctx.editor.createEntity(labelOfKind(args.kind), present(args.input), caller.name);
    return savedThen(() => entityQueries.entity(null, { id }, ctx));
  },

  async updateEntity(_: unknown, args: { id: string; input: Record<string, unknown> }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'updateEntity');
    checkId('id', args.id);
    await ctx.editor.updateEntity(args.id, present(args.input), caller.name);
    return savedThen(() => entityQueries.entity(null, { id: args.id }, ctx));
  },

  async deleteEntity(_: unknown, args: { id: string }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'deleteEntity');
    checkId('id', args.id);
    await ctx.editor.deleteEntity(args.id, caller.name);
    return args.id;
  },

  async link(_: unknown, args: { type: string; fromId: string; toId: string; properties?: Record<string, unknown> | null }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'link');
    const type = relationshipType(args.type);
    await ctx.editor.link(type, checkId('fromId', args.fromId), checkId('toId', args.toId), present(args.properties ?? {}), caller.name);
    const relations = await savedThen(() => ctx.relationsLoader([type], 'OUT', 500).load(args.fromId));
    return relations.find((r) => r.node.id === args.toId);
  },

  async unlink(_: unknown, args: { type: string; fromId: string; toId: string }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'unlink');
    await ctx.editor.unlink(relationshipType(args.type), checkId('fromId', args.fromId), checkId('toId', args.toId), caller.name);
    return true;
  },

  async importDataset(_: unknown, args: { files: File[]; partial: boolean; dryRun: boolean }, ctx: Context) {
    const caller = requireRole(ctx.caller, 'editor', 'importDataset');
    if (!args.files.length) throw badInput('files', 'must hold at least one file');
    const size = args.files.reduce((sum, f) => sum + f.size, 0);
    if (size > MAX_IMPORT_BYTES) throw badInput('files', `are ${size} bytes; the API takes up to ${MAX_IMPORT_BYTES} (use npm run import for more)`);
    if (importRunning) {
      throw codedError('RESOURCE_LIMIT', 'Another import is running in this server; send this one again when it has finished', { argument: 'files' });
    }
    importRunning = true;
    importsRunning.set(1);
    const today = new Date().toISOString().slice(0, 10);
    try {
      const inputs = await Promise.all(args.files.map(async (f) => ({ file: f.name, contents: Buffer.from(await f.arrayBuffer()), asOf: today })));
      const report = await importContents(ctx.driver, ctx.database, inputs, {
        partial: args.partial,
        dryRun: args.dryRun,
        audit: { actor: caller.name, action: 'IMPORT', entityId: null, details: {} },
        timeoutMs: ctx.queryTimeoutMs,
      });
      return { ...report, problems: report.rejected };
    } catch (error) {
      if (error instanceof ImportTooLarge) throw codedError('RESOURCE_LIMIT', error.message, { argument: 'files' });
      if (error instanceof ImportInterrupted || error instanceof ImportUnaudited) throw importFailure(error);
      if (!(error instanceof ImportRejected)) throw error;
      return { written: false, nodes: 0, relationships: 0, files: [], problems: error.problems, seconds: 0 };
    } finally {
      importRunning = false;
      importsRunning.set(0);
    }
  },
};

/** Most problems one answer lists (a 50 MB upload whose every row is bad has ~600,000); the cost limit takes 2,000 with every field. */
const MAX_PROBLEMS_LISTED = 2_000;

export const importReportResolvers = {
  ImportReport: {
    problems(report: { problems: unknown[] }, args: { first: number }) {
      return report.problems.slice(0, checkRange('first', args.first, 1, MAX_PROBLEMS_LISTED));
    },
    problemCount: (report: { problems: unknown[] }) => report.problems.length,
  },
};

export const auditQueries = {
  async auditLog(_: unknown, args: { entityId?: string | null; first: number }, ctx: Context) {
    requireRole(ctx.caller, 'admin', 'auditLog');
    const first = checkRange('first', args.first, 1, 500);
    const rows = await ctx.reader.read('audit-log', { entityId: args.entityId ?? null, first });
    return rows.map((r) => r.event);
  },
};
