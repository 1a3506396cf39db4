// The cluster-ready path (neo4j:// routing URI) and a database that cannot be reached.
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiClient, testDriver } from '../support/api.ts';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const drivers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const d of drivers) await d.close();
});

describe('connectivity', () => {
  it('serves reads through a neo4j:// routing URI, as against a cluster or Aura', async () => {
    const uri = inject('neo4jUri').replace(/^bolt:/, 'neo4j:');
    expect(uri).toMatch(/^neo4j(\+s)?:\/\//);
    const driver = testDriver(uri);
    drivers.push(driver);
    const result = await apiClient(driver)('{ search(query: "wafer", first: 3) { id kind name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.search.length).toBeGreaterThan(0);
  });

  it('answers SERVICE_UNAVAILABLE quickly, without a stack trace, when Neo4j is unreachable', async () => {
    const driver = testDriver(`bolt://127.0.0.1:${await closedPort()}`);
    drivers.push(driver);
    const started = Date.now();
    const result = await apiClient(driver)('{ supplyChain(id: "anything") { truncated } }');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.js|Neo4jError|stack/);
  });
});
