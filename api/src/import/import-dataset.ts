// The one import path: the CLI, the seed loader and (later) the importDataset mutation use it.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import { managedWrite, readTransaction, translateError } from '../db/neo4j.ts';
import { codedError, isDatabaseFailure } from '../graphql/errors.ts';
import { audit, type AuditEntry } from '../edit/audit.ts';
import type { Label } from '../domain.ts';
import { ImportRejected, type Problem } from './problems.ts';
import type { LocalNeo4j } from '../db/local-neo4j.ts';
import { bulkLoad, bulkLoadRefusal } from './bulk-load.ts';
import { listInputFiles, readInputFile, type InputFile } from './read-files.ts';
import { takeTurns } from './take-turns.ts';
import { validate, type InDatabase, type ValidDataset } from './validate.ts';
import { countsOf, RegionLoopError, writeDataset, type FileCounts } from './write.ts';

export interface ImportOptions {
  /** Write the valid rows and report the rejected ones, instead of refusing the whole import. */
  partial?: boolean;
  /** Validate only; nothing is written. */
  dryRun?: boolean;
  onProgress?: (written: number, total: number) => void;
  /** Lines worth telling whoever watches (the offline importer's start). */
  onNotice?: (line: string) => void;
  /** Who imports: recorded in the audit trail with the counts when anything was written. */
  audit?: AuditEntry;
  /**
   * Transaction timeout of each of the import's statements (the API's query timeout): the id
   * lookups, each batch written and the bookkeeping after them. Without it an import waits as
   * long as the database makes it (the command line's, unless given --timeout: whoever runs it watches it).
   */
  timeoutMs?: number;
  /**
   * The local Neo4j the command started: a load into its empty database goes through Neo4j's
   * offline importer (bulk-load.ts), far faster than transactions. Never set by the API.
   */
  localServer?: LocalNeo4j;
}

export interface RejectedRow extends Problem { values: Record<string, unknown> | null }

export interface ImportReport {
  files: FileCounts[];
  /** Valid node and relationship rows (written unless dryRun). */
  nodes: number;
  relationships: number;
  rejected: RejectedRow[];
  written: boolean;
  /** The whole import, and its parts: reading and validating, writing nodes, writing relationships. */
  seconds: number;
  phases: { validateSeconds: number; nodeSeconds: number; relationshipSeconds: number };
  /** Written by Neo4j's offline importer (with its own run time); or, when a local server was offered, why not. */
  offline?: { importerSeconds: number };
  offlineRefusal?: string;
}

export async function importPath(driver: Driver, database: string, target: string, options: ImportOptions = {}): Promise<ImportReport> {
  const inputs = listInputFiles(target).map((file) => ({
    file: path.relative(process.cwd(), file) || file,
    contents: fs.readFileSync(file),
    asOf: fs.statSync(file).mtime.toISOString().slice(0, 10),
  }));
  return importContents(driver, database, inputs, options);
}

export interface InputContents { file: string; contents: Buffer; asOf: string }

/**
 * Reading and validating hold every row in memory at once: about 10 bytes of heap for each byte
 * of input (the 100k-company graph's 99 MB of CSV peaked at 1,010 MB, a 38 MB one at 408 MB, a
 * million companies' 1 GB at 9.9 GB resident), and a little margin.
 */
const HEAP_BYTES_PER_INPUT_BYTE = 12;

/** Input too big for this process's heap: refused before reading, with what to do instead. */
export class ImportTooLarge extends Error {}

/**
 * The database failed while a valid import was being written in transactions: the batches
 * confirmed before stay (at least `rowsSaved` rows; with 0, a batch whose commit was under way
 * may still have been made). Every batch is an upsert of rows matched by id or ends, so
 * importing the same files again completes it without adding anything twice.
 */
export class ImportInterrupted extends Error {
  constructor(readonly rowsSaved: number, readonly rows: number, readonly reason: unknown) {
    const why = messageOf(reason);
    super(`${rowsSaved > 0
      ? `The import stopped part-way: at least ${rowsSaved.toLocaleString('en')} of its ${rows.toLocaleString('en')} rows are saved, the rest may not be`
      : `The import stopped before any of its ${rows.toLocaleString('en')} rows were confirmed saved; some may be`} (${why}). ` +
      'Importing the same files again is safe: rows already saved are matched, not added twice.');
  }
}

/**
 * Every row of the import is saved, but the database went away before the bookkeeping after
 * them: the audit entry that records the import (and perhaps the graph's version mark) is not written.
 */
export class ImportUnaudited extends Error {
  constructor(readonly rows: number, readonly reason: unknown) {
    super(`All ${rows.toLocaleString('en')} rows of the import are saved, but its entry in the audit log could not be written ` +
      `(${messageOf(reason)}).`);
  }
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function checkMemory(inputs: InputContents[]): void {
  const bytes = inputs.reduce((sum, input) => sum + input.contents.length, 0);
  const needed = bytes * HEAP_BYTES_PER_INPUT_BYTE;
  const { heap_size_limit: limit, used_heap_size: used } = v8.getHeapStatistics();
  if (needed <= limit - used) return;
  const mb = (n: number) => `${Math.ceil(n / 2 ** 20).toLocaleString('en')} MB`;
  throw new ImportTooLarge(
    `The input is ${mb(bytes)}; reading and validating it takes about ${mb(needed)} of memory, and this process has ` +
      `${mb(limit - used)} left. Import it in parts (the node files first, then the relationship files a few at a time), ` +
      `or give Node more on a machine that has it: NODE_OPTIONS=--max-old-space-size=${Math.ceil((needed + used) / 2 ** 20)}`,
  );
}

export async function importContents(driver: Driver, database: string, inputs: InputContents[], options: ImportOptions = {}): Promise<ImportReport> {
  checkMemory(inputs);
  const started = Date.now();
  const problems: Problem[] = [];
  const { dataset, rejected } = await readAndValidate(driver, database, inputs, problems, !options.partial && !options.dryRun, options.timeoutMs);
  const validateSeconds = (Date.now() - started) / 1000;
  const write = !options.dryRun && (dataset.nodes.length + dataset.relationships.length > 0);
  const local = write ? options.localServer : undefined;
  const offlineRefusal = local && await bulkLoadRefusal(driver, database, local);
  const written = !write ? undefined
    : local && !offlineRefusal ? await bulkLoad(local, driver, database, dataset, options.onProgress, options.onNotice)
      : await writeInTransactions(driver, database, dataset, options.onProgress, options.timeoutMs);
  const counts = written?.counts ?? new Map<string, FileCounts>();
  for (const input of inputs) {
    countsOf(counts, input.file).rejected = new Set(problems.filter((p) => p.file === input.file).map((p) => p.line)).size;
  }
  if (write && options.audit) {
    const entry = { ...options.audit, details: { files: [...counts.values()] } };
    try {
      await managedWrite(driver, database, (tx) => audit(tx, entry), options.timeoutMs);
    } catch (error) {
      throw new ImportUnaudited(dataset.nodes.length + dataset.relationships.length, translateError(error));
    }
  }
  return {
    files: [...counts.values()],
    nodes: dataset.nodes.length,
    relationships: dataset.relationships.length,
    rejected,
    written: write,
    seconds: (Date.now() - started) / 1000,
    phases: { validateSeconds, nodeSeconds: written?.nodeSeconds ?? 0, relationshipSeconds: written?.relationshipSeconds ?? 0 },
    offline: written?.offline,
    offlineRefusal,
  };
}

/** writeDataset, telling a failure part-way (ImportInterrupted) from one before anything could be saved. */
async function writeInTransactions(driver: Driver, database: string, dataset: ValidDataset, onProgress: ImportOptions['onProgress'], timeoutMs?: number) {
  let saved = 0;
  try {
    return await writeDataset(driver, database, dataset, (written, total) => {
      saved = written;
      onProgress?.(written, total);
    }, timeoutMs);
  } catch (error) {
    const reason = error instanceof RegionLoopError ? codedError('BAD_USER_INPUT', `${error.file}: WITHIN ${error.message}`) : translateError(error);
    // With no batch confirmed, a database failure may still have come during a commit; any
    // other failure before the first batch saved nothing.
    if (saved === 0 && !isDatabaseFailure(reason)) throw reason;
    const rows = dataset.nodes.length + dataset.relationships.length;
    // Every batch confirmed: what failed is the graph's version mark after them.
    if (saved === rows) throw new ImportUnaudited(rows, reason);
    throw new ImportInterrupted(saved, rows, reason);
  }
}

/**
 * Every row checked, and the problems with the values of their rows; with `refuse`, any problem
 * refuses the import (ImportRejected) before those values are looked up. The rows as read are
 * dropped here, before anything is written: a million companies' took gigabytes.
 */
async function readAndValidate(driver: Driver, database: string, inputs: InputContents[], problems: Problem[], refuse: boolean, timeoutMs?: number) {
  // Every file is read at once: big CSV files are parsed in the worker thread, one after another,
  // while this thread validates the files parsed before them. Each file's reading problems are
  // kept apart and come first, in file order, as when the files were read one by one.
  const readProblems = inputs.map((): Problem[] => []);
  const reads = inputs.map((input, i) => readInputFile(input.file, input.contents, readProblems[i]!));
  // A failed read is thrown where validation awaits it; until then it is not an unhandled one.
  for (const read of reads) read.catch(() => {});
  const files: InputFile[] = [];
  async function* whenRead() {
    for (const read of reads) {
      const file = await read;
      if (!file) continue;
      files.push(file);
      yield file;
    }
  }
  const asOf = new Map(inputs.map((i) => [i.file, i.asOf]));
  const checkProblems: Problem[] = [];
  const dataset: ValidDataset = await validate(
    whenRead(),
    (file) => ({ source: path.basename(file), asOf: asOf.get(file) ?? new Date().toISOString().slice(0, 10) }),
    async (ids, atMost) => (atMost >= ASK_IF_EMPTY_FROM && await holdsNoGraph(driver, database, timeoutMs) ? new Map() : lookupInDatabase(driver, database, await ids(), timeoutMs)),
    checkProblems,
  );
  for (const list of [...readProblems, checkProblems]) {
    for (const problem of list) problems.push(problem);
  }
  if (refuse && problems.length) throw new ImportRejected(problems);
  return { dataset, rejected: await withRows(files, problems) };
}

/** Each problem with the values of the row it is about (null for a whole file). */
async function withRows(files: InputFile[], problems: Problem[]): Promise<RejectedRow[]> {
  const turn = takeTurns();
  // Rows by file and line, for the files with problems: a search per problem was quadratic (a
  // 600k-row upload whose ends are all unknown would have held the server for minutes).
  const rowsOf = new Map<string, Map<number, Record<string, unknown>>>();
  for (const file of files) {
    if (!problems.some((p) => p.file === file.file)) continue;
    const byLine = new Map<number, Record<string, unknown>>();
    for (const rows of [file.rows, file.misshapen ?? []]) {
      for (const row of rows) {
        byLine.set(row.line, row.values);
        const pause = turn();
        if (pause) await pause;
      }
    }
    rowsOf.set(file.file, byLine);
  }
  const rejected: RejectedRow[] = [];
  for (const p of problems) {
    rejected.push({ ...p, values: rowsOf.get(p.file)?.get(p.line) ?? null });
    const pause = turn();
    if (pause) await pause;
  }
  return rejected;
}

/**
 * Past this many ids, an empty database is noticed first: a first load of 100k companies asked
 * about 176,554 ids for 1.4 s, and gathering them took a pass over 1.2M relationships.
 */
const ASK_IF_EMPTY_FROM = 1_000;

async function holdsNoGraph(driver: Driver, database: string, timeoutMs?: number): Promise<boolean> {
  const [row] = await validationRead(driver, database, 'count-entities', {}, timeoutMs);
  return Number(row?.entities) === 0;
}

/** What the database knows of each id that already exists in it (validation's database side). */
export async function lookupInDatabase(driver: Driver, database: string, ids: string[], timeoutMs?: number): Promise<Map<string, InDatabase>> {
  const rows = await validationRead(driver, database, 'lookup-ids', { ids }, timeoutMs);
  return new Map(rows.map((r) => [r.id as string, { label: r.label as Label, regionsAbove: (r.regionsAbove as string[] | null) ?? undefined }]));
}

/** A read of validation's, failing with the coded error a caller can show (SERVICE_UNAVAILABLE, TIMEOUT). */
async function validationRead(driver: Driver, database: string, statement: string, params: Record<string, unknown>, timeoutMs?: number) {
  try {
    return await readTransaction(driver, database, cypher(statement), params, timeoutMs);
  } catch (error) {
    throw translateError(error);
  }
}
