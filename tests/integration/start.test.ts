// `npm start` end to end: the real entry point finds the running test Neo4j, serves GraphQL and
// the web app on one port, and exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';

describe('npm start', () => {
  it('serves the sample over HTTP and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', CHAINSCOPE_DATA_DIR: inject('neo4jDataDir'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready line within 120 s')), 120_000);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /Chainscope is ready: (http:\/\/localhost:\d+)\//.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "seg-wafer-fab") { name nameZh } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { entity: { name: 'Wafer fabrication', nameZh: '晶圆制造' } } });
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    const graphiql = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL/i);

    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 180_000);
});
