// The three answers: exact rankings and gap kinds on a hand-computed fixture graph
// (tests/fixtures/answer-graph), and meaningful content on the sample.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { PILOT_WEIGHTS, scorePilotPartner, type PilotEvidence } from '../../api/src/answers/pilot-partners.ts';
import { cypher } from '../../api/src/db/cypher-files.ts';
import { integerParams } from '../../api/src/db/neo4j.ts';
import { importPath } from '../../api/src/import/import-dataset.ts';
import { apiClient, testDriver } from '../support/api.ts';

let driver: Driver;
let gql: ReturnType<typeof apiClient>;

beforeAll(async () => {
  driver = testDriver();
  gql = apiClient(driver);
  await importPath(driver, inject('neo4jDatabase'), path.join(import.meta.dirname, '../fixtures/answer-graph'));
});
afterAll(() => driver.close());

const PILOT = `query($startupId: ID, $technologyIds: [ID!], $regionId: ID, $first: Int) {
  pilotPartners(startupId: $startupId, technologyIds: $technologyIds, regionId: $regionId, first: $first) {
    company { id name } score roles reasons existingPartner
    parts { technologyFit chainAdjacency proximity sharedCluster capacity ties policy }
    paths { nodes { id kind } edges { source target type } }
  }
}`;

describe('pilotPartners on the fixture', () => {
  it('ranks every candidate with the documented weights', async () => {
    const result = await gql(PILOT, { startupId: 'fx-start', first: 20 });
    expect(result.errors).toBeUndefined();
    // Worked out by hand from the fixture: see the weights in the README.
    expect(result.data.pilotPartners.map((p: { company: { id: string }; score: number }) => [p.company.id, p.score])).toEqual([
      ['fx-a', 0.75], ['fx-c', 0.6], ['fx-g', 0.44], ['fx-e', 0.4], ['fx-i', 0.37],
      ['fx-d', 0.325], ['fx-f', 0.31], ['fx-b', 0.255], ['fx-h', 0.19],
    ]);
  });

  it('explains each part and draws the paths', async () => {
    const result = await gql(PILOT, { startupId: 'fx-start', first: 20 });
    const byId = Object.fromEntries(result.data.pilotPartners.map((p: { company: { id: string } }) => [p.company.id, p]));
    expect(byId['fx-a'].parts).toEqual({ technologyFit: 1, chainAdjacency: 1, proximity: 1, sharedCluster: 1, capacity: 1, ties: 0, policy: 0 });
    expect(byId['fx-a'].roles).toEqual(['DOWNSTREAM']);
    expect(byId['fx-a'].reasons).toEqual(expect.arrayContaining([
      'Downstream of you in Fixture modules: buys fixture wafers in Fix District.',
      'Uses or needs Fixture technology X, your technology.',
      'In your city.',
      'Member of your cluster Fixture Cluster.',
    ]));
    expect(byId['fx-c'].parts).toMatchObject({ proximity: 0.6, chainAdjacency: 0.6, policy: 1, capacity: 0.7 });
    expect(byId['fx-c'].reasons).toContain('Fixture Fab Fund funds its segment in its region.');
    expect(byId['fx-b'].reasons).toContain('Shares the incubator Fixture Incubator with you.');
    expect(byId['fx-d'].reasons).toContain('Fixture Founder, on your team, worked there until 2020.');
    expect(byId['fx-d'].existingPartner).toBe(true);
    expect(byId['fx-d'].reasons).toContain('Already trades with you.');
    expect(result.data.pilotPartners.filter((p: { existingPartner: boolean }) => p.existingPartner)).toHaveLength(1);
    expect(byId['fx-a'].paths.edges).toEqual(expect.arrayContaining([
      { source: 'fx-start', target: 'fx-seg-fab', type: 'OPERATES_IN' },
      { source: 'fx-seg-fab', target: 'fx-seg-module', type: 'FEEDS' },
      { source: 'fx-a', target: 'fx-seg-module', type: 'OPERATES_IN' },
      { source: 'fx-a', target: 'fx-tech-x', type: 'USES' },
    ]));
    expect(byId['fx-a'].paths.nodes).toContainEqual({ id: 'fx-tech-x', kind: 'TECHNOLOGY' });
  });

  it('never proposes the startup itself, and takes technologies alone', async () => {
    const result = await gql(PILOT, { technologyIds: ['fx-tech-x'], regionId: 'fx-city', first: 3 });
    expect(result.errors).toBeUndefined();
    const ids = result.data.pilotPartners.map((p: { company: { id: string } }) => p.company.id);
    expect(ids).toHaveLength(3);
    expect(ids).toContain('fx-start');
    const withStartup = await gql(PILOT, { startupId: 'fx-start', first: 50 });
    expect(withStartup.data.pilotPartners.map((p: { company: { id: string } }) => p.company.id)).not.toContain('fx-start');
  });

  it('ranks in Cypher exactly as the scoring code scores, for every startup of the sample and fixture', async () => {
    const { records } = await driver.executeQuery(
      "MATCH (c:Company) WHERE c.stage = 'startup' OR c.id = 'fx-start' RETURN collect(c.id) AS ids", {}, { database: inject('neo4jDatabase') });
    const startups = records[0]!.get('ids') as string[];
    expect(startups.length).toBeGreaterThan(5);
    let compared = 0;
    for (const startupId of startups) {
      const params = { startupId, technologyIds: [], regionId: null, candidateLimit: 2000, weights: PILOT_WEIGHTS, first: 1000 };
      const rows = (await driver.executeQuery(cypher('pilot-partners'), integerParams(params), { database: inject('neo4jDatabase') })).records.map((r) => r.toObject());
      for (const row of rows) expect(row.rankScore, `${startupId} → ${(row.company as { id: string }).id}`).toBe(scorePilotPartner(row as unknown as PilotEvidence).score);
      const order = rows.map((r) => r.rankScore as number);
      expect(order).toEqual([...order].sort((a, b) => b - a));
      compared += rows.length;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('refuses missing or wrong arguments by name', async () => {
    expect((await gql(PILOT, {})).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'startupId' });
    expect((await gql(PILOT, { startupId: 'fx-seg-fab' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'startupId' });
    expect((await gql(PILOT, { startupId: 'nope' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'startupId' });
    expect((await gql(PILOT, { startupId: 'fx-start', first: 0 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

/** chain-gaps.cypher's switches for the parts a query may leave out, all on. */
const ALL_PARTS = { withLocals: true, withFillers: true, withInbound: true, withTalent: true, withLabs: true, withPolicies: true };

const GAPS = `query($chainId: ID!, $regionId: ID!) {
  chainGaps(chainId: $chainId, regionId: $regionId) {
    coverage counts { kind count }
    segments {
      segment { id } feeds gap gaps inboundSupplies inboundFromOutside inboundIsLowerBound localExperts localAdopters
      localCount localCompanies { company { id } }
      fillers { company { id } regionName localCustomers }
      labs { lab { id } local technologies }
      policies { policy { id } appliesHere }
    }
  }
}`;

describe('chainGaps on the fixture', () => {
  it('classifies every segment exactly', async () => {
    const result = await gql(GAPS, { chainId: 'fx-chain', regionId: 'fx-city' });
    expect(result.errors).toBeUndefined();
    const gaps = result.data.chainGaps;
    // The segments are shared among statements run side by side: each comes back once, in id order.
    expect(gaps.segments.map((s: { segment: { id: string } }) => s.segment.id)).toEqual(['fx-seg-fab', 'fx-seg-material', 'fx-seg-module', 'fx-seg-tool']);
    const bySegment = Object.fromEntries(gaps.segments.map((s: { segment: { id: string } }) => [s.segment.id, s]));
    expect(bySegment['fx-seg-tool']).toMatchObject({ gap: 'MISSING', gaps: ['MISSING'], localCount: 0, localCompanies: [] });
    expect(bySegment['fx-seg-material']).toMatchObject({ gap: 'SINGLE_SUPPLIER', gaps: ['SINGLE_SUPPLIER'], localCount: 1, inboundSupplies: 1, inboundFromOutside: 0 });
    expect(bySegment['fx-seg-fab']).toMatchObject({
      gap: 'EXTERNAL_DEPENDENCY', gaps: ['EXTERNAL_DEPENDENCY', 'TALENT_SHORTAGE'],
      inboundSupplies: 3, inboundFromOutside: 2, inboundIsLowerBound: false, localExperts: 0, localAdopters: 2, feeds: ['fx-seg-module'],
    });
    expect(bySegment['fx-seg-module']).toMatchObject({ gap: null, gaps: [], localExperts: 1, localAdopters: 2 });
    expect(gaps.coverage).toBe(0.75);
    expect(gaps.counts).toEqual([
      { kind: 'MISSING', count: 1 }, { kind: 'SINGLE_SUPPLIER', count: 1 },
      { kind: 'EXTERNAL_DEPENDENCY', count: 1 }, { kind: 'TALENT_SHORTAGE', count: 0 },
    ]);
  });

  it('counts inbound supplies up to the cap, and says when there are more', async () => {
    const fab = async (inboundCap: number) => (await driver.executeQuery(cypher('chain-gaps'), integerParams({
      chainId: 'fx-chain', regionId: 'fx-city', fillers: 5, shown: 20, fillerPool: 200, inboundCap, part: 0, parts: 1, ...ALL_PARTS,
    }), { database: inject('neo4jDatabase') })).records.map((r) => r.toObject()).find((r) => (r.segment as { id: string }).id === 'fx-seg-fab')!;
    // fx-seg-fab has 3 inbound supplies, 2 of them from outside fx-city.
    expect(await fab(3)).toMatchObject({ inbound: 3, inboundFromOutside: 2, inboundIsLowerBound: false });
    const capped = await fab(2);
    expect(capped).toMatchObject({ inbound: 2, inboundIsLowerBound: true });
    // Whichever two were counted, at least one came from outside.
    expect([1, 2]).toContain(Number(capped.inboundFromOutside));
  });

  it('ranks fillers by ties to the region, then size, and lists labs and policies', async () => {
    const result = await gql(GAPS, { chainId: 'fx-chain', regionId: 'fx-city' });
    const bySegment = Object.fromEntries(result.data.chainGaps.segments.map((s: { segment: { id: string } }) => [s.segment.id, s]));
    expect(bySegment['fx-seg-tool'].fillers).toEqual([
      { company: { id: 'fx-d' }, regionName: 'Far City', localCustomers: 1 },
      { company: { id: 'fx-f' }, regionName: 'Other City', localCustomers: 0 },
    ]);
    expect(bySegment['fx-seg-fab'].fillers.map((f: { company: { id: string } }) => f.company.id)).toEqual(['fx-h', 'fx-c']);
    expect(bySegment['fx-seg-fab'].labs).toEqual([{ lab: { id: 'fx-lab' }, local: true, technologies: ['Fixture technology X'] }]);
    expect(bySegment['fx-seg-fab'].policies).toEqual([{ policy: { id: 'fx-pol' }, appliesHere: true }]);
  });
});

const ADOPTERS = `query($labId: ID!, $first: Int) {
  industrialAdopters(labId: $labId, first: $first) {
    company { id } score pastTransfer reasons
    parts { directNeed segmentFit supplyLink readinessFit }
    paths { edges { source target type } }
  }
}`;

describe('industrialAdopters on the fixture', () => {
  it('ranks adopters with readiness weighed against size', async () => {
    const result = await gql(ADOPTERS, { labId: 'fx-lab', first: 20 });
    expect(result.errors).toBeUndefined();
    expect(result.data.industrialAdopters.map((a: { company: { id: string }; score: number }) => [a.company.id, a.score])).toEqual([
      ['fx-i', 0.85], ['fx-a', 0.77], ['fx-c', 0.75], ['fx-start', 0.61], ['fx-g', 0.45], ['fx-h', 0.45], ['fx-j', 0.35],
    ]);
    const byId = Object.fromEntries(result.data.industrialAdopters.map((a: { company: { id: string } }) => [a.company.id, a]));
    expect(byId['fx-c']).toMatchObject({ pastTransfer: true, parts: { directNeed: 1, segmentFit: 1, supplyLink: 0, readinessFit: 0.5 } });
    expect(byId['fx-c'].reasons).toEqual(expect.arrayContaining(['Needs Fixture technology X (TRL 4), which the lab develops.', 'Past transfer: license from this lab in 2021.']));
    expect(byId['fx-j'].reasons).toContain('Buys from Fixture A Modules, which uses Fixture technology X.');
    expect(byId['fx-j'].paths.edges).toEqual(expect.arrayContaining([
      { source: 'fx-lab', target: 'fx-tech-x', type: 'DEVELOPS' },
      { source: 'fx-a', target: 'fx-tech-x', type: 'USES' },
      { source: 'fx-a', target: 'fx-j', type: 'SUPPLIES' },
    ]));
    expect(result.data.industrialAdopters.filter((a: { pastTransfer: boolean }) => a.pastTransfer)).toHaveLength(1);
  });

  it('refuses a company as a lab', async () => {
    const result = await gql(ADOPTERS, { labId: 'fx-a' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'labId' });
  });
});

describe('answers on the sample', () => {
  it('shows Shenzhen missing lithography, with fillers from other regions', async () => {
    const result = await gql(GAPS, { chainId: 'chain-semiconductors', regionId: 'reg-shenzhen' });
    expect(result.errors).toBeUndefined();
    const segments = result.data.chainGaps.segments;
    const litho = segments.find((s: { segment: { id: string } }) => s.segment.id === 'seg-lithography-equipment');
    expect(litho.gap).toBe('MISSING');
    expect(litho.fillers.map((f: { company: { id: string } }) => f.company.id)).toEqual(expect.arrayContaining(['co-lowlands-lithography-systems', 'co-pujiang-lithography']));
    const gases = segments.find((s: { segment: { id: string } }) => s.segment.id === 'seg-specialty-gases');
    expect(gases.gap).toBe('SINGLE_SUPPLIER');
    expect(gases.localCompanies).toEqual([{ company: { id: 'co-shekou-specialty-gases' } }]);
    const resist = segments.find((s: { segment: { id: string } }) => s.segment.id === 'seg-photoresist-wet-chemicals');
    expect(resist.gaps).toContain('EXTERNAL_DEPENDENCY');
    expect(resist).toMatchObject({ inboundSupplies: 11, inboundFromOutside: 9 });
  });

  it('splits chainGaps into parts that together give every segment once, as one statement would', async () => {
    const run = async (part: number, parts: number) => (await driver.executeQuery(cypher('chain-gaps'), integerParams({
      chainId: 'chain-semiconductors', regionId: 'reg-guangdong', fillers: 5, shown: 20, fillerPool: 200, inboundCap: 2000, part, parts, ...ALL_PARTS,
    }), { database: inject('neo4jDatabase') })).records.map((r) => r.toObject());
    const whole = await run(0, 1);
    expect(whole.length).toBeGreaterThan(5);
    for (const parts of [2, 3]) {
      const split = (await Promise.all(Array.from({ length: parts }, (_, part) => run(part, parts)))).map((rows) => rows.map((r) => (r.segment as { id: string }).id));
      expect(split.every((ids) => ids.length > 0)).toBe(true);
      expect(split.flat().sort()).toEqual(whole.map((r) => (r.segment as { id: string }).id));
    }
  });

  it('skips the parts a query does not select, and answers the selected ones the same', async () => {
    const parts = async (flags: boolean) => (await driver.executeQuery(cypher('chain-gaps'), integerParams({
      chainId: 'chain-semiconductors', regionId: 'reg-shenzhen', fillers: 5, shown: 20, fillerPool: 200, inboundCap: 2000, part: 0, parts: 1,
      ...Object.fromEntries(Object.keys(ALL_PARTS).map((k) => [k, flags])),
    }), { database: inject('neo4jDatabase') })).records.map((r) => r.toObject());
    const total = (rows: Record<string, unknown>[], key: string) => rows.reduce((n, r) => n + (Array.isArray(r[key]) ? (r[key] as unknown[]).length : Number(r[key])), 0);
    const [all, none] = [await parts(true), await parts(false)];
    for (const key of ['locals', 'fillers', 'inbound', 'localExperts', 'localAdopters', 'labs', 'labCount', 'policies', 'policyCount']) {
      expect(total(all, key), key).toBeGreaterThan(0);
      expect(total(none, key), key).toBe(0);
    }
    expect(none.map((r) => [r.localCount, r.technologyCount])).toEqual(all.map((r) => [r.localCount, r.technologyCount]));

    // The web app's region-by-segment matrix asks only for the gaps: the same gaps as the full answer.
    const matrix = 'query($chainId: ID!, $regionId: ID!) { chainGaps(chainId: $chainId, regionId: $regionId) { coverage segments { segment { id } gap gaps localCount } } }';
    for (const regionId of ['reg-shenzhen', 'reg-guangdong', 'reg-wuhan']) {
      const full = (await gql(GAPS, { chainId: 'chain-semiconductors', regionId })).data.chainGaps;
      const few = (await gql(matrix, { chainId: 'chain-semiconductors', regionId })).data.chainGaps;
      expect(few).toEqual({
        coverage: full.coverage,
        segments: full.segments.map((s: Record<string, unknown>) => ({ segment: s.segment, gap: s.gap, gaps: s.gaps, localCount: s.localCount })),
      });
    }
  });

  it('finds pilot partners for the GaN startup up and downstream, with ties explained', async () => {
    const result = await gql(PILOT, { startupId: 'co-bayview-gan', first: 10 });
    const partners = result.data.pilotPartners;
    const ids = partners.map((p: { company: { id: string } }) => p.company.id);
    expect(ids).toEqual(expect.arrayContaining(['co-pengcheng-auto-electronics', 'co-qianhai-power-ip', 'co-shenzhen-bay-power-semiconductor']));
    const pengcheng = partners.find((p: { company: { id: string } }) => p.company.id === 'co-pengcheng-auto-electronics');
    expect(pengcheng.roles).toContain('DOWNSTREAM');
    expect(pengcheng.reasons.some((r: string) => /Chen Jing there and Zhou Yifan on your team both worked at Pearl River Foundry/.test(r))).toBe(true);
    const qianhai = partners.find((p: { company: { id: string } }) => p.company.id === 'co-qianhai-power-ip');
    expect(qianhai.reasons).toContain('Shares the incubator Nanshan IC Innovation Incubator with you.');
    for (let i = 1; i < partners.length; i += 1) expect(partners[i - 1].score).toBeGreaterThanOrEqual(partners[i].score);
  });

  it('finds adopters for the photonics lab and flags its spin-out', async () => {
    const result = await gql(ADOPTERS, { labId: 'lab-lakeside-univ-photonics', first: 50 });
    const adopters = result.data.industrialAdopters;
    expect(adopters.length).toBeGreaterThan(5);
    const spinOut = adopters.find((a: { company: { id: string } }) => a.company.id === 'co-guanggu-photonics-chips');
    expect(spinOut.pastTransfer).toBe(true);
    expect(adopters.filter((a: { pastTransfer: boolean }) => a.pastTransfer)).toHaveLength(1);
  });

  it('gives chainGaps\' technologies and places in Chinese beside English', async () => {
    const result = await gql(`query { chainGaps(chainId: "chain-semiconductors", regionId: "reg-shenzhen") { segments {
      segment { id } technologies technologiesZh fillers { company { id } regionName regionNameZh }
      labs { technologies technologiesZh } policies { issuerRegion issuerRegionZh } } } }`);
    expect(result.errors).toBeUndefined();
    const segments = result.data.chainGaps.segments;
    const litho = segments.find((s: { segment: { id: string } }) => s.segment.id === 'seg-lithography-equipment');
    expect(litho.technologies).toContain('Nanoimprint lithography');
    expect(litho.technologiesZh).toEqual(expect.arrayContaining(['纳米压印光刻']));
    expect(litho.fillers.find((f: { company: { id: string } }) => f.company.id === 'co-lowlands-lithography-systems'))
      .toMatchObject({ regionName: 'Eindhoven', regionNameZh: '埃因霍温' });
    for (const s of segments) {
      expect(s.technologiesZh).toHaveLength(s.technologies.length);
      for (const lab of s.labs) expect(lab.technologiesZh).toHaveLength(lab.technologies.length);
    }
    const policies = segments.flatMap((s: { policies: unknown[] }) => s.policies);
    expect(policies.some((p: { issuerRegionZh: string | null }) => /[\u4e00-\u9fff]/.test(p.issuerRegionZh ?? ''))).toBe(true);
  });

  it('writes the reasons in Chinese when asked, with the Chinese names, one for one', async () => {
    const both = 'reasons zh: reasons(language: ZH)';
    const pilot = await gql(`query { pilotPartners(startupId: "co-bayview-gan", first: 10) { company { id } ${both} } }`);
    expect(pilot.errors).toBeUndefined();
    const qianhai = pilot.data.pilotPartners.find((p: { company: { id: string } }) => p.company.id === 'co-qianhai-power-ip');
    expect(qianhai.zh).toContain('与你同在一个孵化器：南山集成电路创新孵化器。');
    const pengcheng = pilot.data.pilotPartners.find((p: { company: { id: string } }) => p.company.id === 'co-pengcheng-auto-electronics');
    expect(pengcheng.zh).toContain('该公司的陈静与你团队的周一帆都曾在珠江晶圆工作。');
    const adopters = await gql(`query { industrialAdopters(labId: "lab-lakeside-univ-photonics", first: 10) { company { id } ${both} } }`);
    expect(adopters.errors).toBeUndefined();
    const spinOut = adopters.data.industrialAdopters.find((a: { company: { id: string } }) => a.company.id === 'co-guanggu-photonics-chips');
    expect(spinOut.zh).toContain('该实验室曾向其转移技术（衍生企业，2021 年）。');
    for (const answer of [...pilot.data.pilotPartners, ...adopters.data.industrialAdopters]) {
      expect(answer.zh).toHaveLength(answer.reasons.length);
      // Every sentence is Chinese (product names stay as the data gives them) and none is English.
      for (const reason of answer.zh) expect(reason, reason).toMatch(/[\u4e00-\u9fff]/);
      for (const reason of answer.reasons) expect(reason, reason).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads the graph in a fixed number of Cypher queries', async () => {
    expect((await gql(PILOT, { startupId: 'co-bayview-gan', first: 10 })).extensions?.cypherQueries).toBe(3);
    expect((await gql(GAPS, { chainId: 'chain-semiconductors', regionId: 'reg-shenzhen' })).extensions?.cypherQueries).toBe(1 + 2);
    expect((await gql(ADOPTERS, { labId: 'lab-lakeside-univ-photonics', first: 10 })).extensions?.cypherQueries).toBe(3);
  });
});
