// The cluster-ready path (neo4j:// routing URI) and a database that cannot be reached.
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AnswerSlots } from '../../api/src/db/answer-slots.ts';
import { GraphReader } from '../../api/src/db/neo4j.ts';
import { apiClient, testDriver } from '../support/api.ts';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A port that takes connections and never answers: a hung server, or one behind a proxy. */
async function silentServer() {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  drivers.push({ close: async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } });
  return { port: (server.address() as net.AddressInfo).port, connections: () => sockets.length };
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

  it('answers SERVICE_UNAVAILABLE within about a second from a server that takes connections and never answers', async () => {
    const silent = await silentServer();
    const driver = testDriver(`bolt://127.0.0.1:${silent.port}`);
    drivers.push(driver);
    const started = Date.now();
    const result = await apiClient(driver)('{ supplyChain(id: "anything") { truncated } }');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers SERVICE_UNAVAILABLE, naming the likely cause, when an HTTP server answers at the URI', async () => {
    const server = http.createServer((_, res) => res.end('not Bolt'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    drivers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const driver = testDriver(`bolt://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    drivers.push(driver);
    const result = await apiClient(driver)('{ supplyChain(id: "anything") { truncated } }');
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not in Bolt.*NEO4J_URI/), extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('fails the answers waiting for a turn with the one that found the database unreachable, without each trying', async () => {
    const silent = await silentServer();
    const driver = testDriver(`bolt://127.0.0.1:${silent.port}`);
    drivers.push(driver);
    const reader = new GraphReader(driver, 'neo4j', 10_000, new AnswerSlots(2, 10_000));
    const answers = Array.from({ length: 10 }, () => reader.read('chain-gaps', { chainId: 'c', regionId: 'r' }));
    const settled = await Promise.allSettled(answers);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as { extensions?: { code?: string } }).extensions?.code))
      .toEqual(Array(10).fill('SERVICE_UNAVAILABLE'));
    // Only the two that held a turn tried to connect; before, each of the ten did, two at a time.
    expect(silent.connections()).toBe(2);
  });
});
