// The whole app (API + built web) on a free port over the test Neo4j, for end-to-end and browser tests.
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { createHttpServer } from '../../api/src/http-server.ts';
import { buildWeb, webBuildIsStale } from '../../api/src/web-build.ts';
import { testApiKeys } from './api.ts';

export interface TestServer { url: string; stop(): Promise<void> }

export async function startTestServer(options: { port?: number; uri?: string } = {}): Promise<TestServer> {
  if (webBuildIsStale()) await buildWeb();
  const driver = createDriver(options.uri ?? inject('neo4jUri'), process.env);
  const server = createHttpServer({ driver, database: inject('neo4jDatabase'), queryTimeoutMs: 10_000, apiKeys: testApiKeys() });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}
