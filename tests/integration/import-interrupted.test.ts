// An import whose database stops part-way through the writing: the caller is told how much is
// saved (the API: extensions.saved PARTIAL), and importing the same files again completes it
// with nothing twice. Runs its own local Neo4j, which it stops; each test starts from an empty
// database and leaves the server running, so either runs alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../api/src/db/local-neo4j.ts';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { applySchema } from '../../api/src/db/schema.ts';
import { ImportInterrupted, ImportUnaudited, importContents } from '../../api/src/import/import-dataset.ts';
import { listInputFiles } from '../../api/src/import/read-files.ts';
import { IMPORT_DATASET } from '../../web/src/api/mutations.ts';
import { generateGraph } from '../../seed-data/generator/generate-graph.ts';
import { KEYS, importForm } from '../support/api.ts';
import { startTestServer } from '../support/server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-interrupted-'));
const dataDir = path.join(tmp, 'db');
let db: LocalNeo4j | undefined;
let inputs: { file: string; contents: Buffer; asOf: string }[] = [];
let generated: { nodes: number; relationships: number };

const startDatabase = () => startLocalNeo4j({ dataDir, heap: '512m', say: () => {} });

/** Empties the database, in batches, as a big one needs. */
async function clear(uri: string): Promise<void> {
  const driver = createDriver(uri, {});
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

beforeAll(async () => {
  const out = path.join(tmp, 'graph');
  // 3,000 companies: ~80,000 rows, several 10,000-row batches.
  generated = generateGraph({ companies: 3000, seed: 5, out, sampleDir: path.join(ROOT, 'seed-data', 'sample') });
  inputs = listInputFiles(out).map((file) => ({ file, contents: fs.readFileSync(file), asOf: '2026-12-02' }));
  db = await startDatabase();
  const driver = createDriver(db.uri, {});
  await applySchema(driver, 'neo4j').finally(() => driver.close());
}, 120_000);

afterAll(async () => {
  await db?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('an import the database fails part-way through', () => {
  it('says how much is saved, and importing the same files again completes it without duplicates', async () => {
    await clear(db!.uri);
    let driver = createDriver(db!.uri, {});
    let stopping: Promise<void> | undefined;
    const failure = await importContents(driver, 'neo4j', inputs, {
      // The first batch is committed: the database goes away under the ones after it.
      onProgress: (written) => { if (written > 0) stopping ??= db!.stop(); },
    }).then(() => undefined, (error: unknown) => error);
    await stopping;
    await driver.close();

    expect(failure).toBeInstanceOf(ImportInterrupted);
    const interrupted = failure as ImportInterrupted;
    expect(interrupted.rowsSaved).toBeGreaterThan(0);
    expect(interrupted.rowsSaved).toBeLessThan(generated.nodes + generated.relationships);
    expect(interrupted.message).toMatch(/stopped part-way: at least [\d,]+ of its [\d,]+ rows are saved/);
    expect(interrupted.message).toMatch(/unreachable|ended the transaction/);

    db = await startDatabase();
    driver = createDriver(db.uri, {});
    try {
      const { records: before } = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n');
      expect(before[0]!.get('n')).toBeGreaterThan(0);
      expect(before[0]!.get('n')).toBeLessThan(generated.nodes + 1);

      const report = await importContents(driver, 'neo4j', inputs);
      expect(report.written).toBe(true);
      const { records } = await driver.executeQuery(
        'MATCH (n:Entity) WITH count(n) AS nodes, count(DISTINCT n.id) AS ids CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, ids, relationships',
      );
      expect(records[0]!.get('nodes')).toBe(generated.nodes);
      expect(records[0]!.get('ids')).toBe(generated.nodes);
      expect(records[0]!.get('relationships')).toBe(generated.relationships);
    } finally {
      await driver.close();
    }
  }, 180_000);

  it('with every row saved and the database gone before the audit entry, says that all rows are saved', async () => {
    await clear(db!.uri);
    let driver = createDriver(db!.uri, {});
    const rows = generated.nodes + generated.relationships;
    // Killed, not stopped, at the last batch's confirmation: gone before the next write is sent.
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8')) as { pid: number };
    const failure = await importContents(driver, 'neo4j', inputs, {
      audit: { actor: 'test', action: 'IMPORT', entityId: null, details: {} },
      onProgress: (written, total) => { if (written === total) process.kill(pid, 'SIGKILL'); },
    }).then(() => undefined, (error: unknown) => error);
    await driver.close();
    await db!.stop();

    expect(failure).toBeInstanceOf(ImportUnaudited);
    expect((failure as ImportUnaudited).rows).toBe(rows);
    expect((failure as Error).message).toMatch(/^All [\d,]+ rows of the import are saved, but its entry in the audit log could not be written/);

    db = await startDatabase();
    driver = createDriver(db.uri, {});
    try {
      const { records } = await driver.executeQuery(
        "MATCH (n:Entity) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL () { MATCH (e:AuditEvent {action: 'IMPORT'}) RETURN count(e) AS audited } RETURN nodes, relationships, audited",
      );
      expect(records[0]!.toObject()).toEqual({ nodes: generated.nodes, relationships: generated.relationships, audited: 0 });
    } finally {
      await driver.close();
    }
  }, 120_000);

  it('over the API, says in extensions.saved that part of it is saved', async () => {
    const server = await startTestServer({ uri: db!.uri });
    const watcher = createDriver(db!.uri, {});
    try {
      await clear(db!.uri);
      const form = importForm(IMPORT_DATASET, Object.fromEntries(inputs.map((input) => [path.basename(input.file), input.contents])));
      const answer = fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${KEYS.editor}` } })
        .then((r) => r.json() as Promise<{ data: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] }>);
      // Once the first rows are in, the database goes away under the rest.
      let saved = 0;
      while (saved === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { records } = await watcher.executeQuery('MATCH (n:Entity) RETURN count(n) AS n');
        saved = records[0]!.get('n') as number;
      }
      // Stopped once the server has surely been told of that commit (its answer takes a few
      // milliseconds): stopped at once, the commit could be seen here before it was confirmed there.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db!.stop();
      const body = await answer;
      expect(body.data).toBeNull();
      const [error] = body.errors!;
      expect(error!.extensions.saved).toBe('PARTIAL');
      expect(['SERVICE_UNAVAILABLE', 'TIMEOUT']).toContain(error!.extensions.code);
      expect(error!.extensions.rowsSaved).toBeGreaterThanOrEqual(saved);
      expect(error!.message).toMatch(/Importing the same files again is safe/);
    } finally {
      await watcher.close();
      await server.stop();
      db = await startDatabase();
    }
  }, 120_000);
});
