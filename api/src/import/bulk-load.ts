// A first load into an empty local Neo4j, written by Neo4j's offline importer (neo4j-admin
// database import full) instead of transactions: it builds the store files directly (100k
// companies: 16 s where transactions take ~60 s). It needs the database stopped, so it is only
// for a local server this process started (the CLI's), and only when the database holds no
// node at all (no graph, no API key, no audit entry): the importer replaces the store. The
// nodes and relationships written are the same as the transactional path's (a test compares
// every value and its type), and the schema is applied again afterwards.
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import { markImportWritten } from '../db/graph-version.ts';
import type { LocalNeo4j } from '../db/local-neo4j.ts';
import { readTransaction } from '../db/neo4j.ts';
import { applySchema } from '../db/schema.ts';
import { INTEGER_PROPS } from '../domain.ts';
import type { NodeRow, RelationshipRow, ValidDataset } from './validate.ts';
import { byFile, countsOf, type FileCounts, type WriteResult } from './write.ts';

/** Between list elements in the CSV: a control character no imported text should hold. */
const ARRAY_DELIMITER = '\u001f';

/** Why the offline importer cannot write into this database, or undefined if it can. */
export async function bulkLoadRefusal(driver: Driver, database: string, local: LocalNeo4j | undefined): Promise<string | undefined> {
  if (!local?.owned) return 'the database is not a local one this command started';
  const [row] = await readTransaction(driver, database, cypher('count-all-nodes'), {});
  if (Number(row?.nodes ?? 1) > 0) return 'the database is not empty';
  // Every value has a CSV form: domain.ts leaves an empty list out and refuses control
  // characters in text, so no list element holds the element delimiter.
  return undefined;
}

export async function bulkLoad(
  local: LocalNeo4j,
  driver: Driver,
  database: string,
  dataset: ValidDataset,
  onProgress: (written: number, total: number) => void = () => {},
  onNotice: (line: string) => void = () => {},
): Promise<WriteResult> {
  const started = performance.now();
  const total = dataset.nodes.length + dataset.relationships.length;
  onNotice(`Writing ${total} rows with Neo4j's offline importer into the empty database; the local Neo4j stops meanwhile (importer log: ${path.join(local.dataDir, 'neo4j-admin.log')})`);
  let importerSeconds = 0;
  const counts = new Map<string, FileCounts>();
  let multiline = false;
  const folder = fs.mkdtempSync(path.join(local.dataDir, 'offline-import-'));
  try {
    // Every node's last cells: its updatedAt, the same for the whole load.
    const updatedAt = `,${quoted(new Date().toISOString())}\n`;
    /** Writes one group's CSV file, counting its rows as created and noting values that span lines. */
    const write = <T extends NodeRow | RelationshipRow>(file: string, header: string[], rows: T[], line: (row: T) => string) => {
      countsOf(counts, rows[0]!.file).created += rows.length;
      multiline = writeCsv(file, header, rows, line) || multiline;
    };
    // Each node's importer id is its place in the files (--id-type=actual): the importer then
    // keeps no map from the dataset's ids to its own, 2–3 s of the 100k graph's import.
    const place = new Map<string, number>();
    const placeOf = (id: string) => {
      const at = place.get(id);
      if (at === undefined) throw new Error(`no node ${id} for a relationship: validation let a missing end through`);
      return at;
    };
    const args = [
      ...byFile(dataset.nodes).map((rows, i) => {
        const file = path.join(folder, `nodes-${i}.csv`);
        const columns = propertyColumns(rows);
        const keys = columns.map(([key]) => key);
        write(file, [':ID', 'id:string', ...columns.map(([key, type]) => `${key}:${type}`), 'updatedAt:string'], rows,
          (n) => {
            place.set(n.id, place.size);
            return `${place.size - 1},${quoted(n.id)}${cellsOf(n.props, keys)}${updatedAt}`;
          });
        return `--nodes=Entity:${rows[0]!.label}=${file}`;
      }),
      ...byFile(dataset.relationships).map((rows, i) => {
        const file = path.join(folder, `relationships-${i}.csv`);
        const columns = propertyColumns(rows);
        const keys = columns.map(([key]) => key);
        write(file, [':START_ID', ':END_ID', ...columns.map(([key, type]) => `${key}:${type}`)], rows,
          (r) => `${placeOf(r.from)},${placeOf(r.to)}${cellsOf(r.props, keys)}\n`);
        return `--relationships=${rows[0]!.type}=${file}`;
      }),
    ];
    importerSeconds = await local.runAdmin([
      'database', 'import', 'full', database, '--overwrite-destination=true', '--id-type=actual',
      `--array-delimiter=U+001F`, `--multiline-fields=${multiline}`, `--report-file=${path.join(folder, 'import.report')}`,
      ...args,
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  // The new store starts its transaction ids afresh: bookmarks from before it would make
  // executeQuery wait for transactions that will never come.
  const bookmarks = driver.executeQueryBookmarkManager;
  await bookmarks.updateBookmarks(await bookmarks.getBookmarks(), []);
  // The importer writes no schema: constraints and indexes are built now, on the loaded graph.
  await applySchema(driver, database);
  await markImportWritten(driver, database);
  onProgress(total, total);
  // Nodes and relationships are written in one pass: the whole time counts for both.
  const seconds = (performance.now() - started) / 1000;
  return { counts, nodeSeconds: seconds, relationshipSeconds: seconds, offline: { importerSeconds } };
}

/** [name, type] of each property the rows hold, typed as the transactional path stores it. */
function propertyColumns(rows: (NodeRow | RelationshipRow)[]): [string, string][] {
  const types = new Map<string, string>();
  for (const { props } of rows) {
    for (const key in props) {
      const value = props[key];
      if (value === undefined || types.has(key)) continue;
      types.set(key, Array.isArray(value) ? 'string[]'
        : typeof value === 'boolean' ? 'boolean'
          : typeof value === 'number' ? (INTEGER_PROPS.has(key) ? 'long' : 'double')
            : 'string');
    }
  }
  return [...types];
}

/** Rows written at a time: a million companies' SUPPLIES as one string would pass V8's longest. */
const ROWS_PER_WRITE = 10_000;

/**
 * Writes the importer's CSV and says whether any value spans lines. Written by hand rather than
 * with csv-stringify: its form is fixed and simple (every string quoted, so an empty one stays a
 * value; quotes doubled; an absent value an empty field), and csv-stringify took 3.5× as long,
 * 4 of the 100k graph's 5 s here.
 */
function writeCsv<T>(file: string, header: string[], rows: T[], line: (row: T) => string): boolean {
  let multiline = false;
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${header.map(quoted).join(',')}\n`);
    // Each row's line is made as its batch is written: all of them at once took gigabytes.
    for (let at = 0; at < rows.length; at += ROWS_PER_WRITE) {
      const batch = rows.slice(at, at + ROWS_PER_WRITE);
      let text = '';
      for (const row of batch) text += line(row);
      // A value spans lines when the batch has more line breaks than rows (one search of the
      // text, where a test of every value took 0.4 s for the 100k graph).
      multiline ||= text.includes('\r') || lineFeeds(text) > batch.length;
      fs.writeSync(fd, text);
    }
  } finally {
    fs.closeSync(fd);
  }
  return multiline;
}

function lineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * The properties' cells, each after a comma. Made straight into the row's line: an array of its
 * cells, spread and joined, was a third of the 100k graph's 4.8 s of CSV here.
 */
function cellsOf(props: Record<string, unknown>, keys: string[]): string {
  let cells = '';
  for (const key of keys) cells += `,${csvCell(props[key])}`;
  return cells;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return quoted(value.join(ARRAY_DELIMITER));
  return typeof value === 'string' ? quoted(value) : String(value);
}

function quoted(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
