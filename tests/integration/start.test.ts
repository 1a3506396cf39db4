// `npm start` and `npm run dev` end to end: the real entry point finds the running test Neo4j,
// serves GraphQL and the web app on one port, and exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';
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

  it('says in one line that its port is taken, and exits, instead of a stack trace', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await runToExit('api/src/main.ts', { PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`chainscope: Cannot listen: port ${port} on 127.0.0.1 is already in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  }, 180_000);

  it('says in one line what is wrong with its configuration or its database, the server and the commands alike', async () => {
    const badUri = await runToExit('api/src/main.ts', { NEO4J_URI: 'http://127.0.0.1:7474' });
    expect(badUri.code).toBe(1);
    expect(badUri.stderr).toMatch(/^chainscope: Invalid configuration: NEO4J_URI: must start with bolt:\/\//m);
    const unreachable = await runToExit('api/src/cli/import.ts', { NEO4J_URI: 'bolt://127.0.0.1:1' }, ['seed-data/sample']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^chainscope: Cannot use the Neo4j at bolt:\/\/127\.0\.0\.1:1: /m);
    for (const { stderr } of [badUri, unreachable]) expect(stderr).not.toMatch(/^\s+at /m);
  }, 180_000);

  it('serves the web app from Vite with hot reload under npm run dev', async () => {
    const api = await spawnApi({ CHAINSCOPE_DEV: '1' });
    const page = await (await fetch(api.url)).text();
    expect(page).toContain('<div id="root">');
    expect(page).toContain('/@vite/client');
    // The app's source is transformed on request (TypeScript and JSX to browser JavaScript).
    const entry = await fetch(`${api.url}/src/main.tsx`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(await entry.text()).not.toMatch(/<App\b/);
    const answer = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "seg-wafer-fab") { name } }' }),
    });
    expect(await answer.json()).toMatchObject({ data: { entity: { name: 'Wafer fabrication' } } });
    // Hot reload's WebSocket is on the same port (no second port for Vite's own server).
    const client = await (await fetch(`${api.url}/@vite/client`)).text();
    expect(client).toMatch(/const hmrPort = null;/);
    const token = /const wsToken = "([^"]+)"/.exec(client)![1]!;
    expect(await upgradeStatus(`${api.url}/?token=${token}`)).toBe(101);
    expect(await api.stop()).toBe(0);
  }, 180_000);
});

/** Runs an entry point over the test Neo4j until it exits: its exit code and what it wrote to stderr. */
async function runToExit(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT, env: { ...process.env, CHAINSCOPE_DATA_DIR: inject('neo4jDataDir'), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

/** The status a WebSocket upgrade request gets (101 when the server switches protocols). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      headers: {
        connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-protocol': 'vite-hmr',
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode!);
    });
    request.on('response', (response) => resolve(response.statusCode!));
    request.on('error', reject);
    request.end();
  });
}
