// Writes the graph, or a scoped part of it, in the import format: one CSV per label and per
// relationship type, rows sorted, so export → import → export gives identical files.
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { stringify } from 'csv-stringify/sync';
import { cypher } from '../db/cypher-files.ts';
import { rowOf } from '../db/neo4j.ts';
import { COMMON_NODE_PROPS, LABELS, NODE_PROPS, PROVENANCE_PROPS, RELATIONSHIPS, RELATIONSHIP_TYPES } from '../domain.ts';
import { toLuceneQuery } from '../graphql/search-query.ts';

export type ExportScope = { kind: 'all' } | { kind: 'chain' | 'region'; id: string } | { kind: 'search'; text: string };

export interface ExportReport { files: { file: string; rows: number }[] }

export async function exportGraph(driver: Driver, database: string, folder: string, scope: ExportScope = { kind: 'all' }): Promise<ExportReport> {
  const read = async (name: string, params: Record<string, unknown>) =>
    (await driver.executeQuery(cypher(name), params, { database, routing: neo4j.routing.READ })).records.map(rowOf);
  const ids = await scopeIds(read, scope);
  fs.mkdirSync(path.join(folder, 'nodes'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'relationships'), { recursive: true });
  const files: ExportReport['files'] = [];

  for (const label of LABELS) {
    const rows = await read('export-nodes', { label, ids });
    if (!rows.length) continue;
    const columns = [...Object.keys(COMMON_NODE_PROPS), ...Object.keys(NODE_PROPS[label])];
    const file = path.join(folder, 'nodes', `${label}.csv`);
    fs.writeFileSync(file, toCsv(columns, rows.map((r) => r.props as Record<string, unknown>)));
    files.push({ file, rows: rows.length });
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = await read('export-relationships', { type, ids });
    if (!rows.length) continue;
    const columns = ['from', 'to', ...Object.keys(PROVENANCE_PROPS), ...Object.keys(RELATIONSHIPS[type].props)];
    const file = path.join(folder, 'relationships', `${type}.csv`);
    fs.writeFileSync(file, toCsv(columns, rows.map((r) => ({ from: r.from, to: r.to, ...(r.props as Record<string, unknown>) }))));
    files.push({ file, rows: rows.length });
  }
  return { files };
}

type Read = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

async function scopeIds(read: Read, scope: ExportScope): Promise<string[] | null> {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'search') {
    const query = toLuceneQuery(scope.text);
    if (!query) return [];
    const rows = await read('search', { query, labels: [], limit: neo4j.int(500), first: neo4j.int(500), exact: scope.text.toLowerCase() });
    return rows.map((r) => r.id as string);
  }
  const rows = await read(scope.kind === 'chain' ? 'scope-chain' : 'scope-region', { id: scope.id });
  const ids = (rows[0]?.ids as string[] | undefined) ?? [];
  if (!ids.length) throw new Error(`no ${scope.kind} with id "${scope.id}"`);
  return ids;
}

function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join('|') : String(value));
  return stringify(rows.map((row) => columns.map((c) => cell(row[c]))), { header: true, columns });
}
