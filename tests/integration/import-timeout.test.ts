// An import's statements run with the query timeout: a batch kept waiting on another
// transaction's locks ends with TIMEOUT and says what became of its rows, instead of holding
// the import (and the server's one import slot) for as long as the other transaction lasts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ROOT } from '../../api/src/config.ts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Driver, Session, Transaction } from 'neo4j-driver';
import { createHttpServer } from '../../api/src/http-server.ts';
import { ImportInterrupted, importContents } from '../../api/src/import/import-dataset.ts';
import { KEYS, importForm, testApiKeys, testDriver } from '../support/api.ts';

const RUN = Date.now();
const HELD = `test-lock-${RUN}`;
const TIMEOUT_MS = 1_000;
const database = () => inject('neo4jDatabase');
let driver: Driver;
let server: Server;
let url: string;

/** Another transaction that has changed HELD and not committed: it holds the node's write lock. */
async function holdLock(): Promise<{ release: () => Promise<void> }> {
  const session: Session = driver.session({ database: database() });
  const tx: Transaction = session.beginTransaction();
  await tx.run('MATCH (c:Company {id: $id}) SET c.name = "Locked meanwhile"', { id: HELD });
  return { release: async () => { await tx.rollback(); await session.close(); } };
}

const nameOf = async (id: string) => (await driver.executeQuery('MATCH (c:Company {id: $id}) RETURN c.name AS name', { id }, { database: database() })).records[0]?.get('name');

const renaming = (name: string) => ({ file: 'Company.csv', contents: Buffer.from(`id,name,stage\n${HELD},${name},startup\n`), asOf: '2026-12-02' });

beforeAll(async () => {
  driver = testDriver();
  await driver.executeQuery('CREATE (:Entity:Company {id: $id, name: "Lock Holder", stage: "startup"})', { id: HELD }, { database: database() });
  server = createHttpServer({ driver, database: database(), queryTimeoutMs: TIMEOUT_MS, apiKeys: testApiKeys() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await driver.executeQuery('MATCH (c {id: $id}) DETACH DELETE c', { id: HELD }, { database: database() });
  await driver.close();
});

const IMPORT = 'mutation($files: [File!]!) { importDataset(files: $files) { written nodes files { file updated } } }';

async function upload(csv: string): Promise<any> {
  return (await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${KEYS.editor}` }, body: importForm(IMPORT, { 'Company.csv': csv }) })).json();
}

describe('an import blocked by another transaction', () => {
  it('ends at its timeout, says its rows may or may not be saved, and can be run again', async () => {
    const lock = await holdLock();
    const started = performance.now();
    let failure: unknown;
    try {
      failure = await importContents(driver, database(), [renaming('Renamed by import')], { timeoutMs: TIMEOUT_MS }).catch((error: unknown) => error);
    } finally {
      await lock.release();
    }
    const seconds = (performance.now() - started) / 1000;
    expect(failure).toBeInstanceOf(ImportInterrupted);
    const interrupted = failure as ImportInterrupted;
    expect(interrupted.rowsSaved).toBe(0);
    expect((interrupted.reason as { extensions: { code: string } }).extensions.code).toBe('TIMEOUT');
    expect(interrupted.message).toMatch(/stopped before any of its 1 rows were confirmed saved; some may be/);
    // The driver retries a batch whose lock wait was ended (a transient error) for 5 s at most.
    expect(seconds).toBeLessThan(9);
    expect(await nameOf(HELD)).toBe('Lock Holder');

    const report = await importContents(driver, database(), [renaming('Renamed by import')], { timeoutMs: TIMEOUT_MS });
    expect(report.files).toEqual([expect.objectContaining({ file: 'Company.csv', updated: 1 })]);
    expect(await nameOf(HELD)).toBe('Renamed by import');
  }, 30_000);

  it('through the API: TIMEOUT with saved UNKNOWN, and the import slot is free again', async () => {
    const lock = await holdLock();
    let blocked: any;
    try {
      blocked = await upload(`id,name,stage\n${HELD},Renamed through the API,startup\n`);
    } finally {
      await lock.release();
    }
    expect(blocked.data).toBeNull();
    expect(blocked.errors[0].extensions).toMatchObject({ code: 'TIMEOUT', saved: 'UNKNOWN', rowsSaved: 0 });
    expect(await nameOf(HELD)).toBe('Renamed by import');

    const next = await upload(`id,name,stage\n${HELD},Renamed through the API,startup\n`);
    expect(next.errors).toBeUndefined();
    expect(next.data.importDataset).toMatchObject({ written: true, nodes: 1, files: [{ file: 'Company.csv', updated: 1 }] });
    expect(await nameOf(HELD)).toBe('Renamed through the API');
  }, 30_000);

  it('from the command line with --timeout: exits 1 saying so, and imports once the lock is gone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-cli-timeout-'));
    const file = path.join(dir, 'Company.csv');
    fs.writeFileSync(file, `id,name,stage\n${HELD},Renamed from the command line,startup\n`);
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'api/src/cli/import.ts', file, ...args], {
      cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_DATABASE: database() }, encoding: 'utf8',
    }).then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number; stdout: string; stderr: string }) => error);
    try {
      const lock = await holdLock();
      let blocked;
      try {
        blocked = await cli('--timeout', String(TIMEOUT_MS));
      } finally {
        await lock.release();
      }
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(/The import stopped before any of its 1 rows were confirmed saved; some may be \(.*\)\. Importing the same files again is safe/);
      expect(await nameOf(HELD)).toBe('Renamed through the API');

      const done = await cli('--timeout', String(TIMEOUT_MS));
      expect(done.code).toBe(0);
      expect(await nameOf(HELD)).toBe('Renamed from the command line');

      const refused = await cli('--timeout', '1.5s');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--timeout takes a whole number of at least 1 \(got "1\.5s"\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
