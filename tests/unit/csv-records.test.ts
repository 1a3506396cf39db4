// CSV parsing in this thread and in the worker thread (big files) must read alike, record for
// record and line for line; and a big file read through the worker keeps its lines and problems.
import { describe, expect, it } from 'vitest';
import { parseCsvRecords, type CsvBatch } from '../../api/src/import/csv-records.ts';
import { parseCsvOffThread } from '../../api/src/import/parse-csv-off-thread.ts';
import { OFF_THREAD_FROM_BYTES, readInputFile } from '../../api/src/import/read-files.ts';
import type { Problem } from '../../api/src/import/problems.ts';

async function collect(parse: typeof parseCsvRecords, text: string) {
  const batches: CsvBatch[] = [];
  const broken = await parse(Buffer.from(text), (batch) => batches.push(batch));
  return { records: batches.flatMap((b) => b.records), lines: batches.flatMap((b) => b.lines), broken };
}

const tricky = [
  '\uFEFFid,name,description\r\nco-a,A,\r\n\r\nco-b,B,"two\r\nlines"\r\nco-c,C\r\n',
  ['id,name,description', ...Array.from({ length: 20_000 }, (_, i) => `co-${i},晶圆${i},"引号,内""容${i % 7 ? '' : '\nnext line'}"`), 'co-x,X,too,many', ''].join('\n'),
  'id,name\nco-a,"Alpha\n',
  'id,name\nco-a,A"b\n',
];

describe('CSV records', () => {
  it.each(tricky.map((text, i) => [i, text]))('reads input %i in the worker as in this thread', async (_, text) => {
    const here = await collect(parseCsvRecords, text);
    const there = await collect(parseCsvOffThread, text);
    expect(there).toEqual(here);
    // The first two are whole files, the last two broken ones.
    if (Number(_) < 2) expect([here.broken, here.records.length > 3]).toEqual([undefined, true]);
    else expect(here.broken).toEqual({ line: expect.any(Number), message: expect.stringMatching(/^broken CSV: /) });
  });

  it('reads several files in the worker at once, each to its own caller', async () => {
    const texts = [0, 1, 2].map((n) => `id,name\n${Array.from({ length: 10_000 }, (_, i) => `co-${n}-${i},N${i}`).join('\n')}\n`);
    const results = await Promise.all(texts.map((text) => collect(parseCsvOffThread, text)));
    expect(results.map((r) => [r.records.length, r.records[1]![0], r.records.at(-1)![0], r.lines.at(-1)])).toEqual(
      [0, 1, 2].map((n) => [10_001, `co-${n}-0`, `co-${n}-9999`, 10_001]),
    );
  });

  it('reads a file past the worker threshold with its lines and misshapen rows', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => (i === 30_000 ? 'co-short,Short' : `co-${i},Company ${i},"a note${i === 100 ? '\nover two lines' : ''}"`));
    const text = `id,name,description\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(OFF_THREAD_FROM_BYTES);
    const problems: Problem[] = [];
    const file = await readInputFile('Company.csv', Buffer.from(text), problems);
    expect(problems).toEqual([{ file: 'Company.csv', line: 30_003, field: '', message: 'the row has 2 fields; the header has 3' }]);
    expect(file!.rows).toHaveLength(39_999);
    // Row k starts on line k + 2; the rows after row 100's two lines end a line later.
    const lineOf = (k: number) => k + 2 + (k >= 100 ? 1 : 0);
    expect(file!.rows.filter((r) => r.line !== lineOf(Number(String(r.values.id).slice(3))))).toEqual([]);
    expect(file!.misshapen).toEqual([{ line: 30_003, values: { id: 'co-short', name: 'Short' } }]);
  });
});
