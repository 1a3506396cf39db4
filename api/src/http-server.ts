// One port for everything: /graphql (and GraphiQL on GET), the built web app for the rest.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { ROOT } from './config.ts';
import { createGraphQL, type YogaOptions } from './graphql/yoga.ts';

export const WEB_DIST = path.join(ROOT, 'web', 'dist');

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/** `web` replaces the built app, e.g. with Vite's dev middleware under `npm run dev`. */
export function createHttpServer(options: YogaOptions & { web?: Middleware }): http.Server {
  const yoga = createGraphQL(options);
  const assets = options.web ?? (fs.existsSync(WEB_DIST) ? sirv(WEB_DIST, { single: true, etag: true, gzip: false }) : undefined);
  return http.createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) return void yoga.handle(req, res);
    if (assets) return assets(req, res, () => notFound(res));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Chainscope API: the web app is not built (npm run build); GraphQL is at /graphql\n');
  });
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found\n');
}
