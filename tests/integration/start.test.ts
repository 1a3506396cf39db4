// `npm start` end to end: the real entry point finds the running test Neo4j, serves GraphQL and
// the web app on one port, and exits cleanly on SIGTERM.
import { describe, expect, it } from 'vitest';
import { spawnApi } from '../support/spawn-api.ts';

describe('npm start', () => {
  it('serves the sample over HTTP and stops cleanly on SIGTERM', async () => {
    const api = await spawnApi();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "seg-wafer-fab") { name nameZh } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { entity: { name: 'Wafer fabrication', nameZh: '晶圆制造' } } });
    const page = await fetch(api.url);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    // Before it said ready, it asked every public query once (warm-up), each answered without error.
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    for (const operation of ['search', 'entity', 'supplyChain', 'neighborhood', 'connectionPath', 'pilotPartners', 'industrialAdopters', 'chainGaps']) {
      expect(metrics, operation).toMatch(new RegExp(`chainscope_graphql_request_duration_seconds_count\\{operation="${operation}",outcome="ok"\\} [1-9]`));
    }
    expect(metrics).not.toMatch(/outcome="error"/);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    const graphiql = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL/i);
    expect(await api.stop()).toBe(0);
  }, 180_000);
});
