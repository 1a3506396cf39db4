// npm start: the database (local or NEO4J_URI), schema, sample data when empty, web build, server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiKeys } from './auth/api-keys.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { GapCountsKeeper } from './db/gap-counts.ts';
import { createHttpServer } from './http-server.ts';
import { flushLog, log } from './log.ts';
import { seedIfEmpty } from './seed.ts';
import { StartupProblem, exitOnStartupProblem } from './startup-problem.ts';
import { warmUp } from './warm-up.ts';
import { buildWeb, webBuildIsStale, webDevMiddleware } from './web-build.ts';

/** Listens, or fails with what was wrong and what to do (a busy port was an uncaught 'error' event and a stack trace). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const where = `port ${port} on ${host}`;
      if (error.code === 'EADDRINUSE') {
        reject(new StartupProblem(`Cannot listen: ${where} is already in use (another Chainscope, or another program). Stop it, or choose a free port: PORT=${port + 1} npm start`));
      } else if (error.code === 'EACCES') {
        reject(new StartupProblem(`Cannot listen: ${where} needs privileges this process lacks. Choose a port above 1023: PORT=4000 npm start`));
      } else {
        reject(error);
      }
    };
    server.once('error', failed);
    // Listening, the server's later errors are not start-up's to answer.
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const say = (line: string) => log.info(line);
  const db = await connect(config, say);
  log.info({ uri: db.uri, database: db.name }, 'connected to Neo4j, schema applied');
  if (config.CHAINSCOPE_SEED === 'auto') {
    const report = await seedIfEmpty(db.driver, db.name);
    if (report) log.info({ nodes: report.nodes, relationships: report.relationships, seconds: report.seconds }, 'loaded the sample dataset into the empty database');
  }
  const dev = process.env.CHAINSCOPE_DEV === '1';
  if (!dev && webBuildIsStale()) {
    log.info('building the web app…');
    await buildWeb();
  }
  let warm = false;
  // Vite's middleware needs the server (its hot-reload WebSocket shares the port), so it is set
  // right after the server is made; no request arrives before listen().
  let devWeb: Awaited<ReturnType<typeof webDevMiddleware>> | undefined;
  const gapCounts = new GapCountsKeeper(db.driver, db.name);
  const server = createHttpServer({
    // Ready once Neo4j answers and the warm-up is done, so a load balancer waits for both.
    ready: async () => warm && (await db.driver.verifyConnectivity({ database: db.name }), true),
    driver: db.driver,
    database: db.name,
    queryTimeoutMs: config.CHAINSCOPE_QUERY_TIMEOUT_MS,
    responseCacheTtlMs: config.CHAINSCOPE_RESPONSE_CACHE_TTL_MS,
    answerConcurrency: config.CHAINSCOPE_ANSWER_CONCURRENCY,
    gapCounts,
    apiKeys: ApiKeys.fromEnv(process.env),
    readsKeyed: config.CHAINSCOPE_READS === 'keyed',
    web: dev ? (req, res, next) => devWeb!(req, res, next) : undefined,
  });
  if (dev) devWeb = await webDevMiddleware(server);
  await listen(server, config.PORT, config.HOST).catch(async (error: unknown) => {
    // The local Neo4j this process may have started goes too.
    await db.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const warming = Date.now();
  // Through the server's own port (a wildcard host is reached on loopback). With keyed reads the
  // anonymous warm-up is refused and only the plans of the key check get warm.
  const local = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const requests = await warmUp(db.driver, db.name, `http://${local}:${port}/graphql`).catch((error: Error) => {
    log.warn({ err: error }, 'warm-up failed; the first requests will be slower');
    return 0;
  });
  warm = true;
  log.info({ requests, seconds: (Date.now() - warming) / 1000 }, 'warmed up (every public query, in rounds)');
  log.info({ seconds: (Date.now() - started) / 1000 }, `Chainscope is ready: http://localhost:${port}/ (GraphiQL at http://localhost:${port}/graphql)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing in-flight requests, then closing Neo4j`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await gapCounts.stop();
    await db.close();
    await flushLog();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  if (error instanceof StartupProblem) exitOnStartupProblem(error);
  log.fatal({ err: error }, 'Chainscope could not start');
  await flushLog();
  process.exit(1);
});
