// The core read API on the sample dataset (facts listed in seed-data/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { cypher } from '../../api/src/db/cypher-files.ts';
import { integerParams } from '../../api/src/db/neo4j.ts';
import { apiClient, testDriver } from '../support/api.ts';

let driver: Driver;
let gql: ReturnType<typeof apiClient>;

beforeAll(() => {
  driver = testDriver();
  gql = apiClient(driver);
});
afterAll(() => driver.close());

const WUHAN_FAB = 'co-eastlake-wafer-manufacturing';
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

const SUPPLY_CHAIN = `query($id: ID!, $direction: Direction, $depth: Int, $limit: Int, $filter: GraphFilter) {
  supplyChain(id: $id, direction: $direction, depth: $depth, limit: $limit, filter: $filter) {
    focusId truncated totalNodes totalIsLowerBound
    nodes { id kind label labelZh side distance degree regionId regionName clusterIds }
    edges { id source target type product provenance { source confidence asOf } }
  }
}`;

describe('search', () => {
  it('finds a segment by a Chinese substring of its name', async () => {
    const result = await gql('{ search(query: "晶圆") { id kind name nameZh } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.search).toContainEqual({ id: 'seg-wafer-fab', kind: 'SEGMENT', name: 'Wafer fabrication', nameZh: '晶圆制造' });
  });

  it('ranks an exact English name first and filters by kind', async () => {
    const result = await gql('{ search(query: "wafer fabrication", kinds: [SEGMENT]) { id kind } }');
    expect(result.data.search[0]).toEqual({ id: 'seg-wafer-fab', kind: 'SEGMENT' });
    expect(result.data.search.every((e: { kind: string }) => e.kind === 'SEGMENT')).toBe(true);
  });

  it('finds a company by an alias', async () => {
    const result = await gql('{ search(query: "PRF") { id } }');
    expect(ids(result.data.search)).toContain('co-pearl-river-foundry');
  });

  it('treats Cypher and Lucene syntax as text', async () => {
    for (const query of ['") MATCH (n) DETACH DELETE n //', 'wafer AND NOT * ~ ^ : [ ] { } \\ / "', "'; DROP", '***', '"unbalanced']) {
      const result = await gql('query($q: String!) { search(query: $q) { id } }', { q: query });
      expect(result.errors, query).toBeUndefined();
      expect(Array.isArray(result.data.search)).toBe(true);
    }
    const count = await gql('{ search(query: "wafer") { id } }');
    expect(count.data.search.length).toBeGreaterThan(0);
  });

  it('refuses a first outside 1–50, naming the argument', async () => {
    const result = await gql('{ search(query: "wafer", first: 1000) { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(result.errors?.[0]?.message).toMatch(/"first"/);
  });
});

describe('entity', () => {
  it('returns typed fields and relations with provenance', async () => {
    const result = await gql(`{ entity(id: "co-pearl-river-foundry") {
      id kind name nameZh aliases
      ... on Company { stage employees }
      relations(types: ["SUPPLIES"], direction: IN) { type direction product provenance { source confidence asOf } node { id kind name } }
    } }`);
    expect(result.errors).toBeUndefined();
    const entity = result.data.entity;
    expect(entity).toMatchObject({ id: 'co-pearl-river-foundry', kind: 'COMPANY', nameZh: '珠江晶圆' });
    expect(entity.aliases).toContain('PRF');
    expect(entity.relations.length).toBeGreaterThan(3);
    for (const r of entity.relations) {
      expect(r).toMatchObject({ type: 'SUPPLIES', direction: 'IN', node: { kind: 'COMPANY' } });
      expect(r.product).toBeTruthy();
      expect(r.provenance.source).toBeTruthy();
      expect(r.provenance.confidence).toBeGreaterThan(0);
      expect(r.provenance.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('says NOT_FOUND for an unknown id', async () => {
    const result = await gql('{ entity(id: "co-does-not-exist") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });

  it('counts its relations by type, direction and kind, and past first gives every such group its share', async () => {
    type Group = { type: string; direction: string; kind: string };
    const key = (g: Group) => `${g.type} ${g.direction} ${g.kind}`;
    const result = await gql(`{ entity(id: "${WUHAN_FAB}") { degree
      relationCounts { type direction kind count }
      relations(first: 500) { type direction node { kind name } } } }`);
    const all = result.data.entity;
    // The counts come with the unfiltered list's statement: the entity and its relations, two in all.
    expect(result.extensions?.cypherQueries).toBe(2);
    const counted = new Map<string, number>();
    for (const r of all.relations) counted.set(key({ ...r, kind: r.node.kind }), (counted.get(key({ ...r, kind: r.node.kind })) ?? 0) + 1);
    expect(new Map(all.relationCounts.map((c: Group & { count: number }) => [key(c), c.count]))).toEqual(counted);
    expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(all.degree);
    const groups = all.relationCounts.length;
    expect(groups).toBeGreaterThan(5);
    // As many relations as there are groups: one of each, the first of each by name, in type and name order.
    const few = (await gql(`{ entity(id: "${WUHAN_FAB}") { relations(first: ${groups}) { type direction node { kind name } } } }`)).data.entity.relations;
    expect(few.map((r: { type: string; direction: string; node: { kind: string } }) => key({ ...r, kind: r.node.kind })).sort()).toEqual([...counted.keys()].sort());
    for (const r of few) {
      const firstOfGroup = all.relations.find((x: { type: string; direction: string; node: { kind: string } }) => key({ ...x, kind: x.node.kind }) === key({ ...r, kind: r.node.kind }));
      expect(r.node.name).toBe(firstOfGroup.node.name);
    }
    expect(few.map((r: { type: string }) => r.type)).toEqual([...few.map((r: { type: string }) => r.type)].sort());
  });

  it('counts relations alone, or beside a filtered list, with a statement of their own and the same counts', async () => {
    const both = (await gql(`{ entity(id: "${WUHAN_FAB}") { relationCounts { type direction kind count } relations { type } } }`));
    const alone = await gql(`{ entity(id: "${WUHAN_FAB}") { relationCounts { type direction kind count } } }`);
    expect(alone.extensions?.cypherQueries).toBe(2);
    expect(alone.data.entity.relationCounts).toEqual(both.data.entity.relationCounts);
    const filtered = await gql(`{ entity(id: "${WUHAN_FAB}") { relationCounts { type direction kind count } relations(types: ["SUPPLIES"]) { type } } }`);
    expect(filtered.extensions?.cypherQueries).toBe(3);
    expect(filtered.data.entity.relationCounts).toEqual(both.data.entity.relationCounts);
    expect(new Set(filtered.data.entity.relations.map((r: { type: string }) => r.type))).toEqual(new Set(['SUPPLIES']));
    // A whole level of nodes, each with both: still one statement for the level's lists and counts.
    const level = await gql(`{ entity(id: "${WUHAN_FAB}") { relations(first: 5) { node { id relationCounts { type count } relations(first: 2) { type } } } } }`);
    expect(level.errors).toBeUndefined();
    expect(level.extensions?.cypherQueries).toBe(3);
    for (const { node } of level.data.entity.relations) {
      const own = (await gql(`{ entity(id: "${node.id}") { relationCounts { type count } } }`)).data.entity.relationCounts;
      expect(node.relationCounts, node.id).toEqual(own);
    }
  });

  it('batches relations per level: nested relations cost one query per level, not per node', async () => {
    const result = await gql(`{ entity(id: "${WUHAN_FAB}") { relations { node { id relations { node { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.entity.relations.length).toBeGreaterThan(10);
    expect(result.extensions?.cypherQueries).toBe(3);
  });
});

describe('supplyChain', () => {
  it('returns a known supplier two hops upstream of the Wuhan fab, at distance 2', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'UPSTREAM', depth: 2 });
    expect(result.errors).toBeUndefined();
    const nodes = result.data.supplyChain.nodes;
    expect(nodes.find((n: { id: string }) => n.id === 'co-kempen-precision-optics')).toMatchObject({ side: 'UPSTREAM', distance: 2 });
    expect(nodes.find((n: { id: string }) => n.id === 'co-lowlands-lithography-systems')).toMatchObject({ side: 'UPSTREAM', distance: 1 });
    expect(nodes.find((n: { id: string }) => n.id === WUHAN_FAB)).toMatchObject({ side: 'FOCUS', distance: 0 });
    expect(nodes.every((n: { side: string }) => n.side !== 'DOWNSTREAM')).toBe(true);
  });

  it('does not reach two hops at depth 1', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'UPSTREAM', depth: 1 });
    const found = ids(result.data.supplyChain.nodes);
    expect(found).toContain('co-lowlands-lithography-systems');
    expect(found).not.toContain('co-kempen-precision-optics');
  });

  it('draws goods flowing from supplier to buyer, with provenance on every edge', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 2 });
    const view = result.data.supplyChain;
    const nodeIds = new Set(ids(view.nodes));
    expect(view.edges.length).toBeGreaterThan(view.nodes.length / 2);
    for (const e of view.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
      expect(e.provenance.source).toBeTruthy();
    }
    expect(view.edges).toContainEqual(expect.objectContaining({ source: 'co-lowlands-lithography-systems', target: WUHAN_FAB, type: 'SUPPLIES' }));
    expect(view.nodes.some((n: { side: string }) => n.side === 'DOWNSTREAM')).toBe(true);
  });

  it('reads provenance when a fragment or an alias asks for it, and answers the same edges without it', async () => {
    const withFragment = await gql(`query($id: ID!) {
      supplyChain(id: $id, direction: BOTH, depth: 2) { edges { ...E } }
    }
    fragment E on GraphEdge { id product from: provenance { source asOf } }`, { id: WUHAN_FAB });
    expect(withFragment.errors).toBeUndefined();
    const edges = withFragment.data.supplyChain.edges as { id: string; product: string | null; from: { source: string; asOf: string } }[];
    expect(edges.length).toBeGreaterThan(5);
    expect(edges.every((e) => e.from.source && e.from.asOf)).toBe(true);
    const without = await gql('query($id: ID!) { supplyChain(id: $id, direction: BOTH, depth: 2) { edges { id product } } }', { id: WUHAN_FAB });
    expect(without.data.supplyChain.edges).toEqual(edges.map(({ id, product }) => ({ id, product })));
  });

  it('reads node details when any is selected, and answers the same nodes without them', async () => {
    const full = (await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 2 })).data.supplyChain;
    const nodes = full.nodes as Record<string, unknown>[];
    for (const field of ['labelZh', 'stage', 'employees', 'regionName']) expect(nodes.some((n) => n[field] !== null), field).toBe(true);
    expect(nodes.some((n) => (n.clusterIds as string[]).length > 0)).toBe(true);
    const lean = await gql('query($id: ID!) { supplyChain(id: $id, direction: BOTH, depth: 2) { nodes { id kind label side distance degree regionId } } }', { id: WUHAN_FAB });
    expect(lean.data.supplyChain.nodes).toEqual(nodes.map(({ id, kind, label, side, distance, degree, regionId }) => ({ id, kind, label, side, distance, degree, regionId })));
    // One detail asked for through a fragment is enough to read them all.
    const one = await gql(`query($id: ID!) { supplyChain(id: $id, direction: BOTH, depth: 2) { nodes { id ...D } } }
    fragment D on GraphNode { zh: labelZh }`, { id: WUHAN_FAB });
    expect(one.data.supplyChain.nodes).toEqual(nodes.map(({ id, labelZh }) => ({ id, zh: labelZh })));
  });

  it('runs one Cypher statement whatever the depth', async () => {
    const counts = [];
    for (const depth of [1, 3, 6]) {
      const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth });
      expect(result.errors).toBeUndefined();
      counts.push(result.extensions?.cypherQueries);
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('cuts at the limit, says so and counts the whole', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 4, limit: 10 });
    const view = result.data.supplyChain;
    expect(view.nodes).toHaveLength(10);
    expect(view.truncated).toBe(true);
    expect(view.totalNodes).toBeGreaterThan(10);
    expect(view.totalIsLowerBound).toBe(false);
    // The total comes from the same walk as the view: one statement.
    expect(result.extensions?.cypherQueries).toBe(1);
    const all = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 4, limit: 500 });
    expect(all.data.supplyChain.truncated).toBe(false);
    expect(view.totalNodes).toBe(all.data.supplyChain.nodes.length);
  });

  it('stops counting at the cap and shows the first nodes of what it reached', async () => {
    const params = { id: WUHAN_FAB, upCap: 3, downCap: 0, shownLimit: 2, room: 10, regionId: null, clusterId: null, contextLabels: [], contextLimit: 10, provenance: false, details: false };
    const { records } = await driver.executeQuery(cypher('supply-chain', { depth: 4 }), integerParams(params), { database: inject('neo4jDatabase') });
    const [focusLabel, upReached, downReached, truncated] = records[0]!.get('header') as [string, number, number, boolean];
    expect([focusLabel, upReached, downReached, truncated]).toEqual(['Company', 3, 0, false]);
    expect(records.map((r) => (r.get('node') as string[])[1])).toEqual(['FOCUS', 'UPSTREAM', 'UPSTREAM']);
  });

  it('shares the limit between the sides: half each when both overflow, a short side leaves its room to the other', async () => {
    const all = (await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 4, limit: 500 })).data.supplyChain;
    const count = (view: { nodes: { side: string }[] }, side: string) => view.nodes.filter((n) => n.side === side).length;
    const [up, down] = [count(all, 'UPSTREAM'), count(all, 'DOWNSTREAM')];
    expect(Math.min(up, down)).toBeGreaterThan(2);
    // Both sides overflow: the room (limit - 1) is split in half, upstream first.
    const even = (await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 4, limit: 5 })).data.supplyChain;
    expect([count(even, 'UPSTREAM'), count(even, 'DOWNSTREAM'), even.truncated]).toEqual([2, 2, true]);
    // Room for all of the shorter side and part of the longer one.
    const room = 2 * Math.min(up, down) + 1;
    const uneven = (await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 4, limit: room + 1 })).data.supplyChain;
    expect([count(uneven, 'UPSTREAM'), count(uneven, 'DOWNSTREAM')])
      .toEqual(up <= down ? [up, Math.min(down, room - up)] : [Math.min(up, room - down), down]);
  });

  it('keeps only companies in a region when filtered', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, direction: 'BOTH', depth: 3, filter: { regionId: 'reg-wuhan' } });
    const others = result.data.supplyChain.nodes.filter((n: { id: string }) => n.id !== WUHAN_FAB);
    expect(others.length).toBeGreaterThan(0);
    for (const n of others) expect(['reg-wuhan-optics-valley', 'reg-wuhan-edz', 'reg-wuhan']).toContain(n.regionId);
  });

  it('follows FEEDS for a segment', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: 'seg-wafer-fab', direction: 'UPSTREAM', depth: 1 });
    const view = result.data.supplyChain;
    expect(ids(view.nodes)).toEqual(expect.arrayContaining(['seg-lithography-equipment', 'seg-photoresist-wet-chemicals', 'seg-specialty-gases']));
    expect(view.edges.every((e: { type: string }) => e.type === 'FEEDS')).toBe(true);
  });

  it('refuses depth 99, naming the argument', async () => {
    const result = await gql(SUPPLY_CHAIN, { id: WUHAN_FAB, depth: 99 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
    expect(result.errors?.[0]?.message).toMatch(/"depth" must be an integer from 1 to 6/);
    expect(result.extensions?.cypherQueries).toBe(0);
  });

  it('refuses a lab as focus and says NOT_FOUND for an unknown id', async () => {
    const lab = await gql(SUPPLY_CHAIN, { id: 'lab-lakeside-univ-photonics' });
    expect(lab.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const unknown = await gql(SUPPLY_CHAIN, { id: 'nope' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });
});

describe('neighborhood', () => {
  it('returns neighbours of every kind within depth, optionally filtered by kind', async () => {
    const all = await gql('{ neighborhood(id: "lab-lakeside-univ-photonics", depth: 1) { nodes { id kind } edges { source target type } } }');
    const kinds = new Set(all.data.neighborhood.nodes.map((n: { kind: string }) => n.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['LAB', 'TECHNOLOGY', 'COMPANY', 'REGION']));
    const tech = await gql('{ neighborhood(id: "lab-lakeside-univ-photonics", depth: 1, kinds: [TECHNOLOGY]) { nodes { id kind } } }');
    expect(tech.data.neighborhood.nodes.filter((n: { kind: string }) => n.kind !== 'LAB').every((n: { kind: string }) => n.kind === 'TECHNOLOGY')).toBe(true);
  });

  it('cuts at the limit in one statement, says so, and says NOT_FOUND for an unknown id', async () => {
    const query = 'query($id: ID!, $limit: Int) { neighborhood(id: $id, depth: 2, limit: $limit) { truncated nodes { id side } } }';
    const all = await gql(query, { id: 'lab-lakeside-univ-photonics', limit: 500 });
    expect(all.extensions?.cypherQueries).toBe(1);
    const { truncated, nodes } = all.data.neighborhood as { truncated: boolean; nodes: { id: string; side: string }[] };
    expect(truncated).toBe(false);
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.filter((n) => n.side === 'FOCUS').map((n) => n.id)).toEqual(['lab-lakeside-univ-photonics']);
    const cut = await gql(query, { id: 'lab-lakeside-univ-photonics', limit: 5 });
    expect(cut.data.neighborhood.truncated).toBe(true);
    expect(cut.data.neighborhood.nodes).toHaveLength(5);
    const exact = await gql(query, { id: 'lab-lakeside-univ-photonics', limit: nodes.length });
    expect(exact.data.neighborhood.truncated).toBe(false);
    expect(exact.data.neighborhood.nodes).toHaveLength(nodes.length);
    const missing = await gql(query, { id: 'lab-does-not-exist', limit: 5 });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });

  it('refuses depth 4', async () => {
    const result = await gql('{ neighborhood(id: "lab-lakeside-univ-photonics", depth: 4) { truncated } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });
});

describe('connectionPath', () => {
  it('prefers the three-hop supply path over the shorter shared-region path', async () => {
    const query = `query($maxHops: Int) { connectionPath(fromId: "co-jade-crest-silicon-materials", toId: "co-gusu-advanced-packaging", maxHops: $maxHops) {
      paths { nodeIds length business edges { type } }
      graph { nodes { id } edges { source target type } }
    } }`;
    const geographic = await gql(query, { maxHops: 2 });
    expect(geographic.data.connectionPath.paths[0]).toMatchObject({ length: 2, business: false, nodeIds: expect.arrayContaining(['reg-suzhou']) });

    const result = await gql(query, { maxHops: 4 });
    expect(result.errors).toBeUndefined();
    const [first] = result.data.connectionPath.paths;
    expect(first).toMatchObject({ length: 3, business: true });
    expect(first.edges.map((e: { type: string }) => e.type)).toEqual(['SUPPLIES', 'SUPPLIES', 'SUPPLIES']);
    expect(first.nodeIds[0]).toBe('co-jade-crest-silicon-materials');
    expect(first.nodeIds.at(-1)).toBe('co-gusu-advanced-packaging');
    const graphIds = ids(result.data.connectionPath.graph.nodes);
    expect(graphIds).toEqual(expect.arrayContaining(first.nodeIds));
  });

  it('refuses the same id at both ends', async () => {
    const result = await gql(`{ connectionPath(fromId: "${WUHAN_FAB}", toId: "${WUHAN_FAB}") { paths { length } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toId' });
  });
});
