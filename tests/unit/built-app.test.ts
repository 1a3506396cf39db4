// The built web app as the server serves it: a rebuild while it runs (new asset names) is
// served without a restart.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { builtApp } from '../../api/src/http-server.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-dist-'));
const build = (name: string, at: Date) => {
  fs.rmSync(path.join(dist, 'assets'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', `${name}.js`), `console.log(${JSON.stringify(name)});`);
  fs.writeFileSync(path.join(dist, 'index.html'), `<script src="/assets/${name}.js"></script>`);
  fs.utimesSync(path.join(dist, 'index.html'), at, at);
};
build('index-old', new Date(2026, 0, 1));
const app = builtApp(dist);
const server = http.createServer((req, res) => app(req, res, () => {
  res.statusCode = 404;
  res.end();
}));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const get = async (url: string) => {
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url}`);
  return { status: response.status, text: await response.text() };
};

afterAll(() => {
  server.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('builtApp', () => {
  it('serves a build made while it runs, under its new asset names', async () => {
    expect(await get('/assets/index-old.js')).toMatchObject({ status: 200 });
    build('index-new', new Date(2026, 0, 2));
    expect((await get('/')).text).toContain('/assets/index-new.js');
    expect(await get('/assets/index-new.js')).toEqual({ status: 200, text: 'console.log("index-new");' });
    expect((await get('/assets/index-old.js')).status).toBe(404);
  });
});
