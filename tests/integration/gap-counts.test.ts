// chainGaps' counts kept per segment (api/src/db/gap-counts.ts, cypher/import/refresh-gap-counts.cypher):
// the same answers as walking the graph, never read once the graph has changed, taken again in
// the background, and not themselves a change of the graph.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../api/src/db/cypher-files.ts';
import { GapCountsKeeper, refreshGapCounts } from '../../api/src/db/gap-counts.ts';
import { integerParams } from '../../api/src/db/neo4j.ts';
import { importPath } from '../../api/src/import/import-dataset.ts';
import { chainGapSegments, gapCountRuns } from '../../api/src/observability/metrics.ts';
import { KEYS, apiClient, testDriver } from '../support/api.ts';

let driver: Driver;
const database = () => inject('neo4jDatabase');
const ALL_PARTS = { withLocals: true, withFillers: true, withInbound: true, withTalent: true, withLabs: true, withPolicies: true };

beforeAll(async () => {
  driver = testDriver();
  await importPath(driver, database(), path.join(import.meta.dirname, '../fixtures/answer-graph'));
});
afterAll(() => driver.close());

const ids = async (query: string) => (await driver.executeQuery(query, {}, { database: database() })).records.map((r) => r.get('id') as string);
const version = async () => (await driver.executeQuery(cypher('graph-version'), {}, { database: database() })).records[0]!.get('version') as string;

/** chainGaps' statement for every chain and region (whose ids start with `prefix`), uncapped, so the walk counts all inbound supplies too. */
async function everyAnswer(prefix = '') {
  const chains = (await ids('MATCH (c:Chain) RETURN c.id AS id ORDER BY id')).filter((id) => id.startsWith(prefix));
  const regions = (await ids('MATCH (r:Region) RETURN r.id AS id ORDER BY id')).filter((id) => id.startsWith(prefix));
  const rows: Record<string, unknown>[] = [];
  for (const chainId of chains) {
    for (const regionId of regions) {
      const { records } = await driver.executeQuery(cypher('chain-gaps'), integerParams({
        chainId, regionId, fillers: 5, shown: 20, fillerPool: 200, inboundCap: 1_000_000, part: 0, parts: 1, ...ALL_PARTS,
      }), { database: database() });
      rows.push(...records.map((r) => ({ chainId, regionId, ...r.toObject() })));
    }
  }
  return rows;
}

/** The value of one series of a metric (a histogram's by its name, e.g. its _count). */
async function metric(m: typeof chainGapSegments | typeof gapCountRuns, labels: Record<string, string>, name?: string): Promise<number> {
  const { values } = await m.get();
  const matches = (v: (typeof values)[number]) => (!name || ('metricName' in v && v.metricName === name)) && Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x);
  return values.filter(matches).reduce((n, v) => n + v.value, 0);
}

const numbers = (rows: Record<string, unknown>[]) => rows.map(({ precomputed: _, ...row }) => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))));

describe('chainGaps counts', () => {
  it('give the same answer as the walk for every chain and region, without changing the graph version', async () => {
    await driver.executeQuery('MATCH (g:GapCounts) DELETE g', {}, { database: database() });
    const before = await version();
    const walked = await everyAnswer();
    expect(walked.every((r) => r.precomputed === false)).toBe(true);

    const report = await refreshGapCounts(driver, database());
    expect(report.segments).toBe((await ids('MATCH (s:Segment) RETURN s.id AS id')).length);
    const counted = await everyAnswer();
    expect(counted.every((r) => r.precomputed === true)).toBe(true);
    expect(await version()).toBe(before);

    // A comparison worth making: the sample has inbound supplies, some from outside, experts and adopters.
    const sum = (key: string) => walked.reduce((n, r) => n + Number(r[key]), 0);
    for (const key of ['inbound', 'inboundFromOutside', 'localExperts', 'localAdopters']) expect(sum(key), key).toBeGreaterThan(0);
    expect(numbers(counted)).toEqual(numbers(walked));
    // Nothing left to count.
    expect((await refreshGapCounts(driver, database())).segments).toBe(0);
  });

  it('are not read once an edit may have changed them: the answer shows a new supply at once, and the counts are taken again', async () => {
    await refreshGapCounts(driver, database());
    const keeper = new GapCountsKeeper(driver, database());
    const gql = apiClient(driver, { gapCounts: keeper });
    const fab = async () => {
      const result = await gql('{ chainGaps(chainId: "fx-chain", regionId: "fx-city") { segments { segment { id } inboundSupplies inboundFromOutside } } }');
      expect(result.errors).toBeUndefined();
      return result.data.chainGaps.segments.find((s: { segment: { id: string } }) => s.segment.id === 'fx-seg-fab');
    };
    expect(await fab()).toMatchObject({ inboundSupplies: 3, inboundFromOutside: 2 });
    const stale = () => ids('MATCH (s:Segment) WHERE NOT EXISTS { MATCH (:GapCounts {segment: s.id}) } RETURN s.id AS id');
    // fx-c (another city) starts to supply fx-i (in fx-city), a buyer in the segment fx-seg-fab feeds.
    const link = await gql('mutation { link(type: "SUPPLIES", fromId: "fx-c", toId: "fx-i", properties: { product: "more wafers" }) { type } }', {}, KEYS.editor);
    expect(link.errors).toBeUndefined();
    try {
      const [walked, kept, runs] = [await metric(chainGapSegments, { counts: 'walked' }), await metric(chainGapSegments, { counts: 'kept' }),
        await metric(gapCountRuns, { outcome: 'done' }, 'chainscope_gap_counts_run_seconds_count')];
      expect(await fab()).toMatchObject({ inboundSupplies: 4, inboundFromOutside: 3 });
      // Only the seller's segment was walked (the edit kept the chain's other three current), and /metrics says so.
      expect(await metric(chainGapSegments, { counts: 'walked' })).toBe(walked + 1);
      expect(await metric(chainGapSegments, { counts: 'kept' })).toBe(kept + 3);
      expect(await ids(cypher('stale-gap-counts'))).toEqual(['fx-seg-fab']);
      await keeper.settled();
      expect(await metric(gapCountRuns, { outcome: 'done' }, 'chainscope_gap_counts_run_seconds_count')).toBe(runs + 1);
      const current = await version();
      const { records } = await driver.executeQuery('MATCH (g:GapCounts) RETURN collect(DISTINCT g.version) AS versions', {}, { database: database() });
      expect(records[0]!.get('versions')).toEqual([current]);
      expect(await stale()).toEqual([]);
      const keptNow = await metric(chainGapSegments, { counts: 'kept' });
      expect(await fab()).toMatchObject({ inboundSupplies: 4, inboundFromOutside: 3 });
      expect(await metric(chainGapSegments, { counts: 'kept' })).toBe(keptNow + 4);
    } finally {
      await gql('mutation { unlink(type: "SUPPLIES", fromId: "fx-c", toId: "fx-i") }', {}, KEYS.editor);
    }
    expect(await fab()).toMatchObject({ inboundSupplies: 3, inboundFromOutside: 2 });
    await keeper.stop();
  });

  it('stay current after an edit only for the segments it cannot alter, whatever relationship it changes', async () => {
    // Each edit of the fixture changes what chainGaps counts for fx-chain (fixture README), and is
    // then undone: after each, and after each undo, the segments left stale are exactly those the
    // edit may alter (segments-touched.cypher), and the answers read from the counts kept are the
    // answers of a walk of the whole graph.
    const keeper = new GapCountsKeeper(driver, database());
    await keeper.stop();
    const gql = apiClient(driver, { gapCounts: keeper });
    const edit = async (mutation: string) => {
      const result = await gql(mutation, {}, KEYS.editor);
      expect(result.errors, mutation).toBeUndefined();
    };
    const link = (type: string, from: string, to: string, properties = '') =>
      `mutation { link(type: "${type}", fromId: "${from}", toId: "${to}"${properties ? `, properties: { ${properties} }` : ''}) { type } }`;
    const unlink = (type: string, from: string, to: string) => `mutation { unlink(type: "${type}", fromId: "${from}", toId: "${to}") }`;
    const everySegment = await ids('MATCH (s:Segment) RETURN s.id AS id ORDER BY id');
    const fixtureAnswers = () => everyAnswer('fx-');
    const cases: { what: string; does: string[]; undo: string[]; touched: string[] | 'all'; changes: boolean }[] = [
      { what: 'a supply', does: [link('SUPPLIES', 'fx-c', 'fx-i', 'product: "wafers"')], undo: [unlink('SUPPLIES', 'fx-c', 'fx-i')], touched: ['fx-seg-fab'], changes: true },
      { what: 'a segment a seller operates in', does: [link('OPERATES_IN', 'fx-d', 'fx-seg-material')], undo: [unlink('OPERATES_IN', 'fx-d', 'fx-seg-material')], touched: ['fx-seg-material'], changes: true },
      { what: 'a second place of a seller', does: [link('LOCATED_IN', 'fx-h', 'fx-city')], undo: [unlink('LOCATED_IN', 'fx-h', 'fx-city')], touched: ['fx-seg-fab', 'fx-seg-material', 'fx-seg-tool'], changes: true },
      { what: 'a second place of an employer', does: [link('LOCATED_IN', 'fx-g', 'fx-city2')], undo: [unlink('LOCATED_IN', 'fx-g', 'fx-city2')], touched: ['fx-seg-fab', 'fx-seg-material', 'fx-seg-module', 'fx-seg-tool'], changes: true },
      { what: 'a second place of an adopter', does: [link('LOCATED_IN', 'fx-i', 'fx-city2')], undo: [unlink('LOCATED_IN', 'fx-i', 'fx-city2')], touched: ['fx-seg-fab', 'fx-seg-module'], changes: true },
      { what: 'an expert', does: [link('EXPERT_IN', 'fx-tal-1', 'fx-tech-x')], undo: [unlink('EXPERT_IN', 'fx-tal-1', 'fx-tech-x')], touched: ['fx-seg-fab'], changes: true },
      { what: 'a job', does: [link('WORKS_AT', 'fx-tal-2', 'fx-c', 'role: "engineer"')], undo: [unlink('WORKS_AT', 'fx-tal-2', 'fx-c')], touched: ['fx-seg-module'], changes: true },
      { what: 'a job ended', does: [link('WORKS_AT', 'fx-tal-2', 'fx-g', 'role: "engineer", since: 2019, until: 2024')], undo: [link('WORKS_AT', 'fx-tal-2', 'fx-g', 'role: "engineer", since: 2019, until: null')], touched: ['fx-seg-module'], changes: true },
      { what: 'a technology used', does: [link('USES', 'fx-i', 'fx-tech-x')], undo: [unlink('USES', 'fx-i', 'fx-tech-x')], touched: ['fx-seg-fab'], changes: true },
      { what: 'a technology needed', does: [link('NEEDS', 'fx-e', 'fx-tech-y')], undo: [unlink('NEEDS', 'fx-e', 'fx-tech-y')], touched: ['fx-seg-module'], changes: true },
      { what: 'a technology applied to a segment', does: [link('APPLIES_TO', 'fx-tech-x', 'fx-seg-module')], undo: [unlink('APPLIES_TO', 'fx-tech-x', 'fx-seg-module')], touched: ['fx-seg-module'], changes: true },
      { what: 'a segment fed', does: [link('FEEDS', 'fx-seg-tool', 'fx-seg-module')], undo: [unlink('FEEDS', 'fx-seg-tool', 'fx-seg-module')], touched: ['fx-seg-tool'], changes: false },
      { what: 'a company deleted with its relationships',
        does: [
          'mutation { createEntity(kind: COMPANY, input: { id: "fx-tmp", name: "Fixture Temporary Fab" }) { id } }',
          link('OPERATES_IN', 'fx-tmp', 'fx-seg-fab'), link('LOCATED_IN', 'fx-tmp', 'fx-district'), link('SUPPLIES', 'fx-tmp', 'fx-a', 'product: "wafers"'),
          'mutation { deleteEntity(id: "fx-tmp") }',
        ],
        undo: [], touched: ['fx-seg-fab', 'fx-seg-material', 'fx-seg-tool'], changes: false },
      { what: 'a region moved', does: [link('WITHIN', 'fx-abroad', 'fx-country')], undo: [unlink('WITHIN', 'fx-abroad', 'fx-country')], touched: 'all', changes: true },
      { what: 'a company\'s own fields', does: ['mutation { updateEntity(id: "fx-c", input: { employees: 301 }) { id } }'], undo: ['mutation { updateEntity(id: "fx-c", input: { employees: 300 }) { id } }'], touched: [], changes: false },
    ];
    /** Runs the mutations, the last with every count current before it, and checks what it left stale and what is read. */
    const check = async (what: string, mutations: string[], touched: string[] | 'all', changes: boolean) => {
      for (const mutation of mutations.slice(0, -1)) await edit(mutation);
      await refreshGapCounts(driver, database());
      const before = numbers(await fixtureAnswers());
      await edit(mutations.at(-1)!);
      expect(await ids(cypher('stale-gap-counts')), what).toEqual(touched === 'all' ? everySegment : touched);
      const read = await fixtureAnswers();
      // Only the segments of fx-chain among the stale are walked; each of fx-chain's is in read.
      for (const row of read) expect(row.precomputed, `${what}: ${row.chainId} ${row.regionId} ${(row.segment as { id: string }).id}`).toBe(touched !== 'all' && !touched.includes((row.segment as { id: string }).id));
      await driver.executeQuery('MATCH (g:GapCounts) DELETE g', {}, { database: database() });
      const walked = await fixtureAnswers();
      expect(numbers(read), what).toEqual(numbers(walked));
      if (changes) expect(numbers(walked), `${what} changes the answer`).not.toEqual(before);
    };
    try {
      for (const { what, does, undo, touched, changes } of cases) {
        await check(what, does, touched, changes);
        if (undo.length) await check(`${what}, undone`, undo, touched, changes);
      }
    } finally {
      // The test database outlives the run: a failed case leaves none of its edits behind.
      for (const mutation of [...cases.flatMap((c) => c.undo), 'mutation { deleteEntity(id: "fx-tmp") }']) await gql(mutation, {}, KEYS.editor);
    }
  });

  it('stop being taken when the graph changes meanwhile, and the next run counts only what is stale', async () => {
    await driver.executeQuery('MATCH (g:GapCounts) DELETE g', {}, { database: database() });
    const segments = (await ids('MATCH (s:Segment) RETURN s.id AS id')).length;
    let asked = 0;
    // Asked before each segment: a write (as Chainscope counts its writes) lands after the first.
    const interrupted = await refreshGapCounts(driver, database(), async () => {
      if (++asked === 2) await driver.executeQuery(cypher('mark-written'), {}, { database: database() });
      return false;
    });
    expect(interrupted).toMatchObject({ segments: 2, interrupted: true });
    // The second segment was counted after the write, so only the first and the uncounted remain.
    const next = await refreshGapCounts(driver, database());
    expect(next).toMatchObject({ segments: segments - 1, interrupted: false });
  });

  it('are not counted twice when another API process counts them meanwhile', async () => {
    await driver.executeQuery('MATCH (g:GapCounts) DELETE g', {}, { database: database() });
    const segments = (await ids('MATCH (s:Segment) RETURN s.id AS id')).length;
    let other: Awaited<ReturnType<typeof refreshGapCounts>> | undefined;
    // Before this run counts its first segment, another process (another run here) counts them all.
    const run = await refreshGapCounts(driver, database(), async () => {
      other ??= await refreshGapCounts(driver, database());
      return false;
    });
    expect(other).toMatchObject({ segments, interrupted: false });
    expect(run).toMatchObject({ segments: 0, interrupted: false });
    expect(await ids(cypher('stale-gap-counts'))).toEqual([]);
  });

  it('are not asked for again at once after a failed run', async () => {
    const failed = () => metric(gapCountRuns, { outcome: 'failed' }, 'chainscope_gap_counts_run_seconds_count');
    const unreachable = testDriver('bolt://127.0.0.1:1');
    const keeper = new GapCountsKeeper(unreachable, database());
    const before = await failed();
    keeper.request();
    await keeper.settled();
    expect(await failed()).toBe(before + 1);
    keeper.request();
    await keeper.settled();
    expect(await failed()).toBe(before + 1);
    await unreachable.close();
  });

  it('of segments no longer in the graph are dropped', async () => {
    await driver.executeQuery("CREATE (:GapCounts {segment: 'seg-gone', version: 'old'})", {}, { database: database() });
    await refreshGapCounts(driver, database());
    expect(await ids("MATCH (g:GapCounts {segment: 'seg-gone'}) RETURN g.segment AS id")).toEqual([]);
  });
});
