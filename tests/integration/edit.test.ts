// Editing through GraphQL mutations: validation like import, role checks, audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { KEYS, apiClient, graphFingerprint, testDriver, untranslated } from '../support/api.ts';

let driver: Driver;
let gql: ReturnType<typeof apiClient>;
const created: string[] = [];
// A fresh id per run, so a run that stopped half-way leaves nothing in the next one's way.
const A = `test-edit-${Date.now()}`;

beforeAll(() => {
  driver = testDriver();
  gql = apiClient(driver);
});

afterAll(async () => {
  for (const id of [...created, A]) await gql('mutation($id: ID!) { deleteEntity(id: $id) }', { id }, KEYS.editor);
  await driver.close();
});

const CREATE = `mutation($kind: EntityKind!, $input: EntityInput!) { createEntity(kind: $kind, input: $input) { id kind name ... on Company { stage employees } } }`;

describe('mutations', () => {
  it('creates, updates, links, unlinks and deletes, each recorded in the audit trail', async () => {
    const a = await gql(CREATE, { kind: 'COMPANY', input: { id: A, name: 'Edit Test Alpha', stage: 'startup', employees: 12 } }, KEYS.editor);
    expect(a.errors).toBeUndefined();
    expect(a.data.createEntity).toEqual({ id: A, kind: 'COMPANY', name: 'Edit Test Alpha', stage: 'startup', employees: 12 });
    const b = await gql(CREATE, { kind: 'COMPANY', input: { name: 'Edit Test Beta' } }, KEYS.editor);
    const bId = b.data.createEntity.id as string;
    expect(bId).toMatch(/^co-edit-test-beta-[0-9a-f]{6}$/);
    created.push(A, bId);

    const updated = await gql(`mutation { updateEntity(id: "${A}", input: { employees: 40, stage: null }) { ... on Company { stage employees } name } }`, {}, KEYS.editor);
    expect(updated.data.updateEntity).toEqual({ stage: null, employees: 40, name: 'Edit Test Alpha' });

    const linked = await gql(`mutation($to: ID!) { link(type: "SUPPLIES", fromId: "${A}", toId: $to, properties: { product: "test wafers", confidence: 0.7 }) { type direction product node { id } provenance { source confidence asOf } } }`, { to: bId }, KEYS.editor);
    expect(linked.errors).toBeUndefined();
    expect(linked.data.link).toMatchObject({ type: 'SUPPLIES', direction: 'OUT', product: 'test wafers', node: { id: bId }, provenance: { source: 'api', confidence: 0.7 } });

    const chain = await gql(`query($id: ID!) { supplyChain(id: $id, direction: UPSTREAM, depth: 1) { nodes { id } } }`, { id: bId });
    expect(chain.data.supplyChain.nodes.map((n: { id: string }) => n.id).sort()).toEqual([bId, A].sort());

    expect((await gql(`mutation($to: ID!) { unlink(type: "SUPPLIES", fromId: "${A}", toId: $to) }`, { to: bId }, KEYS.editor)).data.unlink).toBe(true);
    const again = await gql(`mutation($to: ID!) { unlink(type: "SUPPLIES", fromId: "${A}", toId: $to) }`, { to: bId }, KEYS.editor);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const log = await gql(`{ auditLog(entityId: "${A}") { actor action entityId details } }`, {}, KEYS.admin);
    expect(log.data.auditLog.map((e: { action: string }) => e.action)).toEqual(['UNLINK', 'LINK', 'UPDATE', 'CREATE']);
    expect(log.data.auditLog[0].actor).toBe('editor-tester');
  });

  it.each([
    ['an unknown enumeration', { kind: 'COMPANY', input: { id: 'test-bad-1', name: 'X', stage: 'giant' } }, 'input.stage'],
    ['a TRL out of range', { kind: 'TECHNOLOGY', input: { id: 'test-bad-2', name: 'X', trl: 12 } }, 'input.trl'],
    ['a field of another kind', { kind: 'REGION', input: { id: 'test-bad-3', name: 'X', employees: 3 } }, 'input.employees'],
    ['a missing name', { kind: 'LAB', input: { id: 'test-bad-4' } }, 'input.name'],
    ['a malformed id', { kind: 'LAB', input: { id: 'bad id with spaces', name: 'X' } }, 'input.id'],
    ['a taken id', { kind: 'LAB', input: { id: A, name: 'X' } }, 'input.id'],
    ['a control character in the name', { kind: 'COMPANY', input: { id: 'test-bad-5', name: 'Nul\u0000Corp' } }, 'input.name'],
    ['a control character in the description', { kind: 'COMPANY', input: { id: 'test-bad-6', name: 'X', description: 'bell\u0007' } }, 'input.description'],
  ])('refuses %s, naming the field, and changes nothing', async (_, variables, argument) => {
    await gql(CREATE, { kind: 'COMPANY', input: { id: A, name: 'Edit Test Alpha' } }, KEYS.editor);
    const before = await graphFingerprint(driver);
    const result = await gql(CREATE, variables, KEYS.editor);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toContain(argument);
    expect(untranslated(result.errors![0]!.message)).toEqual([]);
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it('lets only one of two simultaneous creations of an id through; the other is told it is taken', async () => {
    for (let pair = 0; pair < 5; pair += 1) {
      const id = `test-race-${Date.now()}-${pair}`;
      created.push(id);
      const results = await Promise.all(['First', 'Second'].map((name) => gql(CREATE, { kind: 'COMPANY', input: { id, name } }, KEYS.editor)));
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => r.errors)!;
      expect(loser.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
      expect(loser.errors?.[0]?.message).toContain('already taken');
      const stored = await gql(`{ entity(id: "${id}") { name } }`, {}, KEYS.editor);
      expect(stored.data.entity.name).toBe(winners[0]?.data.createEntity.name);
      const log = await gql(`{ auditLog(entityId: "${id}") { action } }`, {}, KEYS.admin);
      expect(log.data.auditLog).toEqual([{ action: 'CREATE' }]);
    }
  });

  it('keeps both of two simultaneous updates of different fields', async () => {
    const id = `test-update-race-${Date.now()}`;
    created.push(id);
    await gql(CREATE, { kind: 'COMPANY', input: { id, name: 'Update Race', stage: 'startup', employees: 1 } }, KEYS.editor);
    for (let round = 2; round < 7; round += 1) {
      const stage = round % 2 ? 'startup' : 'scaleup';
      const results = await Promise.all([
        gql(`mutation { updateEntity(id: "${id}", input: { employees: ${round} }) { id } }`, {}, KEYS.editor),
        gql(`mutation { updateEntity(id: "${id}", input: { stage: "${stage}" }) { id } }`, {}, KEYS.editor),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const stored = await gql(`{ entity(id: "${id}") { ... on Company { stage employees } } }`, {}, KEYS.editor);
      expect(stored.data.entity).toEqual({ stage, employees: round });
    }
  });

  it('lets simultaneous links between two entities, both ways and twice over, all succeed once each', async () => {
    const [x, y] = [`test-link-race-x-${Date.now()}`, `test-link-race-y-${Date.now()}`];
    created.push(x, y);
    for (const id of [x, y]) await gql(CREATE, { kind: 'COMPANY', input: { id, name: 'Link Race' } }, KEYS.editor);
    const LINK = 'mutation($from: ID!, $to: ID!, $product: String!) { link(type: "SUPPLIES", fromId: $from, toId: $to, properties: { product: $product }) { type } }';
    for (let round = 0; round < 5; round += 1) {
      const sent = [[x, y, `a${round}`], [y, x, `b${round}`], [x, y, `c${round}`], [y, x, `d${round}`]] as const;
      const results = await Promise.all(sent.map(([from, to, product]) => gql(LINK, { from, to, product }, KEYS.editor)));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
      // One relationship each way, holding one of the products sent that way.
      const { records } = await driver.executeQuery(
        'MATCH (a:Entity)-[r:SUPPLIES]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS from, r.product AS product ORDER BY from',
        { ids: [x, y] },
      );
      const stored = records.map((r) => [r.get('from'), r.get('product')]);
      expect(stored.map(([from]) => from)).toEqual([x, y].sort());
      for (const [from, product] of stored) expect(sent.filter((s) => s[0] === from).map((s) => s[2])).toContain(product);
    }
  });

  it('lets only one of two simultaneous WITHIN links that together would loop two regions succeed', async () => {
    const LINK = 'mutation($from: ID!, $to: ID!) { link(type: "WITHIN", fromId: $from, toId: $to) { type } }';
    for (let round = 0; round < 3; round += 1) {
      const [x, y] = [`test-loop-x-${round}-${Date.now()}`, `test-loop-y-${round}-${Date.now()}`];
      created.push(x, y);
      for (const id of [x, y]) await gql(CREATE, { kind: 'REGION', input: { id, name: 'Loop Race' } }, KEYS.editor);
      // Each is valid alone, and both are validated before either is written.
      const results = await Promise.all([gql(LINK, { from: x, to: y }, KEYS.editor), gql(LINK, { from: y, to: x }, KEYS.editor)]);
      const refused = results.filter((r) => r.errors);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toId' });
      expect(refused[0]!.errors![0]!.message).toMatch(/within itself/);
      const { records } = await driver.executeQuery(
        'MATCH (a:Region)-[:WITHIN]->(b:Region) WHERE a.id IN $ids AND b.id IN $ids RETURN count(*) AS links', { ids: [x, y] },
      );
      expect(records[0]!.get('links')).toBe(1);
    }
  });

  it('refuses a link whose ends are the wrong kinds or missing', async () => {
    const wrong = await gql(`mutation { link(type: "SUPPLIES", fromId: "${A}", toId: "no-such-node", properties: { product: "x" }) { type } }`, {}, KEYS.editor);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toId' });
    const type = await gql(`mutation { link(type: "LIKES", fromId: "${A}", toId: "${A}") { type } }`, {}, KEYS.editor);
    expect(type.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'type' });
    const product = await gql(`mutation { link(type: "SUPPLIES", fromId: "${A}", toId: "${A}") { type } }`, {}, KEYS.editor);
    expect(product.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'properties.product' });
    const before = await graphFingerprint(driver);
    const loop = await gql(`mutation { link(type: "SUPPLIES", fromId: "${A}", toId: "${A}", properties: { product: "x" }) { type } }`, {}, KEYS.editor);
    expect(loop.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toId' });
    expect(loop.errors?.[0]?.message).toMatch(/cannot start and end at the same entity/);
    // Shenzhen is within Guangdong in the sample: Guangdong within Shenzhen would be a loop.
    const regionLoop = await gql('mutation { link(type: "WITHIN", fromId: "reg-guangdong", toId: "reg-shenzhen") { type } }', {}, KEYS.editor);
    expect(regionLoop.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toId' });
    expect(regionLoop.errors?.[0]?.message).toContain('reg-guangdong within reg-shenzhen within reg-guangdong');
    for (const refused of [wrong, type, product, loop, regionLoop]) expect(untranslated(refused.errors![0]!.message)).toEqual([]);
    expect(await graphFingerprint(driver)).toBe(before);
  });
});

describe('roles', () => {
  const mutations: [string, string][] = [
    ['createEntity', `mutation { createEntity(kind: COMPANY, input: { id: "test-role", name: "R" }) { id } }`],
    ['updateEntity', `mutation { updateEntity(id: "${A}", input: { name: "R" }) { id } }`],
    ['deleteEntity', `mutation { deleteEntity(id: "${A}") }`],
    ['link', `mutation { link(type: "SUPPLIES", fromId: "${A}", toId: "${A}", properties: { product: "x" }) { type } }`],
    ['unlink', `mutation { unlink(type: "SUPPLIES", fromId: "${A}", toId: "${A}") }`],
    ['importDataset', `mutation { importDataset(files: []) { written } }`],
  ];

  it.each(mutations)('%s needs a key, and the editor role', async (_, mutation) => {
    const before = await graphFingerprint(driver);
    expect((await gql(mutation)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(mutation, {}, 'not-a-key')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(mutation, {}, KEYS.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it('keeps the audit log for admins', async () => {
    expect((await gql('{ auditLog { action } }', {}, KEYS.editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql('{ auditLog { action } }', {}, KEYS.admin)).errors).toBeUndefined();
  });

  it('makes reads keyed when configured', async () => {
    const keyed = apiClient(driver, { readsKeyed: true });
    expect((await keyed('{ search(query: "wafer") { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await keyed('{ search(query: "wafer") { id } }', {}, KEYS.viewer)).errors).toBeUndefined();
    expect((await gql('{ search(query: "wafer") { id } }')).errors).toBeUndefined();
  });
});
