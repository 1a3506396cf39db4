// The explorer in a real Chromium against the real API and Neo4j (the sample dataset): search,
// the chain view against the API's own answer, depth and direction, details, URL state, expand
// and remove, exports, language, the screenshot for the README, and the API-down banner.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { translateError } from '../../api/src/db/neo4j.ts';
import { SUPPLY_CHAIN } from '../../web/src/api/queries.ts';
import { startTestServer } from '../support/server.ts';
import { openApp, outputFile, publishScreenshot, settled, useAppSession } from './browser.ts';

// seed-data/README.md, fact 1: a Wuhan fab with ~20 suppliers, customers, and suppliers' suppliers.
const FAB = 'co-eastlake-wafer-manufacturing';
const LITHO = 'co-lowlands-lithography-systems';
const OPTICS = 'co-kempen-precision-optics';

const app = useAppSession();
let page: Page;

async function chainIds(id: string, direction: string, depth: number): Promise<string[]> {
  const answer = await app.api<{ supplyChain: { nodes: { id: string }[] } }>(SUPPLY_CHAIN, { id, direction, depth, filter: { kinds: [] } });
  expect(answer.errors).toBeUndefined();
  return answer.data!.supplyChain.nodes.map((n) => n.id).sort();
}

const nodeIds = () => page.evaluate(() => window.__chainscope!.nodeIds());
const params = () => page.evaluate(() => window.__chainscope!.state().params);

async function clickNode(id: string, options: { double?: boolean } = {}): Promise<void> {
  const at = await page.evaluate((nodeId) => window.__chainscope!.clientPosition(nodeId), id);
  expect(at, `node ${id} is drawn`).not.toBeNull();
  if (options.double) await page.mouse.dblclick(at!.x, at!.y);
  else await page.mouse.click(at!.x, at!.y);
}

beforeAll(async () => {
  page = await openApp(app.browser, app.server.url);
});

describe('explorer in Chromium', () => {
  test('search (Chinese or English, keyboard) opens the chain view with exactly the nodes the API returns', async () => {
    await page.getByTestId('welcome').waitFor();
    const input = page.getByTestId('search-input');
    await input.fill('东湖晶圆');
    await page.locator(`[data-testid="search-result"][data-id="${FAB}"]`).waitFor();
    // Enter before the answer to the new text has come must not open a result of the old text.
    await input.fill('lowlands');
    await input.press('Enter');
    await page.locator('[data-testid="search-results"][data-query="lowlands"][aria-busy="false"]').waitFor();
    expect(new URL(page.url()).searchParams.get('focus')).not.toBe(FAB);
    await input.press('Escape');
    await page.getByTestId('search-results').waitFor({ state: 'detached' });

    await input.fill('eastlake');
    // The list answers 'eastlake' (not the dimmed answer to the previous text) before the keys.
    await page.locator('[data-testid="search-results"][data-query="eastlake"][aria-busy="false"]').waitFor();
    const result = page.locator(`[data-testid="search-result"][data-id="${FAB}"]`);
    await result.waitFor();
    expect(await result.getAttribute('data-kind')).toBe('COMPANY');
    // Walk the list with the arrows until the fab is the active option, then press Enter.
    const options = await page.getByTestId('search-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    for (let i = 0; i < options.indexOf(FAB); i++) await input.press('ArrowDown');
    await expect(result.getAttribute('aria-selected')).resolves.toBe('true');
    await input.press('Enter');

    await page.waitForURL((url) => url.searchParams.get('focus') === FAB);
    await settled(page);
    const expected = await chainIds(FAB, 'BOTH', 2);
    expect(expected.length).toBeGreaterThan(20);
    expect(await nodeIds()).toEqual(expected);
    expect(new URL(page.url()).search).toBe(`?focus=${FAB}&dir=both&depth=2`);
  });

  test('depth and direction change the view to what the API returns for them', async () => {
    const both2 = await nodeIds();
    await page.getByTestId('depth-select').selectOption('1');
    await settled(page);
    const both1 = await nodeIds();
    expect(both1).toEqual(await chainIds(FAB, 'BOTH', 1));
    expect(both1.length).toBeLessThan(both2.length);

    await page.getByTestId('direction-up').click();
    await settled(page);
    const up1 = await nodeIds();
    expect(up1).toEqual(await chainIds(FAB, 'UPSTREAM', 1));
    expect(up1.length).toBeLessThan(both1.length);
    expect(up1).toContain(LITHO);
    expect(up1).not.toContain(OPTICS); // two hops up, never one

    await page.getByTestId('depth-select').selectOption('2');
    await settled(page);
    const up2 = await nodeIds();
    expect(up2).toEqual(await chainIds(FAB, 'UPSTREAM', 2));
    expect(up2).toContain(OPTICS);
    expect(page.url()).toContain('dir=up&depth=2');
  });

  test('kind, region and cluster filters ask the API for them', async () => {
    const view = async (filter: Record<string, unknown>) => {
      const answer = await app.api<{ supplyChain: { nodes: { id: string }[] } }>(
        SUPPLY_CHAIN, { id: FAB, direction: 'UPSTREAM', depth: 2, filter: { kinds: [], ...filter } },
      );
      return answer.data!.supplyChain.nodes.map((n) => n.id).sort();
    };
    const unfiltered = await nodeIds();
    await page.getByTestId('kind-filter').locator('summary').click();
    await page.getByTestId('kind-SEGMENT').check();
    await settled(page);
    const withSegments = await nodeIds();
    expect(withSegments).toEqual(await view({ kinds: ['SEGMENT'] }));
    expect(withSegments).toContain('seg-wafer-fab');
    await page.getByTestId('kind-SEGMENT').uncheck();
    await settled(page);
    // The menu closes on Escape, and on a press outside it.
    const menuOpen = () => page.getByTestId('kind-filter').evaluate((d) => (d as HTMLDetailsElement).open);
    expect(await menuOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menuOpen()).toBe(false);
    await page.getByTestId('kind-filter').locator('summary').click();
    expect(await menuOpen()).toBe(true);
    await page.getByTestId('region-select').click();
    expect(await menuOpen()).toBe(false);
    await page.keyboard.press('Escape');

    // Region options come from the regions in view and the regions they lie within.
    await page.locator('[data-testid="region-select"] option[value="reg-china"]').waitFor({ state: 'attached' });
    await page.getByTestId('region-select').selectOption('reg-china');
    await settled(page);
    const inChina = await nodeIds();
    expect(inChina).toEqual(await view({ regionId: 'reg-china' }));
    expect(inChina.length).toBeLessThan(unfiltered.length);
    expect(page.url()).toContain('region=reg-china');
    await page.getByTestId('region-select').selectOption('');
    await settled(page);

    await page.getByTestId('cluster-select').selectOption('cl-wuhan-optics-valley-ic');
    await settled(page);
    expect(await nodeIds()).toEqual(await view({ clusterId: 'cl-wuhan-optics-valley-ic' }));
    await page.goBack();
    await settled(page);
    expect(await nodeIds()).toEqual(unfiltered);
  });

  test('clicking a node opens its details with its name and suppliers', async () => {
    await clickNode(LITHO);
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('Lowlands Lithography Systems');
    const suppliers = page.getByTestId('details-suppliers');
    await suppliers.locator(`li[data-id="${OPTICS}"]`).waitFor();
    const answer = await app.api<{ entity: { relations: { node: { id: string } }[] } }>(
      `query($id: ID!) { entity(id: $id) { relations(types: ["SUPPLIES"], direction: IN) { node { id } } } }`, { id: LITHO },
    );
    const listed = await suppliers.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
    expect(listed).toEqual(answer.data!.entity.relations.map((r) => r.node.id).sort());
    await expect(suppliers.textContent()).resolves.toContain('confidence');
    await expect(page.getByTestId('details-customers').locator(`li[data-id="${FAB}"]`).count()).resolves.toBe(1);
    expect((await params()).sel).toBe(LITHO);
  });

  test('the URL round-trips the view: reload gives the same nodes, back restores the previous focus', async () => {
    const before = await nodeIds();
    await page.reload();
    await settled(page);
    expect(await nodeIds()).toEqual(before);
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('Lowlands Lithography Systems');

    await page.getByTestId('details-focus').click();
    await page.waitForURL((url) => url.searchParams.get('focus') === LITHO);
    await settled(page);
    expect(await nodeIds()).toEqual(await chainIds(LITHO, 'UPSTREAM', 2));

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('focus') === FAB);
    await settled(page);
    expect(await nodeIds()).toEqual(before);
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('focus') === LITHO);
    await settled(page);
    expect(await nodeIds()).toEqual(await chainIds(LITHO, 'UPSTREAM', 2));
  });

  test('double-click expands a node in place; remove and collapse take nodes out again', async () => {
    await page.goto(`${app.server.url}/?focus=${FAB}&dir=up&depth=1`);
    await settled(page);
    const before = await nodeIds();
    const fabAt = await page.evaluate((id) => window.__chainscope!.modelPosition(id), FAB);
    await clickNode(LITHO, { double: true });
    await page.waitForURL((url) => url.searchParams.get('expand') === LITHO);
    await settled(page);
    const after = await nodeIds();
    expect(after).toContain(OPTICS);
    expect(after.length).toBeGreaterThan(before.length);
    // The nodes already drawn stay where they were.
    expect(await page.evaluate((id) => window.__chainscope!.modelPosition(id), FAB)).toEqual(fabAt);

    await clickNode(OPTICS);
    await page.getByTestId('details-remove').click();
    await settled(page);
    expect(await nodeIds()).not.toContain(OPTICS);
    expect(new URL(page.url()).searchParams.get('hide')).toBe(OPTICS);
    await page.getByTestId('restore-hidden').click();
    await settled(page);
    expect(await nodeIds()).toContain(OPTICS);
    await clickNode(OPTICS);
    await page.keyboard.press('Delete');
    await settled(page);
    expect(await nodeIds()).not.toContain(OPTICS);
    await page.getByTestId('restore-hidden').click();
    await settled(page);

    await clickNode(LITHO);
    await page.getByTestId('details-collapse').click();
    await settled(page);
    expect(await nodeIds()).toEqual(before);
  });

  test('a link naming a deleted expansion or filter, or hiding the focus, still opens its view', async () => {
    await page.goto(`${app.server.url}/?focus=${FAB}&dir=up&depth=1&expand=co-no-such-node,${LITHO}`);
    await page.waitForURL((url) => url.searchParams.get('expand') === LITHO);
    await settled(page);
    expect(await nodeIds()).toContain(OPTICS);
    expect((await page.evaluate(() => window.__chainscope!.state())).error).toBeNull();

    await page.goto(`${app.server.url}/?focus=${FAB}&dir=up&depth=1&region=reg-no-such&cluster=${LITHO}`);
    await page.waitForURL((url) => !url.searchParams.has('region') && !url.searchParams.has('cluster'));
    await settled(page);
    expect(await nodeIds()).toEqual(await chainIds(FAB, 'UPSTREAM', 1));

    await page.goto(`${app.server.url}/?focus=${FAB}&dir=up&depth=1&hide=${FAB},${LITHO}`);
    await settled(page);
    const shown = await nodeIds();
    expect(shown).toContain(FAB);
    expect(shown).not.toContain(LITHO);
  });

  test('two quick clicks on two different nodes select the second and expand nothing', async () => {
    await page.goto(`${app.server.url}/?focus=${FAB}&dir=up&depth=1`);
    await settled(page);
    const before = await nodeIds();
    const fab = await page.evaluate((id) => window.__chainscope!.clientPosition(id), FAB);
    const litho = await page.evaluate((id) => window.__chainscope!.clientPosition(id), LITHO);
    // Well inside Cytoscape's 250 ms double-tap window.
    await page.mouse.click(fab!.x, fab!.y);
    await page.mouse.click(litho!.x, litho!.y);
    await page.waitForURL((url) => url.searchParams.get('sel') === LITHO);
    await settled(page);
    expect((await params()).expand).toEqual([]);
    expect(await nodeIds()).toEqual(before);
  });

  test('exports the visible graph as CSV and PNG', async () => {
    const shown = await nodeIds();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = fs.readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '');
    const rows = text.trim().split('\r\n');
    expect(rows[0]).toMatch(/^element,id,kind_or_type,label,label_zh,side,distance,degree,region_id,region,region_zh,source,/);
    expect(rows.find((r) => r.startsWith(`node,${FAB},`))).toMatch(/,reg-wuhan-optics-valley,Wuhan Optics Valley[^,]*,武汉光谷/);
    const nodeRows = rows.filter((r) => r.startsWith('node,')).map((r) => r.split(',')[1]).sort();
    expect(nodeRows).toEqual(shown);
    expect(rows.some((r) => r.startsWith('edge,') && r.includes(',SUPPLIES,'))).toBe(true);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe(`chainscope-${FAB}.png`);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  test('the language toggle shows Chinese names and interface text', async () => {
    await clickNode(FAB);
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('东湖晶圆制造');
    await expect(page.getByTestId('direction-up').textContent()).resolves.toBe('上游');
    await expect(page.getByTestId('search-input').getAttribute('placeholder')).resolves.toContain('搜索');
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('Eastlake Wafer Manufacturing');
  });

  test('states: unknown id in the URL, empty view', async () => {
    await page.goto(`${app.server.url}/?focus=co-no-such-company&dir=both&depth=2`);
    await expect(page.getByTestId('unknown-id').textContent()).resolves.toContain('co-no-such-company');
    // The details panel says the API's refusal in the interface's language.
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('.details__error').textContent()).resolves.toBe('没有 id 为“co-no-such-company”的实体');
    await page.getByTestId('lang-toggle').click();
    // Bayview GaN's only supply link is inbound (seed-data/README.md, fact 4): nothing downstream.
    await page.goto(`${app.server.url}/?focus=co-bayview-gan&dir=down&depth=3`);
    await page.getByTestId('empty').waitFor();
    expect(await nodeIds()).toEqual(['co-bayview-gan']);
  });

  test('a narrow window: the legend starts folded, and the graph is fitted again when the stage shrinks, unless zoomed', async () => {
    await page.goto(`${app.server.url}/?focus=${FAB}&dir=both&depth=1`);
    await settled(page);
    expect(await page.getByTestId('legend').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const narrow = await openApp(app.browser, app.server.url, { viewport: { width: 800, height: 700 } });
    try {
      // The details come after the graph is laid out (held back here, as a slow answer would be):
      // the panel grows below the stage then, and the graph must be measured and fitted again.
      await narrow.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('EntityDetails')) await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.fallback();
      });
      await narrow.goto(`${app.server.url}/?focus=${FAB}&dir=both&depth=2`);
      await settled(narrow);
      const legend = narrow.getByTestId('legend');
      expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await legend.locator('summary').click();
      expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await narrow.getByTestId('details-name').waitFor();
      await narrow.waitForFunction(() => {
        const a = window.__chainscope!.drawnArea();
        return !!a && a.canvas.height === a.stage.height && a.box.y2 <= a.stage.height && a.box.y1 >= 0 && a.box.x2 <= a.stage.width && a.box.x1 >= 0;
      }, undefined, { timeout: 5_000 }).catch(async () => {
        throw new Error(`the graph is not fitted to the stage: ${JSON.stringify(await narrow.evaluate(() => window.__chainscope!.drawnArea()))}`);
      });
      // Once the reader has zoomed, a change of size keeps their zoom.
      await narrow.getByTestId('zoom-in').click();
      await narrow.waitForTimeout(300);
      const zoomed = await narrow.evaluate(() => window.__chainscope!.drawnArea()!.box);
      await narrow.setViewportSize({ width: 800, height: 600 });
      await narrow.waitForTimeout(300);
      expect(await narrow.evaluate(() => window.__chainscope!.drawnArea()!.box.x2 - window.__chainscope!.drawnArea()!.box.x1)).toBeCloseTo(zoomed.x2 - zoomed.x1, 0);
    } finally {
      await narrow.context().close();
    }
  });

  test('a phone-wide window never scrolls sideways: the search wraps under the header, the tabs scroll', async () => {
    const phone = await openApp(app.browser, `${app.server.url}/?focus=${FAB}&dir=both&depth=1`, { viewport: { width: 400, height: 800 }, lang: 'zh' });
    try {
      await settled(phone);
      const pageWidth = () => phone.evaluate(() => document.documentElement.scrollWidth);
      expect(await pageWidth()).toBeLessThanOrEqual(400);
      const search = await phone.getByTestId('search-input').boundingBox();
      expect(search!.x + search!.width).toBeLessThanOrEqual(400);
      // The kinds menu opens within the screen.
      await phone.getByTestId('kind-filter').locator('summary').click();
      const menu = await phone.locator('.kinds__menu').boundingBox();
      expect(menu!.x).toBeGreaterThanOrEqual(0);
      expect(menu!.x + menu!.width).toBeLessThanOrEqual(400);
      await phone.keyboard.press('Escape');
      // The last tab is reached by scrolling the tab row, and opens its view.
      await phone.getByTestId('tab-import').click();
      await phone.waitForURL((url) => url.searchParams.get('view') === 'import');
      expect(await pageWidth()).toBeLessThanOrEqual(400);
      // The file button keeps its label on one line beside the drop hint.
      const choose = await phone.locator('.dropzone__choose .button').boundingBox();
      expect(choose!.height).toBeLessThan(36);
      // A link straight to the last view shows its tab, scrolled into the row.
      await phone.goto(`${app.server.url}/?view=path`);
      await phone.getByTestId('tab-path').waitFor();
      await phone.waitForTimeout(100);
      const tab = await phone.getByTestId('tab-path').boundingBox();
      expect(tab!.x + tab!.width).toBeLessThanOrEqual(400);
    } finally {
      await phone.context().close();
    }
  });

  test('writes a screenshot of the chain view (test-output/, and docs/ for the README when asked)', async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(`${app.server.url}/?focus=${FAB}&dir=both&depth=2&sel=${LITHO}`);
    await settled(page);
    await page.getByTestId('details-name').waitFor();
    const file = outputFile('chain-view.png');
    await page.screenshot({ path: file });
    publishScreenshot(file, 'screenshot-chain-view.png');
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('a banner says when the API is down, and Retry recovers when it is back', async () => {
    const port = Number(new URL(app.server.url).port);
    await app.server.stop();
    await page.getByTestId('depth-select').selectOption('1');
    const banner = page.getByTestId('api-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('unreachable');
    await page.getByTestId('api-retry').click();
    await expect(banner.isVisible()).resolves.toBe(true);

    app.server = await startTestServer({ port });
    await page.getByTestId('api-retry').click();
    await banner.waitFor({ state: 'detached' });
    await settled(page);
    expect(await nodeIds()).toEqual(await chainIds(FAB, 'BOTH', 1));
  });

  test('in Chinese, the banner says the database\'s failure in Chinese', async () => {
    // The API's answer when Neo4j is unreachable, made by the API's own translation of the driver's error.
    const down = translateError(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '08000', 'error')) as Error & { extensions: Record<string, unknown> };
    await page.route('**/graphql', (route) => route.fulfill({ json: { data: null, errors: [{ message: down.message, extensions: down.extensions }] } }));
    await page.getByTestId('lang-toggle').click();
    try {
      // A search is asked anew each time (the chain views are kept once fetched).
      await page.getByTestId('search-input').fill('晶圆');
      const banner = page.getByTestId('api-banner');
      await banner.waitFor();
      expect(await banner.getAttribute('data-kind')).toBe('unavailable');
      await expect(banner.locator('.api-banner__detail').textContent()).resolves.toBe('无法连接图数据库，请稍后再试');
    } finally {
      await page.unroute('**/graphql');
      await page.getByTestId('lang-toggle').click();
    }
    await page.getByTestId('api-retry').click();
    await page.getByTestId('api-banner').waitFor({ state: 'detached' });
  });

  test('the details count every relation, and say so when a list holds only the first of them', async () => {
    // No entity of the sample has over 300 relations, so its details are passed on with all but
    // two of its suppliers left out, as a hub's would be; the counts stay the API's.
    await page.route('**/graphql', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { data?: { entity?: { id: string; relations?: { type: string; direction: string }[] } } };
      const entity = body.data?.entity;
      if (entity?.id === FAB && entity.relations) {
        let kept = 0;
        entity.relations = entity.relations.filter((r) => !(r.type === 'SUPPLIES' && r.direction === 'IN') || (kept += 1) <= 2);
      }
      await route.fulfill({ response, json: body });
    });
    try {
      await page.goto(`${app.server.url}/?focus=${FAB}&dir=both&depth=1`);
      const suppliers = page.getByTestId('details-suppliers');
      await suppliers.locator('li').first().waitFor();
      const answer = await app.api<{ entity: { relationCounts: { type: string; direction: string; count: number }[] } }>(
        'query($id: ID!) { entity(id: $id) { ... on Company { id } relationCounts { type direction count } } }', { id: FAB },
      );
      const total = answer.data!.entity.relationCounts.find((c) => c.type === 'SUPPLIES' && c.direction === 'IN')!.count;
      expect(total).toBeGreaterThan(2);
      expect(await suppliers.locator('li').count()).toBe(2);
      await expect(suppliers.locator('.count').textContent()).resolves.toBe(String(total));
      await expect(suppliers.getByTestId('details-listed-of').textContent()).resolves.toBe(`The first 2 of ${total} are listed.`);
      await expect(page.getByTestId('details-customers').getByTestId('details-listed-of').count()).resolves.toBe(0);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  test('a technology\'s details list its users as its companies', async () => {
    const TECH = 'tech-3d-nand-stacking';
    await page.goto(`${app.server.url}/?focus=${TECH}&dir=both&depth=1`);
    const companies = page.getByTestId('details-companies');
    await companies.locator('li').first().waitFor();
    const users = await app.api<{ entity: { relations: { node: { id: string } }[] } }>(
      'query($id: ID!) { entity(id: $id) { relations(types: ["USES", "NEEDS"], direction: IN) { node { id } } } }', { id: TECH },
    );
    expect(users.data!.entity.relations.length).toBeGreaterThan(0);
    expect(await companies.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort()))
      .toEqual(users.data!.entity.relations.map((r) => r.node.id).sort());
  });
});
