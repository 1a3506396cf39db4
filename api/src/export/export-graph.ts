// Writes the graph, or a scoped part of it, in the import format: one CSV per label and per
// relationship type, rows sorted, so export → import → export gives identical files.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { stringify } from 'csv-stringify/sync';
import { cypher } from '../db/cypher-files.ts';
import { rowOf } from '../db/neo4j.ts';
import { COMMON_NODE_PROPS, LABELS, NODE_PROPS, PROVENANCE_PROPS, RELATIONSHIPS, RELATIONSHIP_TYPES } from '../domain.ts';
import { toLuceneQuery } from '../graphql/search-query.ts';
import { makeFolder } from '../make-folder.ts';

export type ExportScope = { kind: 'all' } | { kind: 'chain' | 'region'; id: string } | { kind: 'search'; text: string };

export interface ExportReport { files: { file: string; rows: number }[] }

/**
 * The folder must be new or empty: files of an earlier export (or any other data) left beside
 * this one's would be imported with it. The files are written into a folder beside it and moved
 * into place at the end, so an export that fails part-way leaves nothing that looks complete.
 */
export async function exportGraph(driver: Driver, database: string, folder: string, scope: ExportScope = { kind: 'all' }): Promise<ExportReport> {
  checkTarget(folder);
  const read = async (name: string, params: Record<string, unknown>) =>
    (await driver.executeQuery(cypher(name), params, { database, routing: neo4j.routing.READ })).records.map(rowOf);
  const ids = await scopeIds(read, scope);
  const target = path.resolve(folder);
  makeFolder(path.dirname(target));
  // Not mkdtemp, whose folder is private to its owner (0700): the export keeps the usual mode.
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(partial);
  try {
    const files = await writeFiles(read, partial, ids);
    checkTarget(folder);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(partial, target);
    return { files: files.map((f) => ({ ...f, file: path.join(folder, path.relative(partial, f.file)) })) };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

function checkTarget(folder: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw new Error(code === 'ENOTDIR' ? `"${folder}" is a file; an export goes into a new or empty folder` : `cannot read "${folder}": ${code}`);
  }
  if (entries.length) {
    throw new Error(`"${folder}" is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); an export goes into a new or empty folder, so that no other file is imported with it`);
  }
}

async function writeFiles(read: Read, folder: string, ids: string[] | null): Promise<ExportReport['files']> {
  fs.mkdirSync(path.join(folder, 'nodes'));
  fs.mkdirSync(path.join(folder, 'relationships'));
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
  return files;
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
