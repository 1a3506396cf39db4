// A statement's rows must die young: the driver keeps each result's observer reachable from the
// old generation until a full collection, so rows still hanging on it are copied by every
// young-generation collection until then (readTransaction in api/src/db/neo4j.ts).
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTransaction } from '../../api/src/db/neo4j.ts';
import { testDriver } from '../support/api.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major'; execution: 'sync' }) => void;

const driver = testDriver(inject('neo4jUri'));
const database = inject('neo4jDatabase');
afterAll(() => driver.close());

const STATEMENT = 'UNWIND range(1, 300) AS i RETURN [toString(i), [i, i + 1]] AS pair';
const BIG = "UNWIND range(1, 2000) AS i RETURN ['company ' + toString(i), 'SUPPLIES', [i, i + 1]] AS row";

describe('readTransaction', () => {
  it('reads every row of a statement', async () => {
    const rows = await readTransaction(driver, database, STATEMENT, {});
    expect(rows).toHaveLength(300);
    expect(rows[299]).toEqual({ pair: ['300', [300, 301]] });
  });

  it('keeps no row alive once the caller lets go of them, even through young-generation collections', async () => {
    // Warm up, then a full collection moves the driver's long-lived objects to the old generation.
    for (let i = 0; i < 5; i++) await readTransaction(driver, database, BIG, {});
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    let read = 0;
    for (let i = 0; i < 10; i++) read += (await readTransaction(driver, database, BIG, {})).length;
    await new Promise((resolve) => setImmediate(resolve));
    gc({ type: 'minor', execution: 'sync' });
    gc({ type: 'minor', execution: 'sync' });
    const kept = v8.getHeapStatistics().used_heap_size - before;
    expect(read).toBe(20_000);
    // Rows left on the driver's observers kept 14 MB here; read and let go, under 1 MB.
    expect(kept).toBeLessThan(3e6);
  });
});
