// A first load into an empty local Neo4j goes through Neo4j's offline importer (bulk-load.ts).
// It must store exactly what the transactional path stores: same nodes, relationships, values
// and value types, with the schema in place afterwards. The importer needs a server it may stop,
// so this file starts its own scratch Neo4j instead of using the shared test server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from '../../api/src/db/local-neo4j.ts';
import { schemaStatements } from '../../api/src/db/cypher-files.ts';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { applySchema } from '../../api/src/db/schema.ts';
import { exportGraph } from '../../api/src/export/export-graph.ts';
import { importPath } from '../../api/src/import/import-dataset.ts';
import { SAMPLE_DIR } from '../../api/src/seed.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-offline-'));
let scratch: LocalNeo4j;
let driver: Driver;

beforeAll(async () => {
  scratch = await startLocalNeo4j({ dataDir: path.join(tmp, 'db'), heap: '512m', say: () => {} });
  driver = createDriver(scratch.uri, {});
  await applySchema(driver, 'neo4j');
}, 120_000);

afterAll(async () => {
  await driver?.close();
  await scratch?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The sample plus rows whose values are awkward in CSV: quotes, commas, new lines, lists, spaces at either end. */
function input(): string {
  const dir = path.join(tmp, 'input');
  fs.cpSync(SAMPLE_DIR, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'awkward'));
  fs.writeFileSync(path.join(dir, 'awkward', 'Company.json'), JSON.stringify([
    { id: 'awkward-1', name: 'Quote "Q", Comma & Co.', nameZh: '引号，逗号', aliases: ['Q; one', 'Q, two'], description: 'line one\nline "two"\r\nline three', employees: 12, listed: false, founded: 2001 },
    { id: 'awkward-2', name: ' leading and trailing ', description: '', listed: true },
  ]));
  fs.writeFileSync(path.join(dir, 'awkward', 'SUPPLIES.csv'), 'from,to,product,share,confidence\nawkward-1,awkward-2,"wafers, 12"" ""prime""",0.25,0.5\n');
  return dir;
}

async function rows(query: string): Promise<unknown[]> {
  const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
  return records.map((r) => r.toObject());
}

/** Every stored value with its Cypher type, node and relationship properties alike (updatedAt is the import's clock). */
const storedValues = () => rows(`
  MATCH (n:Entity) UNWIND [k IN keys(n) WHERE k <> 'updatedAt'] AS k
  RETURN labels(n) AS owner, n.id AS id, k AS key, n[k] AS value, valueType(n[k]) AS type
  UNION ALL
  MATCH (a)-[r]->(b) UNWIND keys(r) AS k
  RETURN [type(r)] AS owner, a.id + '>' + b.id AS id, k AS key, r[k] AS value, valueType(r[k]) AS type`)
  .then((all) => all.map((r) => JSON.stringify(r)).sort());

const schema = () => rows('SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name');

describe('a first load into an empty local database', () => {
  it('goes through the offline importer and stores what transactions store, schema included', async () => {
    const dir = input();
    const schemaBefore = await schema();
    // applySchema made every constraint and index cypher/schema/ names, and waited for them.
    const named = schemaStatements().flatMap((s) => /^CREATE (?:CONSTRAINT|FULLTEXT INDEX|INDEX) (\w+)/m.exec(s)?.[1] ?? []);
    expect(named.length).toBeGreaterThan(5);
    expect(schemaBefore).toEqual(expect.arrayContaining(named.map((name) => expect.objectContaining({ name, state: 'ONLINE' }))));

    const notices: string[] = [];
    const offline = await importPath(driver, 'neo4j', dir, { localServer: scratch, onNotice: (line) => notices.push(line) });
    expect(offline.rejected).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/^Writing \d+ rows with Neo4j's offline importer/)]);
    expect(offline.offline?.importerSeconds).toBeGreaterThan(0);
    expect(offline.files.every((f) => f.created > 0 && f.updated === 0)).toBe(true);
    // The driver made before the restart still works, and the indexes are back and online.
    expect(await schema()).toEqual(schemaBefore);
    const { records } = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('entity_names', '逗号') YIELD node RETURN collect(node.id) AS ids", {}, { database: 'neo4j' });
    expect(records[0]!.get('ids')).toEqual(['awkward-1']);
    const offlineValues = await storedValues();
    await exportGraph(driver, 'neo4j', path.join(tmp, 'export-offline'));

    // A second import finds the database not empty: transactions, and nothing to change.
    const again = await importPath(driver, 'neo4j', dir, { localServer: scratch });
    expect(again.offline).toBeUndefined();
    expect(again.offlineRefusal).toBe('the database is not empty');
    expect(again.files.every((f) => f.created === 0 && f.updated === 0)).toBe(true);

    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: 'neo4j' });
    const transactional = await importPath(driver, 'neo4j', dir);
    expect(transactional.offline).toBeUndefined();
    expect(await storedValues()).toEqual(offlineValues);
    expect(offlineValues.length).toBeGreaterThan(1000);
    await exportGraph(driver, 'neo4j', path.join(tmp, 'export-transactional'));
    for (const kind of ['nodes', 'relationships']) {
      const files = fs.readdirSync(path.join(tmp, 'export-offline', kind)).sort();
      expect(fs.readdirSync(path.join(tmp, 'export-transactional', kind)).sort()).toEqual(files);
      for (const file of files) {
        expect(fs.readFileSync(path.join(tmp, 'export-offline', kind, file), 'utf8'), file)
          .toBe(fs.readFileSync(path.join(tmp, 'export-transactional', kind, file), 'utf8'));
      }
    }
  }, 180_000);

  it('reports an importer that fails with its log, and has the database serving again', async () => {
    const missing = path.join(tmp, 'no-such-file.csv');
    await expect(scratch.runAdmin(['database', 'import', 'full', 'neo4j', `--nodes=Entity:Company=${missing}`]))
      .rejects.toThrow(/neo4j-admin database import full failed \(exit [1-9]\d*\); see .*neo4j-admin\.log:\n[\s\S]*no-such-file/);
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' });
    expect(records[0]!.get('one')).toBe(1);
  }, 60_000);
});
