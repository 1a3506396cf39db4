// CSV bytes to records with their line numbers, a batch at a time: the parsing that read-files.ts
// does either in its own thread (small files) or in csv-worker.ts (big ones), the same way.
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';

/**
 * Bytes taken at a time: CSV goes to the parser in slices this size (~10 ms of parsing), with a
 * turn for the event loop in between; read-files.ts looks for a bad byte's line likewise.
 */
export const SLICE_BYTES = 1 << 17;

/** Records passed on at a time: from a worker, small enough to hold little, big enough to be few messages. */
const RECORDS_PER_BATCH = 8192;

/** Records (the header among them; empty lines left out) and the line each ends on. */
export interface CsvBatch { records: string[][]; lines: number[] }

/** Where and why the parser gave up on a file. */
export interface CsvBroken { line: number; message: string }

export async function parseCsvRecords(contents: Uint8Array, onBatch: (batch: CsvBatch) => void): Promise<CsvBroken | undefined> {
  // Lines are counted here, not by the parser's per-record info (a quarter of its time): a record
  // ends one line after the last one, plus the line breaks inside its quoted values. Empty lines
  // come through as one empty field so they count too; and rows with too few or too many fields
  // are passed on (the parser would stop the whole file at the first).
  let line = 0;
  let batch: CsvBatch = { records: [], lines: [] };
  const parser = parse({ bom: true, skip_empty_lines: false, relax_column_count: true });
  parser.on('data', (record: string[]) => {
    line += 1 + lineBreaksIn(record);
    if (record.length === 1 && record[0] === '') return;
    batch.records.push(record);
    batch.lines.push(line);
    if (batch.records.length < RECORDS_PER_BATCH) return;
    onBatch(batch);
    batch = { records: [], lines: [] };
  });
  const done = finished(parser);
  try {
    for (let at = 0; at < contents.length && !parser.destroyed; at += SLICE_BYTES) {
      parser.write(contents.subarray(at, at + SLICE_BYTES));
      await nextTurn();
    }
    parser.end();
    await done;
  } catch (error) {
    const err = error as { message: string; lines?: number };
    return { line: err.lines ?? 0, message: `broken CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}` };
  }
  if (batch.records.length) onBatch(batch);
  return undefined;
}

/** Line breaks (\n, \r\n or a lone \r) inside a record's fields. */
function lineBreaksIn(record: string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (!LINE_BREAK.test(field)) continue;
    breaks += field.match(LINE_BREAKS)!.length;
  }
  return breaks;
}
const LINE_BREAK = /[\r\n]/;
const LINE_BREAKS = /\r\n|\r|\n/g;
