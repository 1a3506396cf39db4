// npm start serves the built web app; it builds it first when web/ changed since the last build.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { ROOT } from './config.ts';
import { WEB_DIST } from './http-server.ts';

function newestChange(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
}

export function webBuildIsStale(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  return newestChange(path.join(ROOT, 'web', 'src')) > fs.statSync(built).mtimeMs
    || fs.statSync(path.join(ROOT, 'web', 'index.html')).mtimeMs > fs.statSync(built).mtimeMs;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Vite's dev server as middleware, for `npm run dev`: hot reload on the API's own port. Its
 * WebSocket rides on the API's server; left alone, Vite opens port 24678 on every interface.
 */
export async function webDevMiddleware(server: http.Server) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(ROOT, 'vite.config.ts'), server: { middlewareMode: true, ws: { server } }, appType: 'spa',
  });
  return vite.middlewares;
}
