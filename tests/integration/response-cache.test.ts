// The response cache: a repeated query is answered from memory (no Cypher), a write through
// the same process is seen at once, a write through another process within the version poll,
// keyed reads stay keyed, and nothing is served from it while Neo4j cannot be reached.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { GraphVersion, VERSION_POLL_MS } from '../../api/src/db/graph-version.ts';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { KEYS, apiClient, testDriver } from '../support/api.ts';

const ID = 'cache-test-company';
const ENTITY = 'query($id: ID!) { entity(id: $id) { id name } }';
const RENAME = 'mutation($id: ID!, $name: String!) { updateEntity(id: $id, input: { name: $name }) { id } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let driver: Driver;
let cached: ReturnType<typeof apiClient>;
let replica: ReturnType<typeof apiClient>;

beforeAll(async () => {
  driver = testDriver();
  cached = apiClient(driver, { responseCacheTtlMs: 60_000 });
  replica = apiClient(driver, { responseCacheTtlMs: 60_000 });
  const created = await cached('mutation($id: ID!) { createEntity(kind: COMPANY, input: { id: $id, name: "Cache Test One" }) { id } }', { id: ID }, KEYS.editor);
  expect(created.errors).toBeUndefined();
  await sleep(VERSION_POLL_MS * 3);
});
afterAll(async () => {
  await cached('mutation($id: ID!) { deleteEntity(id: $id) }', { id: ID }, KEYS.editor);
  await driver.close();
});

describe('response cache', () => {
  it('answers a repeated query from memory, without Cypher, with the same data', async () => {
    const first = await cached(ENTITY, { id: ID });
    const second = await cached(ENTITY, { id: ID });
    expect(first.extensions?.cypherQueries).toBeGreaterThan(0);
    expect(second.extensions?.cypherQueries).toBe(0);
    expect(second.data).toEqual(first.data);
    // Other variables are another question.
    const other = await cached(ENTITY, { id: 'co-bayview-gan' });
    expect(other.extensions?.cypherQueries).toBeGreaterThan(0);
    expect(other.data?.entity?.id).toBe('co-bayview-gan');
  });

  it('sends a cached answer as the JSON it kept, without serialising its data again', async () => {
    // A document this file has not sent before, so the executor compiled for it (and the
    // serialiser it keeps) is made while the spy is in place.
    const VIEW = 'query($id: ID!) { supplyChain(id: $id, depth: 3) { nodes { id label side } edges { id source target } } }';
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = await cached(VIEW, { id: 'co-eastlake-wafer-manufacturing' });
      const whileFirst = [...stringify.mock.results];
      const dataLength = JSON.stringify(first.data).length;
      expect(dataLength).toBeGreaterThan(2_000);
      const big = (results: typeof whileFirst) => results.filter((r) => typeof r.value === 'string' && r.value.length >= dataLength).length;
      // The first asking serialises the data once (kept, and sent from what was kept).
      expect(big(whileFirst)).toBe(1);
      stringify.mockClear();
      const hit = await cached(VIEW, { id: 'co-eastlake-wafer-manufacturing' });
      expect(hit.extensions?.cypherQueries).toBe(0);
      expect(hit.data).toEqual(first.data);
      expect(big(stringify.mock.results)).toBe(0);
    } finally {
      stringify.mockRestore();
    }
  });

  it('runs a question asked several times at once only once, and gives every asker the answer', async () => {
    const query = 'query($id: ID!) { supplyChain(id: $id, direction: BOTH, depth: 4) { nodes { id } edges { id } } }';
    const answers = await Promise.all(Array.from({ length: 6 }, () => cached(query, { id: 'co-eastlake-wafer-manufacturing' })));
    const ran = answers.map((a) => a.extensions?.cypherQueries);
    expect(ran.filter((n) => n === 0)).toHaveLength(5);
    expect(ran.filter((n) => (n ?? 0) > 0)).toHaveLength(1);
    expect(answers[0]!.data.supplyChain.nodes.length).toBeGreaterThan(3);
    for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
  });

  it('shows a write through the same process at once', async () => {
    await cached(ENTITY, { id: ID });
    expect((await cached(RENAME, { id: ID, name: 'Cache Test Two' }, KEYS.editor)).errors).toBeUndefined();
    const after = await cached(ENTITY, { id: ID });
    expect(after.data?.entity?.name).toBe('Cache Test Two');
  });

  it('shows a write through another process once it has read the new version', async () => {
    expect((await cached(ENTITY, { id: ID })).data?.entity?.name).toBe('Cache Test Two');
    expect((await replica(RENAME, { id: ID, name: 'Cache Test Three' }, KEYS.editor)).errors).toBeUndefined();
    await sleep(VERSION_POLL_MS * 3);
    const after = await cached(ENTITY, { id: ID });
    expect(after.data?.entity?.name).toBe('Cache Test Three');
    expect(after.extensions?.cypherQueries).toBeGreaterThan(0);
  });

  it('serves a cached answer only to a caller allowed to read', async () => {
    const keyed = apiClient(driver, { readsKeyed: true, responseCacheTtlMs: 60_000 });
    await sleep(VERSION_POLL_MS * 2);
    expect((await keyed(ENTITY, { id: ID }, KEYS.viewer)).data?.entity?.id).toBe(ID);
    expect((await keyed(ENTITY, { id: ID }, KEYS.viewer)).extensions?.cypherQueries).toBe(0);
    const anonymous = await keyed(ENTITY, { id: ID });
    expect(anonymous.data?.entity).toBeFalsy();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('knows the version only while Neo4j answers, so nothing is served from the cache when it does not', async () => {
    const live = new GraphVersion(driver, inject('neo4jDatabase'));
    const unreachable = createDriver('bolt://127.0.0.1:1', {});
    const dead = new GraphVersion(unreachable, 'neo4j');
    await sleep(VERSION_POLL_MS * 4);
    expect(live.current).toMatch(/^\d+:\d+:\d+$/);
    expect(dead.current).toBeNull();
    live.stop();
    dead.stop();
    await unreachable.close();
  });
});
