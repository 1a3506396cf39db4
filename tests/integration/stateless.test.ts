// The API keeps no state of its own: two processes on different ports over one Neo4j give
// identical answers to the same requests, and a write through one is read through the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../support/api.ts';
import { digest } from '../../api/src/auth/api-keys.ts';
import { spawnApi, type ApiProcess } from '../support/spawn-api.ts';

let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  const env = { CHAINSCOPE_API_KEYS: `editor-tester:editor:${digest(KEYS.editor)}` };
  // One after the other: the first may build the web app, which the second then finds fresh.
  a = await spawnApi(env);
  b = await spawnApi(env);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function ask(api: ApiProcess, query: string, key?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const WORKLOAD = [
  '{ search(query: "wafer") { id kind name } }',
  '{ search(query: "晶圆") { id } }',
  '{ entity(id: "co-pearl-river-foundry") { id name relations(first: 20) { type node { id } } } }',
  '{ supplyChain(id: "co-eastlake-wafer-manufacturing", depth: 3) { truncated nodes { id side distance } edges { source target type } } }',
  '{ neighborhood(id: "lab-lakeside-univ-photonics", depth: 2) { nodes { id } } }',
  '{ connectionPath(fromId: "co-jade-crest-silicon-materials", toId: "co-gusu-advanced-packaging") { paths { nodeIds } } }',
  '{ pilotPartners(startupId: "co-bayview-gan") { company { id } score reasons } }',
  '{ chainGaps(chainId: "chain-semiconductors", regionId: "reg-shenzhen") { coverage segments { segment { id } gaps } } }',
  '{ industrialAdopters(labId: "lab-lakeside-univ-photonics") { company { id } score } }',
  '{ supplyChain(id: "nope") { truncated } }',
];

describe('two API processes over one Neo4j', () => {
  it('answer the same workload identically', async () => {
    expect(a.url).not.toBe(b.url);
    for (let round = 0; round < 3; round += 1) {
      const [fromA, fromB] = await Promise.all([Promise.all(WORKLOAD.map((q) => ask(a, q))), Promise.all(WORKLOAD.map((q) => ask(b, q)))]);
      expect(fromB).toEqual(fromA);
    }
  });

  it('see each other’s writes at once', async () => {
    const id = `test-stateless-${Date.now()}`;
    const created = await ask(a, `mutation { createEntity(kind: COMPANY, input: { id: "${id}", name: "Stateless test" }) { id } }`, KEYS.editor);
    expect(created.errors).toBeUndefined();
    expect((await ask(b, `{ entity(id: "${id}") { name } }`)).data.entity.name).toBe('Stateless test');
    await ask(b, `mutation { deleteEntity(id: "${id}") }`, KEYS.editor);
    expect((await ask(a, `{ entity(id: "${id}") { name } }`)).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
