// Checks every row against the domain model before anything is written: columns, types,
// enumerations, ranges, duplicate ids and relationship ends (in the input or the database).
import type { z } from 'zod';
import {
  COMMON_NODE_PROPS, DECIMAL, NODE_PROPS, NUMBER_PROPS, ORDERED_FIELDS, PROVENANCE_PROPS, RELATIONSHIPS,
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

/**
 * Labels of ids already in the database, for relationship ends the input does not define. The
 * ids take a pass over every relationship to gather, so they are asked for only when needed
 * (not when the database holds no graph at all); there are at most `atMost` of them.
 */
export type IdLookup = (ids: () => Promise<string[]>, atMost: number) => Promise<Map<string, InDatabase>>;

/** An id the database holds: its kind, and for a region the ids of the regions it is within. */
export interface InDatabase { label: Label; regionsAbove?: string[] }

export interface FileDefaults { source: string; asOf: string }

export async function validate(
  files: AsyncIterable<InputFile> | Iterable<InputFile>,
  defaults: (file: string) => FileDefaults,
  lookup: IdLookup,
  problems: Problem[],
): Promise<ValidDataset> {
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRow[] = [];
  const seenIds = new Map<string, string>();
  const turn = takeTurns();

  for await (const input of files) {
    const shape = input.kind === 'node'
      ? { ...COMMON_NODE_PROPS, ...NODE_PROPS[input.label] }
      : { from: COMMON_NODE_PROPS.id!, to: COMMON_NODE_PROPS.id!, ...PROVENANCE_PROPS, ...RELATIONSHIPS[input.type].props };
    const unknown = input.columns.filter((c) => !(c in shape));
    for (const column of unknown) {
      problems.push({ file: input.file, line: 1, field: column, message: `unknown column; expected some of: ${Object.keys(shape).join(', ')}` });
    }
    if (unknown.length) continue;
    // Each start's ends so far: a Set of joined pairs made a new string for every row.
    const seenEnds = new Map<string, Set<string>>();
    // The id or the ends are parsed apart from the properties: deleting them from the properties
    // afterwards would turn every row's object into a slow dictionary.
    const [keys, fields] = splitFields(fieldsOf(shape), input.kind === 'node' ? ['id'] : ['from', 'to']);
    // Every relationship row starts from its file's provenance, which its own columns override.
    const { source, asOf } = defaults(input.file);
    const ordered = ORDERED_FIELDS.filter(([owner]) => owner === (input.kind === 'node' ? input.label : input.type));
    for (const row of input.rows) {
      const pause = turn();
      if (pause) await pause;
      if (input.kind === 'node') {
        const identity = parseRow(input.file, row, keys, {}, problems);
        const props = parseRow(input.file, row, fields, {}, problems);
        if (!identity || !props || !inOrder(input.file, row, props, ordered, problems)) continue;
        const id = identity.id as string;
        const first = seenIds.get(id);
        if (first) {
          problems.push({ file: input.file, line: row.line, field: 'id', message: `duplicate id "${id}" (first at ${first})` });
          continue;
        }
        seenIds.set(id, `${input.file} line ${row.line}`);
        if (Array.isArray(props.aliases)) props.aliasText = (props.aliases as string[]).join(' | ');
        nodes.push({ label: input.label, id, props, file: input.file, line: row.line });
      } else {
        const ends = parseRow(input.file, row, keys, {}, problems);
        const props = parseRow(input.file, row, fields, { source, confidence: 1, asOf }, problems);
        if (!ends || !props || !inOrder(input.file, row, props, ordered, problems)) continue;
        const { from, to } = ends as { from: string; to: string };
        // No relationship of the domain links an entity to itself (a company supplying itself, a
        // region within itself); the readers' walks would count such an entity as its own partner.
        if (from === to) {
          problems.push({ file: input.file, line: row.line, field: 'to', message: `a ${input.type} cannot start and end at the same entity ("${from}")` });
          continue;
        }
        let tos = seenEnds.get(from);
        if (!tos) seenEnds.set(from, (tos = new Set()));
        if (tos.has(to)) {
          problems.push({ file: input.file, line: row.line, field: 'to', message: `duplicate ${input.type} from "${from}" to "${to}"` });
          continue;
        }
        tos.add(to);
        relationships.push({ type: input.type, from, to, props, file: input.file, line: row.line });
      }
    }
  }

  return checkEnds(nodes, relationships, lookup, problems);
}

interface Field { name: string; schema: z.ZodType; optional: boolean; numeric: boolean }

/** A shape's fields, each noting whether it may be absent (most are, and need no parsing then). */
function fieldsOf(shape: Record<string, z.ZodType>): Field[] {
  return Object.entries(shape).map(([name, schema]) => ({ name, schema, optional: isOptional(schema), numeric: NUMBER_PROPS.has(name) }));
}

function isOptional(schema: z.ZodType): boolean {
  const absent = schema.safeParse(undefined);
  return absent.success && absent.data === undefined;
}

/** The fields named (in their order), and the rest. */
function splitFields(fields: Field[], names: string[]): [Field[], Field[]] {
  return [fields.filter((f) => names.includes(f.name)), fields.filter((f) => !names.includes(f.name))];
}

/** The row's values parsed into `props` (which may hold defaults they override), or undefined if any is invalid. */
function parseRow(file: string, row: RawRow, fields: Field[], props: Record<string, unknown>, problems: Problem[]): Record<string, unknown> | undefined {
  let ok = true;
  for (const { name, schema, optional, numeric } of fields) {
    const raw = row.values[name];
    // A cell of spaces is as empty as an empty one (trimmed only when it starts with a space: a
    // trim of every cell was half a second of the 100k load).
    let value = raw === '' || raw === null || (typeof raw === 'string' && raw.charCodeAt(0) <= 32 && raw.trim() === '') ? undefined : raw;
    if (value === undefined && optional) continue;
    // Text of a number field is read as a number when written in decimal; other text fails the check.
    if (numeric && typeof value === 'string' && DECIMAL.test(value)) value = Number(value);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // 1e400 reads as Infinity (in JSON too), which JSON.stringify would show as null.
      problems.push({ file, line: row.line, field: name, message: `is too large a number${typeof raw === 'string' ? ` (got ${JSON.stringify(raw.slice(0, 80))})` : ''}` });
      ok = false;
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const message = value === undefined ? 'is required' : `${issue?.message ?? 'is invalid'} (got ${JSON.stringify(value).slice(0, 80)})`;
      problems.push({ file, line: row.line, field: name, message });
      ok = false;
    } else if (result.data !== undefined) {
      props[name] = result.data;
    }
  }
  return ok ? props : undefined;
}

/** Whether the row's ordered fields (a policy's validFrom and validTo, …) run forwards; if not, says which. */
function inOrder(file: string, row: RawRow, props: Record<string, unknown>, ordered: readonly (readonly [string, string, string])[], problems: Problem[]): boolean {
  for (const [, earlier, later] of ordered) {
    const [from, to] = [props[earlier], props[later]] as [string | number | undefined, string | number | undefined];
    if (from !== undefined && to !== undefined && to < from) {
      problems.push({ file, line: row.line, field: later, message: `is before ${earlier} (${to} < ${from})` });
      return false;
    }
  }
  return true;
}

/** Drops nodes whose id is another kind in the database and relationships with bad ends. */
async function checkEnds(nodes: NodeRow[], relationships: RelationshipRow[], lookup: IdLookup, problems: Problem[]): Promise<ValidDataset> {
  const turn = takeTurns();
  const labels = new Map<string, Label>();
  for (const n of nodes) labels.set(n.id, n.label);
  // Input nodes, and the ends the input does not define: the database is asked about each once.
  const inDatabase = await lookup(async () => {
    const asked = new Set(labels.keys());
    for (const rel of relationships) {
      asked.add(rel.from).add(rel.to);
      const pause = turn();
      if (pause) await pause;
    }
    return [...asked];
  }, nodes.length + 2 * relationships.length);
  const keptNodes: NodeRow[] = [];
  for (const node of nodes) {
    const existing = inDatabase.get(node.id)?.label;
    if (!existing || existing === node.label) keptNodes.push(node);
    else {
      problems.push({ file: node.file, line: node.line, field: 'id', message: `"${node.id}" is already a ${existing} in the database, not a ${node.label}` });
      labels.set(node.id, existing);
    }
    const pause = turn();
    if (pause) await pause;
  }
  for (const [id, { label }] of inDatabase) if (!labels.has(id)) labels.set(id, label);
  const keptRelationships: RelationshipRow[] = [];
  for (const rel of relationships) {
    const spec = RELATIONSHIPS[rel.type];
    const fromOk = checkEnd(rel, 'from', spec.from, labels, problems);
    if (checkEnd(rel, 'to', spec.to, labels, problems) && fromOk) keptRelationships.push(rel);
    const pause = turn();
    if (pause) await pause;
  }
  const existingIds = new Set(keptNodes.filter((n) => inDatabase.has(n.id)).map((n) => n.id));
  return { nodes: keptNodes, relationships: withoutRegionLoops(keptRelationships, inDatabase, problems), existingIds };
}

/**
 * Drops each WITHIN row that would put a region within itself, through the input's WITHIN rows
 * before it and the hierarchy already in the database: every question about a region counts
 * the regions within it, and a loop would make a city hold its own province.
 */
function withoutRegionLoops(relationships: RelationshipRow[], inDatabase: Map<string, InDatabase>, problems: Problem[]): RelationshipRow[] {
  const above = new Map<string, string[]>();
  const refused = new Set<RelationshipRow>();
  for (const rel of relationships) {
    if (rel.type !== 'WITHIN') continue;
    const loop = pathUp(rel.to, rel.from, above, inDatabase);
    if (loop) {
      problems.push({ file: rel.file, line: rel.line, field: 'to', message: `would put "${rel.from}" within itself (${[rel.from, ...loop].join(' within ')})` });
      refused.add(rel);
    } else {
      above.set(rel.from, [...(above.get(rel.from) ?? []), rel.to]);
    }
  }
  return refused.size ? relationships.filter((rel) => !refused.has(rel)) : relationships;
}

/** The regions from `start` up to `target` (both included), or undefined if `target` is not above `start`. */
function pathUp(start: string, target: string, above: Map<string, string[]>, inDatabase: Map<string, InDatabase>): string[] | undefined {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let at = 0; at < queue.length; at += 1) {
    const region = queue[at]!;
    if (region === target) {
      const path = [];
      for (let step: string | null | undefined = region; step; step = cameFrom.get(step)) path.unshift(step);
      return path;
    }
    for (const next of [...(above.get(region) ?? []), ...(inDatabase.get(region)?.regionsAbove ?? [])]) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, region);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** Whether a relationship's end names a node of a kind it may join; if not, says why. */
function checkEnd(rel: RelationshipRow, end: 'from' | 'to', allowed: readonly Label[], labels: Map<string, Label>, problems: Problem[]): boolean {
  const id = rel[end];
  const label = labels.get(id);
  if (!label) {
    problems.push({ file: rel.file, line: rel.line, field: end, message: `no node with id "${id}" in the input or the database` });
    return false;
  }
  if (!allowed.includes(label)) {
    problems.push({ file: rel.file, line: rel.line, field: end, message: `"${id}" is a ${label}; ${rel.type} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}` });
    return false;
  }
  return true;
}
