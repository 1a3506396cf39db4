// Checks every row against the domain model before anything is written: columns, types,
// enumerations, ranges, duplicate ids and relationship ends (in the input or the database).
import type { z } from 'zod';
import {
  COMMON_NODE_PROPS, NODE_PROPS, PROVENANCE_PROPS, RELATIONSHIPS,
  type Label, type RelationshipType,
} from '../domain.ts';
import type { InputFile, RawRow } from './read-files.ts';
import type { Problem } from './problems.ts';
import { takeTurns } from './take-turns.ts';

export interface NodeRow { label: Label; id: string; props: Record<string, unknown>; file: string; line: number }
export interface RelationshipRow {
  type: RelationshipType; from: string; to: string; props: Record<string, unknown>; file: string; line: number;
}

export interface ValidDataset {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /** Ids of input nodes the database already holds (the rest can be created without a lookup). */
  existingIds: Set<string>;
}

/** Labels of ids already in the database, for relationship ends the input does not define. */
export type IdLookup = (ids: string[]) => Promise<Map<string, Label>>;

export interface FileDefaults { source: string; asOf: string }

export async function validate(
  files: InputFile[],
  defaults: (file: string) => FileDefaults,
  lookup: IdLookup,
  problems: Problem[],
): Promise<ValidDataset> {
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRow[] = [];
  const seenIds = new Map<string, string>();
  const turn = takeTurns();

  for (const input of files) {
    const shape = input.kind === 'node'
      ? { ...COMMON_NODE_PROPS, ...NODE_PROPS[input.label] }
      : { from: COMMON_NODE_PROPS.id!, to: COMMON_NODE_PROPS.id!, ...PROVENANCE_PROPS, ...RELATIONSHIPS[input.type].props };
    const unknown = input.columns.filter((c) => !(c in shape));
    for (const column of unknown) {
      problems.push({ file: input.file, line: 1, field: column, message: `unknown column; expected some of: ${Object.keys(shape).join(', ')}` });
    }
    if (unknown.length) continue;
    const seenRelationships = new Set<string>();
    for (const row of input.rows) {
      await turn();
      const props = parseRow(input.file, row, shape, problems);
      if (!props) continue;
      if (input.kind === 'node') {
        const id = props.id as string;
        const first = seenIds.get(id);
        if (first) {
          problems.push({ file: input.file, line: row.line, field: 'id', message: `duplicate id "${id}" (first at ${first})` });
          continue;
        }
        seenIds.set(id, `${input.file} line ${row.line}`);
        if (Array.isArray(props.aliases)) props.aliasText = (props.aliases as string[]).join(' | ');
        delete props.id;
        nodes.push({ label: input.label, id, props, file: input.file, line: row.line });
      } else {
        const { from, to, ...rest } = props as { from: string; to: string } & Record<string, unknown>;
        const key = `${from}\u0000${to}`;
        if (seenRelationships.has(key)) {
          problems.push({ file: input.file, line: row.line, field: 'to', message: `duplicate ${input.type} from "${from}" to "${to}"` });
          continue;
        }
        seenRelationships.add(key);
        const fileDefaults = defaults(input.file);
        const withProvenance = { source: fileDefaults.source, confidence: 1, asOf: fileDefaults.asOf, ...rest };
        relationships.push({ type: input.type, from, to, props: withProvenance, file: input.file, line: row.line });
      }
    }
  }

  return checkEnds(nodes, relationships, lookup, problems);
}

function parseRow(file: string, row: RawRow, shape: Record<string, z.ZodType>, problems: Problem[]): Record<string, unknown> | undefined {
  const props: Record<string, unknown> = {};
  let ok = true;
  for (const [field, schema] of Object.entries(shape)) {
    const raw = row.values[field];
    const value = raw === '' || raw === null ? undefined : raw;
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const message = value === undefined ? 'is required' : `${issue?.message ?? 'is invalid'} (got ${JSON.stringify(value).slice(0, 80)})`;
      problems.push({ file, line: row.line, field, message });
      ok = false;
    } else if (result.data !== undefined) {
      props[field] = result.data;
    }
  }
  return ok ? props : undefined;
}

/** Drops nodes whose id is another kind in the database and relationships with bad ends. */
async function checkEnds(nodes: NodeRow[], relationships: RelationshipRow[], lookup: IdLookup, problems: Problem[]): Promise<ValidDataset> {
  const turn = takeTurns();
  const labels = new Map<string, Label>();
  for (const n of nodes) labels.set(n.id, n.label);
  // Input nodes, and the ends the input does not define: the database is asked about each once.
  const asked = new Set(labels.keys());
  for (const rel of relationships) {
    asked.add(rel.from).add(rel.to);
    await turn();
  }
  const inDatabase = await lookup([...asked]);
  const keptNodes: NodeRow[] = [];
  for (const node of nodes) {
    const existing = inDatabase.get(node.id);
    if (!existing || existing === node.label) keptNodes.push(node);
    else {
      problems.push({ file: node.file, line: node.line, field: 'id', message: `"${node.id}" is already a ${existing} in the database, not a ${node.label}` });
      labels.set(node.id, existing);
    }
    await turn();
  }
  for (const [id, label] of inDatabase) if (!labels.has(id)) labels.set(id, label);
  const keptRelationships: RelationshipRow[] = [];
  for (const rel of relationships) {
    const spec = RELATIONSHIPS[rel.type];
    let ok = true;
    for (const [end, allowed] of [['from', spec.from], ['to', spec.to]] as const) {
      const id = rel[end];
      const label = labels.get(id);
      if (!label) {
        problems.push({ file: rel.file, line: rel.line, field: end, message: `no node with id "${id}" in the input or the database` });
        ok = false;
      } else if (!allowed.includes(label)) {
        problems.push({ file: rel.file, line: rel.line, field: end, message: `"${id}" is a ${label}; ${rel.type} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}` });
        ok = false;
      }
    }
    if (ok) keptRelationships.push(rel);
    await turn();
  }
  const existingIds = new Set(keptNodes.filter((n) => inDatabase.has(n.id)).map((n) => n.id));
  return { nodes: keptNodes, relationships: keptRelationships, existingIds };
}
