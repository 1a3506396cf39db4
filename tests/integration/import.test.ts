// Import and export against Neo4j: refused input writes nothing, re-import changes nothing,
// partial mode writes only the valid rows, and export → import → export is the identity.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { applySchema } from '../../api/src/db/schema.ts';
import { startLocalNeo4j } from '../../api/src/db/local-neo4j.ts';
import { exportGraph } from '../../api/src/export/export-graph.ts';
import { importPath } from '../../api/src/import/import-dataset.ts';
import { ImportRejected } from '../../api/src/import/problems.ts';
import { RegionLoopError, writeDataset } from '../../api/src/import/write.ts';
import { SAMPLE_DIR, graphCounts } from '../../api/src/seed.ts';
import { ROOT } from '../../api/src/config.ts';
import { generateGraph, type GenerateReport } from '../../seed-data/generator/generate-graph.ts';
import { graphFingerprint, testDriver } from '../support/api.ts';

let driver: Driver;
const database = () => inject('neo4jDatabase');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-import-'));

function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

beforeAll(() => {
  driver = testDriver();
});

afterAll(async () => {
  await driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const good = {
  'Company.csv': 'id,name,stage\ntest-imp-a,Import Alpha,startup\ntest-imp-b,Import Beta,enterprise\n',
  'SUPPLIES.csv': 'from,to,source,confidence,asOf,product\ntest-imp-b,test-imp-a,registry,0.9,2024-05-01,lab glassware\n',
};

describe('import into Neo4j', () => {
  it.each([
    ['a missing required field', { 'Company.csv': 'id,name\ntest-imp-x,\n' }, { file: 'Company.csv', line: 2, field: 'name' }],
    ['a wrong type', { 'Company.csv': 'id,name,employees\ntest-imp-x,X,many\n' }, { line: 2, field: 'employees' }],
    ['a bad enumeration', { 'Segment.csv': 'id,name,tier\ntest-imp-x,X,sideways\n' }, { line: 2, field: 'tier' }],
    ['a confidence out of range', { ...good, 'SUPPLIES.csv': 'from,to,confidence,product\ntest-imp-b,test-imp-a,7,x\n' }, { file: 'SUPPLIES.csv', line: 2, field: 'confidence' }],
    ['a TRL out of range', { 'Technology.csv': 'id,name,trl\ntest-imp-x,X,0\n' }, { line: 2, field: 'trl' }],
    ['duplicate ids', { 'Company.csv': 'id,name\ntest-imp-x,X\ntest-imp-x,Y\n' }, { line: 3, field: 'id' }],
    ['a dangling relationship', { ...good, 'SUPPLIES.csv': 'from,to,product\ntest-imp-b,test-imp-nowhere,x\n' }, { file: 'SUPPLIES.csv', line: 2, field: 'to' }],
    ['an unknown column', { 'Company.csv': 'id,name,revenue\ntest-imp-x,X,1\n' }, { line: 1, field: 'revenue' }],
    ['broken CSV quoting', { 'Company.csv': 'id,name\ntest-imp-x,"X\n' }, { file: 'Company.csv' }],
    ['invalid UTF-8', { 'Company.csv': Buffer.concat([Buffer.from('id,name\ntest-imp-x,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]) }, { line: 2 }],
  ] as [string, Record<string, string | Buffer>, { file?: string; line?: number; field?: string }][])('refuses %s, names file, line and field, and writes nothing', async (name, files, where) => {
    const dir = folder(name.replace(/\W+/g, '-'), files);
    const before = await graphFingerprint(driver);
    const error = await importPath(driver, database(), dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    const problems = (error as ImportRejected).problems;
    expect(problems).toContainEqual(expect.objectContaining({ ...where, file: expect.stringContaining(where.file ?? '.csv') }));
    expect((error as Error).message).toMatch(/nothing was written/);
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it('upserts by id: a second import of the same files changes nothing', async () => {
    const dir = folder('good', good);
    const first = await importPath(driver, database(), dir);
    expect(first.rejected).toEqual([]);
    const before = await graphFingerprint(driver);
    const second = await importPath(driver, database(), dir);
    expect(second.files.map((f) => [f.created, f.updated, f.unchanged])).toEqual([[0, 0, 2], [0, 0, 1]]);
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it('reloads the whole sample without changing anything', async () => {
    const before = await graphFingerprint(driver);
    const report = await importPath(driver, database(), SAMPLE_DIR);
    expect(report.files.every((f) => f.created === 0 && f.updated === 0)).toBe(true);
    expect(report.files.reduce((n, f) => n + f.unchanged, 0)).toBe(report.nodes + report.relationships);
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it('in partial mode writes the valid rows and returns the rejected ones with reasons', async () => {
    const run = Date.now();
    const dir = folder('partial', {
      'Company.csv': `id,name,stage\ntest-imp-p1-${run},Partial One,startup\ntest-imp-p2-${run},Partial Two,giant\n`,
    });
    const report = await importPath(driver, database(), dir, { partial: true });
    expect(report.rejected).toEqual([expect.objectContaining({ line: 3, field: 'stage', values: expect.objectContaining({ id: `test-imp-p2-${run}` }) })]);
    expect(report.files[0]).toMatchObject({ created: 1, rejected: 1 });
    const { records } = await driver.executeQuery('MATCH (n:Entity) WHERE n.id ENDS WITH $suffix RETURN collect(n.id) AS ids', { suffix: `-${run}` }, { database: database() });
    expect(records[0]!.get('ids')).toEqual([`test-imp-p1-${run}`]);
  });

  it('returns a row with the wrong number of fields with its problem, its fields named by the header as far as they go', async () => {
    const run = Date.now();
    const dir = folder('misshapen', {
      'Company.csv': `id,name,stage\ntest-imp-m1-${run},Short\ntest-imp-m2-${run},Long,startup,extra\ntest-imp-m3-${run},Fine,startup\n`,
    });
    const report = await importPath(driver, database(), dir, { partial: true });
    expect(report.rejected.map((r) => [r.line, r.message, r.values])).toEqual([
      [2, 'the row has 2 fields; the header has 3', { id: `test-imp-m1-${run}`, name: 'Short' }],
      [3, 'the row has 4 fields; the header has 3', { id: `test-imp-m2-${run}`, name: 'Long', stage: 'startup', 'field 4': 'extra' }],
    ]);
    expect(report.files[0]).toMatchObject({ created: 1, rejected: 2 });
  });
});

/**
 * Runs an import while a 5 ms timer ticks, as the API's event loop would serve other requests;
 * gives the longest the import kept the loop to itself and how long it took in all.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number; tookMs: number }> {
  let last = performance.now();
  let longestMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, longestMs: Math.max(longestMs, performance.now() - last), tookMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/** A generated graph of 15,000 companies (~15 MB of CSV), made once for the tests that need a big input. */
let big: { dir: string; generated: GenerateReport } | undefined;
function bigGraph() {
  const dir = path.join(tmp, 'big');
  big ??= { dir, generated: generateGraph({ companies: 15_000, seed: 5, out: dir, sampleDir: SAMPLE_DIR }) };
  return big;
}

describe('ends already in the database', () => {
  it('are found for a big file too (where an empty database is checked for first)', async () => {
    const { records } = await driver.executeQuery('MATCH (c:Company) RETURN c.id AS id ORDER BY id LIMIT 5', {}, { database: database() });
    const existing = records.map((r) => r.get('id') as string);
    expect(existing).toHaveLength(5);
    // 1,200 new companies, each supplied by one already in the database: 1,205 ids to look up.
    const ids = Array.from({ length: 1_200 }, (_, i) => `test-imp-big-${i}`);
    const dir = folder('ends-in-database', {
      'Company.csv': `id,name\n${ids.map((id) => `${id},Big ${id}`).join('\n')}\n`,
      'SUPPLIES.csv': `from,to,product\n${ids.map((id, i) => `${existing[i % 5]},${id},x`).join('\n')}\n`,
    });
    const result = await importPath(driver, database(), dir, { dryRun: true });
    expect(result).toMatchObject({ nodes: 1_200, relationships: 1_200, rejected: [], written: false });
  });
});

// importDataset runs in the API's process: a big upload must not stop it answering others.
describe('a big import shares the event loop', () => {
  it('reads and validates a 15,000-company graph in slices', async () => {
    const { dir, generated } = bigGraph();
    const { result, longestMs, tookMs } = await timed(() => importPath(driver, database(), dir, { dryRun: true }));
    expect(result).toMatchObject({ nodes: generated.nodes, relationships: generated.relationships, rejected: [], written: false });
    // Held in one piece, reading and validating were nearly all of it (seconds here).
    expect(longestMs).toBeLessThan(Math.min(1_000, tookMs / 3));
  }, 60_000);

  it('names the row of each of 60,000 problems without holding the loop', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `test-imp-none-${i},test-imp-nowhere-${i},x`);
    const dir = folder('unknown-ends', { 'SUPPLIES.csv': `from,to,product\n${rows.join('\n')}\n` });
    const { result, longestMs, tookMs } = await timed(() => importPath(driver, database(), dir, { dryRun: true }));
    expect(result.rejected).toHaveLength(60_000);
    expect(result.rejected[59_999]).toMatchObject({
      line: 30_001, field: 'to', values: { from: 'test-imp-none-29999', to: 'test-imp-nowhere-29999', product: 'x' },
    });
    expect(longestMs).toBeLessThan(Math.min(1_000, tookMs / 3));
  }, 60_000);
});

describe('input too big for memory', () => {
  it('is refused before it is read, saying how to import it, not with an out-of-memory crash', async () => {
    const { dir } = bigGraph();
    // 15 MB of CSV needs ~150 MB of heap to validate; this command may have 96 MB.
    const result = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'api/src/cli/import.ts', dir, '--dry-run'], {
      cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_DATABASE: database() }, encoding: 'utf8',
    });
    expect(result.stderr).toMatch(/The input is 1\d MB; reading and validating it takes about 1\d\d MB of memory/);
    expect(result.stderr).toMatch(/Import it in parts .* NODE_OPTIONS=--max-old-space-size=\d+/s);
    expect(result.stderr).not.toMatch(/heap out of memory|FATAL ERROR|    at /);
    expect(result.status).toBe(1);
  }, 60_000);
});

describe('the write', () => {
  it('refuses, in the batch\'s own transaction, a WITHIN loop that another change completed after validation', async () => {
    const [x, y] = [`reg-test-loop-x-${Date.now()}`, `reg-test-loop-y-${Date.now()}`];
    // Validated while the database held neither link; meanwhile another change wrote x WITHIN y.
    await driver.executeQuery('CREATE (:Entity:Region {id: $x, name: "X"})-[:WITHIN]->(:Entity:Region {id: $y, name: "Y"})', { x, y }, { database: database() });
    try {
      const dataset = { nodes: [], existingIds: new Set([x, y]), relationships: [{ type: 'WITHIN' as const, from: y, to: x, props: {}, file: 'WITHIN.csv', line: 2 }] };
      const error = await writeDataset(driver, database(), dataset).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegionLoopError);
      expect(error).toMatchObject({ regionId: y, file: 'WITHIN.csv' });
      const { records } = await driver.executeQuery('MATCH (:Region {id: $y})-[w:WITHIN]->(:Region {id: $x}) RETURN count(w) AS n', { x, y }, { database: database() });
      expect(Number(records[0]!.get('n'))).toBe(0);
    } finally {
      await driver.executeQuery('MATCH (r:Region) WHERE r.id IN [$x, $y] DETACH DELETE r', { x, y }, { database: database() });
    }
  });
});

describe('export', () => {
  it('goes only into a new or empty folder, and a failed one leaves nothing behind', async () => {
    const used = path.join(tmp, 'export-used');
    fs.mkdirSync(path.join(used, 'nodes'), { recursive: true });
    fs.writeFileSync(path.join(used, 'nodes', 'Policy.csv'), 'id,name\npol-stale,Stale\n');
    await expect(exportGraph(driver, database(), used)).rejects.toThrow(/"[^"]*export-used" is not empty \(nodes\); an export goes into a new or empty folder/);
    expect(fs.readdirSync(path.join(used, 'nodes'))).toEqual(['Policy.csv']);

    const unknown = path.join(tmp, 'export-unknown');
    await expect(exportGraph(driver, database(), unknown, { kind: 'chain', id: 'chain-no-such' })).rejects.toThrow(/no chain with id "chain-no-such"/);
    const empty = path.join(tmp, 'export-empty');
    fs.mkdirSync(empty);
    const exported = await exportGraph(driver, database(), empty, { kind: 'region', id: 'reg-shenzhen' });
    expect(exported.files.every((f) => f.file.startsWith(empty) && fs.existsSync(f.file))).toBe(true);
    // Readable by whoever the umask lets read a new folder (not private to its owner, as mkdtemp's).
    const fresh = path.join(tmp, 'export-fresh');
    await exportGraph(driver, database(), fresh, { kind: 'region', id: 'reg-shenzhen' });
    const umask = process.umask(0o022);
    process.umask(umask);
    expect(fs.statSync(path.join(fresh, 'nodes')).mode & 0o777).toBe(0o777 & ~umask);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o777 & ~umask);
    expect(fs.readdirSync(tmp).filter((name) => name.includes('.partial-') || name === 'export-unknown')).toEqual([]);
  });


  it('round-trips: export, import into an empty database, export again gives identical files', async () => {
    const first = path.join(tmp, 'export-1');
    const second = path.join(tmp, 'export-2');
    const scratch = await startLocalNeo4j({ dataDir: path.join(tmp, 'scratch-db'), heap: '512m', say: () => {} });
    const empty = createDriver(scratch.uri, {});
    try {
      await applySchema(empty, 'neo4j');
      const exported = await exportGraph(driver, database(), first, { kind: 'chain', id: 'chain-semiconductors' });
      expect(exported.files.length).toBeGreaterThan(5);
      expect((await graphCounts(empty, 'neo4j')).nodes).toBe(0);
      await importPath(empty, 'neo4j', first);
      await exportGraph(empty, 'neo4j', second);
      for (const f of exported.files) {
        const relative = path.relative(first, f.file);
        expect(fs.readFileSync(path.join(second, relative), 'utf8'), relative).toBe(fs.readFileSync(f.file, 'utf8'));
      }
      expect(fs.readdirSync(path.join(second, 'nodes')).sort()).toEqual(fs.readdirSync(path.join(first, 'nodes')).sort());
    } finally {
      await empty.close();
      await scratch.stop();
    }
  }, 120_000);
});
