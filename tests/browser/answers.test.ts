// The answer views in a real Chromium against the real API and Neo4j (the sample dataset,
// seed-data/README.md "Facts the tests rely on"): each view shows what the API answers, in its
// order, draws the selected row's paths, exports CSV, and lives in the URL with the tabs.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHAIN_GAPS, CONNECTION_PATH, INDUSTRIAL_ADOPTERS, PILOT_PARTNERS, gapMatrixDocument } from '../../web/src/api/queries.ts';
import type { ChainGaps, ConnectionPaths, IndustrialAdopter, PilotPartner } from '../../web/src/api/types.ts';
import { openApp, outputFile, publishScreenshot, settled, useAppSession } from './browser.ts';

const STARTUP = 'co-bayview-gan'; // fact 4
const LAB = 'lab-lakeside-univ-photonics'; // fact 5
const SPIN_OUT = 'co-guanggu-photonics-chips';
const LITHO = 'seg-lithography-equipment'; // fact 2
const LITHO_FILLERS = ['co-lowlands-lithography-systems', 'co-kanda-exposure-systems', 'co-pujiang-lithography', 'co-optics-valley-nanoimprint'];
const FROM = 'co-jade-crest-silicon-materials'; // fact 6
const TO = 'co-gusu-advanced-packaging';

const app = useAppSession();
let page: Page;

async function ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await app.api<T>(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const nodeIds = () => page.evaluate(() => window.__chainscope!.nodeIds());
const ids = (selector: string, attribute = 'data-id') =>
  page.locator(selector).evaluateAll((els, name) => els.map((e) => e.getAttribute(name)), attribute);
const sorted = (values: string[]) => [...values].sort();

/** Types into a picker and chooses the result with this id (shown as a chip unless chip is false). */
async function pick(picker: string, text: string, id: string, chip = true): Promise<void> {
  await page.getByTestId(`${picker}-input`).fill(text);
  await page.locator(`[data-testid="${picker}"] [data-testid="search-result"][data-id="${id}"]`).click();
  if (chip) await page.locator(`[data-testid="${picker}-chip"][data-id="${id}"]`).waitFor();
}

async function csvRows(download: Promise<Download>): Promise<string[][]> {
  const text = fs.readFileSync((await (await download).path())!, 'utf8').replace(/^\ufeff/, '');
  // The cells checked here hold no commas or quotes.
  return text.trim().split('\r\n').map((row) => row.split(','));
}

beforeAll(async () => {
  page = await openApp(app.browser, app.server.url);
});

describe('answer views in Chromium', () => {
  test('Partners: the API\'s ranking for a startup, in order; a row\'s paths are drawn; CSV', async () => {
    await page.getByTestId('tab-partners').click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'partners');
    await page.getByTestId('answer-idle').waitFor();
    await pick('partners-startup', 'Bayview', STARTUP);
    await page.waitForURL((url) => url.searchParams.get('startup') === STARTUP);

    const { pilotPartners: expected } = await ask<{ pilotPartners: PilotPartner[] }>(PILOT_PARTNERS, { startupId: STARTUP, first: 10 });
    expect(expected.length).toBeGreaterThan(3);
    await page.locator('[data-testid="partners-row"]').first().waitFor();
    expect(await ids('[data-testid="partners-row"]')).toEqual(expected.map((p) => p.company.id));
    const flagged = await page.locator('[data-testid="partners-row"]:has([data-testid="partners-flag"])').count();
    expect(flagged).toBe(expected.filter((p) => p.existingPartner).length);

    // The top row is drawn first; choosing another draws its paths instead.
    await settled(page);
    expect(await nodeIds()).toEqual(sorted(expected[0]!.paths.nodes.map((n) => n.id)));
    const second = expected[1]!;
    await page.locator(`[data-testid="partners-row"][data-id="${second.company.id}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('sel') === second.company.id);
    await settled(page);
    const drawn = await nodeIds();
    expect(drawn).toEqual(sorted(second.paths.nodes.map((n) => n.id)));
    expect(drawn).toEqual(expect.arrayContaining([STARTUP, second.company.id]));
    await page.getByTestId('score-parts').waitFor();
    // The selected row's score parts and its button stay inside the row (the button once stuck out past it).
    const row = page.locator(`[data-testid="partners-row"][data-id="${second.company.id}"]`);
    const rowRight = await row.evaluate((e) => e.getBoundingClientRect().right);
    for (const inside of [row.getByTestId('score-parts'), row.getByTestId('open-explore')]) {
      expect(await inside.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(rowRight);
    }

    const rows = await csvRows(Promise.all([page.waitForEvent('download'), page.getByTestId('partners-csv').click()]).then(([d]) => d));
    expect(rows[0]!.slice(0, 5)).toEqual(['rank', 'company_id', 'name', 'name_zh', 'score']);
    expect(rows[0]!.slice(-2)).toEqual(['reasons', 'reasons_zh']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected.map((p) => p.company.id));

    // In a narrow window the answer is one scroll (results, then the graph), not a small pane of its own.
    await page.setViewportSize({ width: 800, height: 600 });
    const side = await page.locator('.answer__side').evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
    expect(side.scroll).toBeLessThanOrEqual(side.client + 1);
    await page.locator('[data-testid="partners-row"]').last().scrollIntoViewIfNeeded();
    expect(await page.locator('[data-testid="partners-row"]').last().isVisible()).toBe(true);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('Gaps: Shenzhen lacks lithography, its fillers on click, and a two-region matrix; CSV', async () => {
    await page.getByTestId('tab-gaps').click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'gaps');
    await pick('gaps-chain', 'semiconductor', 'chain-semiconductors');
    await pick('gaps-region', 'Shenzhen', 'reg-shenzhen');

    const { chainGaps: expected } = await ask<{ chainGaps: ChainGaps }>(CHAIN_GAPS, { chainId: 'chain-semiconductors', regionId: 'reg-shenzhen' });
    await page.locator(`[data-testid="segment-card"][data-id="${LITHO}"]`).waitFor();
    const cards = await page.locator('[data-testid="segment-card"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-gap')])));
    expect(cards).toEqual(Object.fromEntries(expected.segments.map((s) => [s.segment.id, s.gap ?? 'NONE'])));
    expect(cards[LITHO]).toBe('MISSING');
    expect(Number(await page.getByTestId('gaps-coverage').getAttribute('data-value'))).toBe(expected.coverage);
    // In a narrow window the chain's segments scroll sideways in their own box, inside the page.
    await page.setViewportSize({ width: 800, height: 600 });
    const flow = await page.locator('.flow').evaluate((e) => ({ right: e.getBoundingClientRect().right, scroll: e.scrollWidth, client: e.clientWidth, page: window.innerWidth }));
    expect(flow.right).toBeLessThanOrEqual(flow.page);
    expect(flow.scroll).toBeGreaterThan(flow.client);
    await page.setViewportSize({ width: 1400, height: 860 });
    expect(await page.locator('[data-testid="gap-count"][data-kind="MISSING"]').getAttribute('data-count'))
      .toBe(String(expected.counts.find((c) => c.kind === 'MISSING')!.count));

    // Upstream to downstream: every segment sits left of the segments it feeds.
    const left = await page.locator('[data-testid="segment-card"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getBoundingClientRect().left])));
    for (const s of expected.segments) for (const to of s.feeds) expect(left[s.segment.id]!).toBeLessThan(left[to]!);

    await page.locator(`[data-testid="segment-card"][data-id="${LITHO}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('seg') === LITHO);
    const panel = page.getByTestId('segment-panel');
    await panel.locator('[data-testid="filler"]').first().waitFor();
    const fillers = await ids('[data-testid="segment-panel"] [data-testid="filler"]');
    expect(fillers).toEqual(expected.segments.find((s) => s.segment.id === LITHO)!.fillers.map((f) => f.company.id));
    expect(fillers).toEqual(expect.arrayContaining(LITHO_FILLERS));
    expect(await panel.locator('[data-testid="local-company"]').count()).toBe(0);

    await pick('matrix-add', 'Wuhan', 'reg-wuhan', false);
    await page.waitForURL((url) => url.searchParams.get('compare') === 'reg-wuhan');
    await page.locator('[data-testid="matrix-region"][data-id="reg-wuhan"]').waitFor();
    expect(await ids('[data-testid="matrix-region"]')).toEqual(['reg-shenzhen', 'reg-wuhan']);
    const { chainGaps: wuhan } = await ask<{ chainGaps: ChainGaps }>(CHAIN_GAPS, { chainId: 'chain-semiconductors', regionId: 'reg-wuhan' });
    const wuhanCells = await page.locator('[data-testid="matrix-cell"][data-region="reg-wuhan"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-segment'), [e.getAttribute('data-gap'), e.textContent]])));
    expect(wuhanCells).toEqual(Object.fromEntries(wuhan.segments.map((s) =>
      [s.segment.id, [s.gap ?? 'NONE', `${s.localCount}${'●'.repeat(Math.max(0, s.gaps.length - 1))}`]])));
    expect(await page.locator(`[data-testid="matrix-cell"][data-region="reg-shenzhen"][data-segment="${LITHO}"]`).getAttribute('data-gap')).toBe('MISSING');

    // The counts beside the coverage are by main gap (each segment once), and say so.
    await expect(page.getByTestId('gap-counts-label').textContent()).resolves.toMatch(/main gap/);
    const counted = await page.locator('[data-testid="gap-count"]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
    expect(counted).toBe(expected.segments.length);

    const rows = await csvRows(Promise.all([page.waitForEvent('download'), page.getByTestId('gaps-csv').click()]).then(([d]) => d));
    expect(rows[0]!.slice(0, 6)).toEqual(['column', 'segment_id', 'segment', 'tier', 'gap', 'all_gaps']);
    expect(rows.find((r) => r[1] === LITHO)?.[4]).toBe('MISSING');
    expect(rows.length - 1).toBe(expected.segments.length);

    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.locator(`[data-testid="segment-card"][data-id="${LITHO}"]`).scrollIntoViewIfNeeded();
    const file = outputFile('gaps-view.png');
    await page.screenshot({ path: file });
    publishScreenshot(file, 'screenshot-gaps.png');
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('Gaps: a compared region that does not exist (an old link) is dropped, not the whole matrix', async () => {
    await page.goto(`${app.server.url}/?view=gaps&chain=chain-semiconductors&region=reg-shenzhen&compare=reg-no-such,reg-wuhan,co-bayview-gan`);
    await page.waitForURL((url) => url.searchParams.get('compare') === 'reg-wuhan');
    await page.locator('[data-testid="matrix-region"][data-id="reg-wuhan"]').waitFor();
    expect(await ids('[data-testid="matrix-region"]')).toEqual(['reg-shenzhen', 'reg-wuhan']);
  });

  test('Gaps: past the API\'s counts, a segment shows its outside share of "2,000+" and how much of each list it shows', async () => {
    // The sample is far from the caps (tests/integration/answers.test.ts checks the API's side), so
    // the real answer is passed on with one segment's counts raised past them.
    const RESIST = 'seg-photoresist-wet-chemicals';
    const { chainGaps } = await ask<{ chainGaps: ChainGaps }>(CHAIN_GAPS, { chainId: 'chain-semiconductors', regionId: 'reg-guangdong' });
    await page.route('**/graphql', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { data?: { chainGaps?: ChainGaps } };
      const resist = body.data?.chainGaps?.segments.find((s) => s.segment.id === RESIST);
      if (resist && 'inboundSupplies' in resist) {
        Object.assign(resist, { inboundSupplies: 2000, inboundFromOutside: 1357, inboundIsLowerBound: true, localCount: 1458, technologyCount: 926 });
      }
      await route.fulfill({ response, json: body });
    });
    try {
      await page.goto(`${app.server.url}/?view=gaps&chain=chain-semiconductors&region=reg-guangdong&seg=${RESIST}`);
      const card = page.locator(`[data-testid="segment-card"][data-id="${RESIST}"]`);
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('68% of 2,000+ in from outside');
      const panel = page.getByTestId('segment-panel');
      await expect(panel.textContent()).resolves.toContain('68% from outside (1,357 of the 2,000 counted; there are more)');
      // Lists the answer cuts say how many of how many they show; whole ones say nothing.
      const locals = await panel.getByTestId('local-company').count();
      const technologies = chainGaps.segments.find((s) => s.segment.id === RESIST)!.technologies.length;
      expect(await panel.getByTestId('listed-of').allTextContents()).toEqual([
        `The first ${technologies} of 926 are listed.`, `The ${locals} largest of 1,458 are listed.`,
      ]);
      // Below the cap a segment shows its counts as they are.
      const other = chainGaps.segments.find((s) => s.segment.id !== RESIST && s.inboundSupplies > 0)!;
      expect(other.inboundIsLowerBound).toBe(false);
      await expect(page.locator(`[data-testid="segment-card"][data-id="${other.segment.id}"]`).textContent())
        .resolves.toContain(`${other.inboundFromOutside}/${other.inboundSupplies} in from outside`);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  test('the matrix is one request with an alias per region, valid against the schema', () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'api', 'src', 'graphql', 'schema.graphql'), 'utf8'));
    expect(validate(schema, parse(gapMatrixDocument(3))).map((e) => e.message)).toEqual([]);
  });

  test('Adopters: the API\'s ranking for a lab, its past transfer flagged, a row\'s paths drawn (from a link)', async () => {
    await page.goto(`${app.server.url}/?view=adopters&lab=${LAB}`);
    const { industrialAdopters: expected } = await ask<{ industrialAdopters: IndustrialAdopter[] }>(INDUSTRIAL_ADOPTERS, { labId: LAB, first: 10 });
    await page.locator('[data-testid="adopters-row"]').first().waitFor();
    expect(await ids('[data-testid="adopters-row"]')).toEqual(expected.map((a) => a.company.id));
    expect(await ids('[data-testid="adopters-row"]:has([data-testid="adopters-flag"])')).toEqual([SPIN_OUT]);
    expect(expected.find((a) => a.company.id === SPIN_OUT)?.pastTransfer).toBe(true);

    await page.locator(`[data-testid="adopters-row"][data-id="${SPIN_OUT}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('sel') === SPIN_OUT);
    await settled(page);
    const drawn = await nodeIds();
    expect(drawn).toEqual(sorted(expected.find((a) => a.company.id === SPIN_OUT)!.paths.nodes.map((n) => n.id)));
    expect(drawn).toEqual(expect.arrayContaining([LAB, SPIN_OUT]));
    await expect(page.locator(`[data-testid="adopters-row"][data-id="${SPIN_OUT}"] [data-testid="adopters-flag"]`).textContent())
      .resolves.toBe('past transfer');

    // In Chinese the reasons are the API's Chinese ones, with no second request.
    const reasons = () => page.locator(`[data-testid="adopters-row"][data-id="${SPIN_OUT}"] .ranked__reasons li`).allTextContents();
    const spinOut = expected.find((a) => a.company.id === SPIN_OUT)!;
    expect(await reasons()).toEqual(spinOut.reasons);
    await page.getByTestId('lang-toggle').click();
    expect(spinOut.reasonsZh).toContain('该实验室曾向其转移技术（衍生企业，2021 年）。');
    expect(await reasons()).toEqual(spinOut.reasonsZh);
    const meta = page.locator(`[data-testid="adopters-row"][data-id="${SPIN_OUT}"] .ranked__meta`);
    await expect(meta.textContent()).resolves.toContain('初创'); // its stage, startup
    await page.getByTestId('lang-toggle').click();
    await expect(meta.textContent()).resolves.toContain('startup');
    expect(await reasons()).toEqual(spinOut.reasons);

    // The lab's own details name its kind (university) in Chinese too.
    await page.goto(`${app.server.url}/?focus=${LAB}&sel=${LAB}`);
    await page.getByTestId('details').getByText('university', { exact: true }).waitFor();
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('details').getByText('高校', { exact: true }).waitFor();
    await page.getByTestId('lang-toggle').click();
  });

  test('Path: a 3-hop business path first, all paths drawn, one alone on choice; CSV', async () => {
    await page.getByTestId('tab-path').click();
    await pick('path-from', 'Jade Crest', FROM);
    await pick('path-to', 'Gusu Advanced', TO);
    const { connectionPath: expected } = await ask<{ connectionPath: ConnectionPaths }>(CONNECTION_PATH, { fromId: FROM, toId: TO, maxHops: 6 });
    await page.locator('[data-testid="path-row"]').first().waitFor();
    const rows = await page.locator('[data-testid="path-row"]').evaluateAll((els) => els.map((e) => ({
      nodes: e.getAttribute('data-nodes'), length: e.getAttribute('data-length'), business: e.getAttribute('data-business'),
    })));
    expect(rows).toEqual(expected.paths.map((p) => ({ nodes: p.nodeIds.join(','), length: String(p.length), business: String(p.business) })));
    expect(rows[0]).toMatchObject({ length: '3', business: 'true' });
    await settled(page);
    expect(await nodeIds()).toEqual(sorted(expected.graph.nodes.map((n) => n.id)));

    const last = expected.paths.length - 1;
    await page.locator('[data-testid="path-row"]').nth(last).click();
    await page.waitForURL((url) => url.searchParams.get('sel') === String(last));
    await settled(page);
    expect(await nodeIds()).toEqual(sorted(expected.paths[last]!.nodeIds));

    const csv = await csvRows(Promise.all([page.waitForEvent('download'), page.getByTestId('path-csv').click()]).then(([d]) => d));
    expect(csv[0]).toEqual(['path', 'length', 'business', 'node_ids', 'names', 'relations']);
    expect(csv[1]!.slice(1, 4)).toEqual(['3', 'true', expected.paths[0]!.nodeIds.join(' > ')]);
  });

  test('back and forward move between views; Explore comes back as it was left; 中文', async () => {
    // Choosing a row replaces the entry; choosing an input adds one.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('view') === 'path' && !url.searchParams.has('to'));
    await expect(page.locator('[data-testid="path-from-chip"]').getAttribute('data-id')).resolves.toBe(FROM);
    await expect(page.locator('[data-testid="path-row"]').count()).resolves.toBe(0);
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('to') === TO && url.searchParams.has('sel'));
    await page.locator('[data-testid="path-row"][aria-selected="true"]').waitFor();

    await page.goto(`${app.server.url}/?focus=co-eastlake-wafer-manufacturing&dir=up&depth=1`);
    await settled(page);
    const explored = await nodeIds();
    await page.getByTestId('tab-gaps').click();
    await page.getByTestId('gaps-view').waitFor();
    await page.getByTestId('tab-explore').click();
    await page.waitForURL((url) => url.searchParams.get('focus') === 'co-eastlake-wafer-manufacturing');
    await settled(page);
    expect(await nodeIds()).toEqual(explored);
    await page.goBack();
    await page.getByTestId('gaps-view').waitFor();

    await page.goto(`${app.server.url}/?view=gaps&chain=chain-semiconductors&region=reg-shenzhen&seg=${LITHO}`);
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('tab-gaps').textContent()).resolves.toBe('链条缺口');
    await expect(page.locator(`[data-testid="segment-card"][data-id="${LITHO}"]`).textContent()).resolves.toContain('光刻设备');
    await expect(page.locator('[data-testid="segment-panel"] .details__kind').textContent()).resolves.toMatch(/^上游 · /);
    // Where a filler is, in Chinese too.
    await expect(page.locator('[data-testid="segment-panel"] [data-testid="filler"][data-id="co-lowlands-lithography-systems"]').textContent())
      .resolves.toContain('埃因霍温');
    await page.getByTestId('lang-toggle').click();

    // A company in a segment's panel opens in the explorer.
    const filler = page.locator('[data-testid="segment-panel"] [data-testid="filler"]').first();
    const fillerId = (await filler.getAttribute('data-id'))!;
    await filler.locator('button').click();
    await page.waitForURL((url) => url.searchParams.get('focus') === fillerId);
    await settled(page);
    expect(await nodeIds()).toContain(fillerId);
  });
});
