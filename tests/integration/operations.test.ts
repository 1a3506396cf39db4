// What operators rely on: liveness, readiness, metrics.
import net from 'node:net';
import type http from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createHttpServer } from '../../api/src/http-server.ts';
import { testDriver } from '../support/api.ts';

const servers: http.Server[] = [];
const drivers: { close(): Promise<void> }[] = [];

async function serve(uri?: string): Promise<string> {
  const driver = testDriver(uri);
  drivers.push(driver);
  const server = createHttpServer({ driver, database: inject('neo4jDatabase'), queryTimeoutMs: 5_000 });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  for (const d of drivers) await d.close();
});

describe('operations endpoints', () => {
  it('is alive and ready with Neo4j up, and counts requests in /metrics', async () => {
    const url = await serve();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "seg-wafer-fab") { id } }' }) });
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "nope") { id } }' }) });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/chainscope_graphql_request_duration_seconds_count\{operation="entity",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/chainscope_graphql_errors_total\{operation="entity",code="NOT_FOUND"\} [1-9]/);
    expect(metrics).toMatch(/chainscope_neo4j_transactions_in_use 0/);
  });

  it('is alive but not ready when Neo4j is unreachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const url = await serve(`bolt://127.0.0.1:${port}`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).status).toBe('not ready');
  });
});
