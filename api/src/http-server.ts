// One port for everything: /graphql (and GraphiQL on GET), /healthz, /readyz, /metrics, and
// the web app for the rest.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { ROOT } from './config.ts';
import { createGraphQL, type YogaOptions } from './graphql/yoga.ts';
import { registry } from './observability/metrics.ts';
import { firstInvalidUtf8Byte } from './utf8.ts';

export const WEB_DIST = path.join(ROOT, 'web', 'dist');

/** Largest GraphQL request body; imports through the API may be bigger (multipart). */
export const MAX_BODY_BYTES = 1 << 20;
export const MAX_UPLOAD_BYTES = 50 << 20;

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/**
 * The built web app. sirv lists the folder once; a build made while the server runs (npm run
 * build, or npm test in the same checkout) writes assets under new names, which that list lacks:
 * the new index.html then named scripts that answered 404, a blank page until a restart. So the
 * folder is listed again whenever its index.html changes.
 */
export function builtApp(dist: string): Middleware {
  const index = path.join(dist, 'index.html');
  let served: { built: number; handler: Middleware } | undefined;
  return (req, res, next) => {
    let built = 0;
    try {
      built = fs.statSync(index).mtimeMs;
    } catch {
      // Between a build's removal of the old files and its writing of the new ones.
    }
    if (!served || served.built !== built) served = { built, handler: sirv(dist, { single: true, etag: true, gzip: false }) };
    served.handler(req, res, next);
  };
}

export interface HttpOptions extends YogaOptions {
  /** Replaces the built app, e.g. with Vite's dev middleware under `npm run dev`. */
  web?: Middleware;
  /** Neo4j reachable and the schema applied (for /readyz). */
  ready?: () => Promise<boolean>;
}

export function createHttpServer(options: HttpOptions): http.Server {
  const yoga = createGraphQL(options);
  const assets = options.web ?? (fs.existsSync(WEB_DIST) ? builtApp(WEB_DIST) : undefined);
  const ready = options.ready ?? (async () => {
    await options.driver.verifyConnectivity({ database: options.database });
    return true;
  });
  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/graphql')) {
      const refusal = bodyRefusal(req) ?? queryStringRefusal(url);
      if (refusal) return json(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      if (!bufferable(req)) return void yoga.handle(req, res);
      // A JSON body is read here and handed over whole: Yoga would otherwise stream it through a
      // pipeline whose AbortController throws (and so builds) a DOMException for every request,
      // a tenth of the API's time under load. Uploads (multipart) stay streamed.
      return void readBody(req).then(
        (body) => {
          // Decoded as it is, a bad byte would become U+FFFD in what is searched for or saved.
          const badByte = firstInvalidUtf8Byte(body);
          if (badByte !== undefined) {
            return json(res, 400, { errors: [{ message: `The request body is not valid UTF-8 (byte ${badByte})`, extensions: { code: 'BAD_REQUEST', byte: badByte } }] });
          }
          (req as http.IncomingMessage & { body?: Buffer }).body = body;
          void yoga.handle(req, res);
        },
        () => json(res, 400, { errors: [{ message: 'The request body could not be read', extensions: { code: 'BAD_REQUEST' } }] }),
      );
    }
    if (url === '/healthz') return json(res, 200, { status: 'ok' });
    if (url === '/readyz') {
      return void ready()
        .then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' }))
        .catch((error: Error) => json(res, 503, { status: 'not ready', reason: error.message.split('\n')[0] }));
    }
    if (url === '/metrics') {
      return void registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      });
    }
    if (assets) return assets(req, res, () => json(res, 404, { error: 'not found' }));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Chainscope API: the web app is not built (npm run build); GraphQL is at /graphql\n');
  });
}

/** Refuses bodies over the limit before reading them; a body must say its length. */
function bodyRefusal(req: http.IncomingMessage): { status: number; code: string; message: string } | undefined {
  if (req.method !== 'POST') return undefined;
  const limit = isUpload(req) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
  const length = Number(req.headers['content-length']);
  if (!req.headers['content-length'] || Number.isNaN(length)) {
    return { status: 411, code: 'LENGTH_REQUIRED', message: 'Send a Content-Length header with the request body' };
  }
  if (length > limit) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is ${length} bytes; the limit is ${limit}` };
  }
  return undefined;
}

/** Refuses a query string (GET /graphql) that is not percent-encoded UTF-8, or whose variables are not JSON, naming the parameter. */
function queryStringRefusal(url: string): { status: number; code: string; message: string } | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    const equals = pair.indexOf('=');
    const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    let text;
    try {
      decodeURIComponent(name.replaceAll('+', ' '));
      text = decodeURIComponent(value.replaceAll('+', ' '));
    } catch {
      return { status: 400, code: 'BAD_REQUEST', message: `The query string's parameter "${name.slice(0, 40)}" is not percent-encoded UTF-8` };
    }
    // Yoga parses these two itself and answers bad JSON as an unexpected (500) error.
    if ((name === 'variables' || name === 'extensions') && text) {
      try {
        JSON.parse(text);
      } catch (error) {
        return { status: 400, code: 'BAD_REQUEST', message: `The query string's parameter "${name}" is not JSON: ${(error as Error).message}` };
      }
    }
  }
  return undefined;
}

/** A multipart request: a file upload (importDataset), bigger than a query and streamed. */
function isUpload(req: http.IncomingMessage): boolean {
  return req.headers['content-type']?.startsWith('multipart/form-data') ?? false;
}

/** A non-empty POST body that is not an upload (bodyRefusal has checked its length). */
function bufferable(req: http.IncomingMessage): boolean {
  return req.method === 'POST' && Number(req.headers['content-length']) > 0 && !isUpload(req);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
