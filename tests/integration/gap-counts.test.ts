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

/** chainGaps' statement for every chain and region, uncapped, so the walk counts all inbound supplies too. */
async function everyAnswer() {
  const chains = await ids('MATCH (c:Chain) RETURN c.id AS id ORDER BY id');
  const regions = await ids('MATCH (r:Region) RETURN r.id AS id ORDER BY id');
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

  it('are not read once the graph has changed: the answer shows a new supply at once, and the counts are taken again', async () => {
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
      const [walked, runs] = [await metric(chainGapSegments, { counts: 'walked' }), await metric(gapCountRuns, { outcome: 'done' }, 'chainscope_gap_counts_run_seconds_count')];
      expect(await fab()).toMatchObject({ inboundSupplies: 4, inboundFromOutside: 3 });
      // Every segment of the chain was walked, and /metrics says so.
      expect(await metric(chainGapSegments, { counts: 'walked' })).toBe(walked + 4);
      await keeper.settled();
      expect(await metric(gapCountRuns, { outcome: 'done' }, 'chainscope_gap_counts_run_seconds_count')).toBe(runs + 1);
      const current = await version();
      const { records } = await driver.executeQuery('MATCH (g:GapCounts) RETURN collect(DISTINCT g.version) AS versions', {}, { database: database() });
      expect(records[0]!.get('versions')).toEqual([current]);
      expect(await stale()).toEqual([]);
      const kept = await metric(chainGapSegments, { counts: 'kept' });
      expect(await fab()).toMatchObject({ inboundSupplies: 4, inboundFromOutside: 3 });
      expect(await metric(chainGapSegments, { counts: 'kept' })).toBe(kept + 4);
    } finally {
      await gql('mutation { unlink(type: "SUPPLIES", fromId: "fx-c", toId: "fx-i") }', {}, KEYS.editor);
    }
    expect(await fab()).toMatchObject({ inboundSupplies: 3, inboundFromOutside: 2 });
    await keeper.stop();
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
