// Reads import files (CSV or JSON, one per label or relationship type) into raw rows with
// their line numbers. Nothing is checked against the domain here beyond the file name.
import fs from 'node:fs';
import path from 'node:path';
import { isLabel, isRelationshipType, type Label, type RelationshipType } from '../domain.ts';
import { parseCsvRecords, type CsvBatch } from './csv-records.ts';
import { parseCsvOffThread } from './parse-csv-off-thread.ts';
import type { Problem } from './problems.ts';
import { takeTurns } from './take-turns.ts';
import { firstInvalidUtf8Byte } from '../utf8.ts';

export interface RawRow {
  /** 1-based line in a CSV file (the header is line 1), or 1-based item number in a JSON array. */
  line: number;
  values: Record<string, unknown>;
}

interface ParsedFile {
  columns: string[];
  rows: RawRow[];
  /** CSV rows with more or fewer fields than the header: not validated, kept to show with their problem. */
  misshapen?: RawRow[];
}

export type InputFile =
  | ({ file: string; kind: 'node'; label: Label } & ParsedFile)
  | ({ file: string; kind: 'relationship'; type: RelationshipType } & ParsedFile);

/** All .csv and .json files under a path (a file or a folder, searched recursively), sorted. */
export function listInputFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(csv|json)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export async function readInputFile(file: string, contents: Buffer, problems: Problem[]): Promise<InputFile | undefined> {
  const base = path.basename(file).replace(/\.(csv|json)$/i, '');
  const badByte = firstInvalidUtf8Byte(contents);
  if (badByte !== undefined) {
    problems.push({ file, line: lineAt(contents, badByte), field: '', message: 'the file is not valid UTF-8 (save it as UTF-8)' });
    return undefined;
  }
  // CSV is parsed from the bytes: a file over 512 MB (a million companies' SUPPLIES) is longer
  // than V8's longest string. JSON is parsed from one string.
  let parsed;
  if (/\.json$/i.test(file)) {
    const text = wholeText(file, contents, problems);
    if (text === undefined) return undefined;
    parsed = await parseJson(file, text, problems);
  } else {
    parsed = await parseCsv(file, contents, problems);
  }
  if (!parsed) return undefined;
  if (isLabel(base)) return { file, kind: 'node', label: base, ...parsed };
  if (isRelationshipType(base)) return { file, kind: 'relationship', type: base, ...parsed };
  problems.push({
    file, line: 0, field: '',
    message: `file name "${base}" is neither a node label (Company, Lab, …) nor a relationship type (SUPPLIES, …)`,
  });
  return undefined;
}

/** The file as one string, or a problem if it is longer than V8's longest (512 MB of ASCII). */
function wholeText(file: string, contents: Buffer, problems: Problem[]): string | undefined {
  try {
    return new TextDecoder().decode(contents);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_STRING_TOO_LONG') throw error;
    problems.push({ file, line: 0, field: '', message: `the file is ${Math.ceil(contents.length / 2 ** 20)} MB, too long to read as one JSON text; split it into several files, or use CSV` });
    return undefined;
  }
}

/** The 1-based line a byte is on. */
function lineAt(contents: Buffer, byte: number): number {
  let line = 1;
  for (let at = contents.indexOf(0x0a); at !== -1 && at < byte; at = contents.indexOf(0x0a, at + 1)) line += 1;
  return line;
}

/** From this size a CSV file is parsed in the worker thread, off this one (below it, starting the worker costs more). */
export const OFF_THREAD_FROM_BYTES = 1 << 20;

async function parseCsv(file: string, contents: Buffer, problems: Problem[]): Promise<ParsedFile | undefined> {
  let columns: string[] | undefined;
  let headerTwice = false;
  const rows: RawRow[] = [];
  const misshapen: RawRow[] = [];
  // Each record becomes its row as it comes: keeping the parser's records too doubled the memory.
  const take = ({ records, lines }: CsvBatch) => {
    for (let r = 0; r < records.length; r += 1) {
      const record = records[r]!;
      const line = lines[r]!;
      if (!columns) {
        columns = record.map((c) => c.trim());
        const twice = columns.find((c, i) => columns!.indexOf(c) !== i);
        // Read as it is, the later column's value would silently win.
        if (twice !== undefined) {
          problems.push({ file, line, field: twice, message: 'the header names this column twice' });
          headerTwice = true;
        }
        continue;
      }
      if (record.length !== columns.length) {
        problems.push({ file, line, field: '', message: `the row has ${record.length} fields; the header has ${columns.length}` });
        // Its fields under the header's names as far as they go; any beyond under their position.
        misshapen.push({ line, values: Object.fromEntries(record.map((value, i) => [columns![i] ?? `field ${i + 1}`, value])) });
        continue;
      }
      const values: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i += 1) values[columns[i]!] = record[i];
      rows.push({ line, values });
    }
  };
  const broken = contents.length >= OFF_THREAD_FROM_BYTES ? await parseCsvOffThread(contents, take) : await parseCsvRecords(contents, take);
  if (broken) {
    problems.push({ file, line: broken.line, field: '', message: broken.message });
    return undefined;
  }
  if (!columns) {
    problems.push({ file, line: 1, field: '', message: 'the file is empty; a CSV file starts with its header row' });
    return undefined;
  }
  if (headerTwice) return undefined;
  return { columns, rows, misshapen };
}

async function parseJson(file: string, text: string, problems: Problem[]): Promise<ParsedFile | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push({ file, line: 0, field: '', message: `broken JSON: ${(error as Error).message}` });
    return undefined;
  }
  if (!Array.isArray(data) || data.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    problems.push({ file, line: 0, field: '', message: 'a JSON import file holds one array of objects' });
    return undefined;
  }
  const items = data as Record<string, unknown>[];
  const columns = new Set<string>();
  const rows: RawRow[] = [];
  const turn = takeTurns();
  for (const [i, values] of items.entries()) {
    for (const key in values) columns.add(key);
    rows.push({ line: i + 1, values });
    const pause = turn();
    if (pause) await pause;
  }
  return { columns: [...columns], rows };
}
