// npm run bench [-- --quick] [--iterations N] [--pairs N] [--only a,b] [--skip a,b]: every public query over HTTP GraphQL and, in
// the same run and interleaved, the same Cypher with the same parameters straight through
// neo4j-driver; p50/p95/p99 of both, their ratio and Cypher statements per request. Uses the
// database at NEO4J_URI or the local one; writes the table as JSON into bench-results/.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ROOT, loadConfig } from '../../api/src/config.ts';
import { parseCliArgs, wholeNumber } from '../../api/src/cli/parse-cli-args.ts';
import { connect } from '../../api/src/db/connect.ts';
import { cypher } from '../../api/src/db/cypher-files.ts';
import { refreshGapCounts } from '../../api/src/db/gap-counts.ts';
import { integerParams, readTransaction } from '../../api/src/db/neo4j.ts';
import type { Context } from '../../api/src/graphql/context.ts';
import { createGraphQL } from '../../api/src/graphql/yoga.ts';
import { createHttpServer } from '../../api/src/http-server.ts';
import { graphCounts, seedIfEmpty } from '../../api/src/seed.ts';
import { prng } from '../../seed-data/generator/generate-graph.ts';
import { CHAIN_GAPS } from '../../web/src/api/queries.ts';

const usage = 'usage: npm run bench [-- --quick] [--iterations N] [--pairs N] [--only a,b] [--skip a,b] [--seed N]';
const { values } = parseCliArgs({
  options: {
    quick: { type: 'boolean' },
    iterations: { type: 'string' },
    pairs: { type: 'string' },
    skip: { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    seed: { type: 'string', default: '7' },
  },
}, usage);
const iterations = values.iterations === undefined ? (values.quick ? 60 : 300) : wholeNumber(values.iterations, 'iterations', usage);
const pairs = values.pairs === undefined ? (values.quick ? iterations : 1000) : wholeNumber(values.pairs, 'pairs', usage);
const warmup = values.quick ? 10 : 30;

const random = prng(wholeNumber(values.seed, 'seed', usage, 0));
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

const config = loadConfig();
const db = await connect(config);
// As `npm start` does: an empty database gets the sample, so the quick run works from a fresh clone.
const seeded = await seedIfEmpty(db.driver, db.name);
if (seeded) process.stderr.write(`The database was empty: loaded the sample dataset (${seeded.nodes} nodes, ${seeded.relationships} relationships)\n`);
// chainGaps' counts as a running API keeps them (they are taken again after each write): the
// benchmark measures the answers a settled graph gets. A graph loaded since the last count
// is counted here first, and the time it took is printed.
const counted = await refreshGapCounts(db.driver, db.name);
if (counted.segments) process.stderr.write(`chainGaps' counts taken for ${counted.segments} segments in ${counted.seconds.toFixed(1)} s\n`);
const [focus] = await readTransaction(db.driver, db.name, fs.readFileSync(path.join(import.meta.dirname, 'pick-focus.cypher'), 'utf8'), {});
const f = focus as Record<string, string[]>;
const missing = Object.entries(f).filter(([, ids]) => ids.length === 0).map(([list]) => list);
if (missing.length) {
  process.stderr.write(`The graph has nothing to ask some queries about (none found: ${missing.join(', ')}; see pick-focus.cypher). ` +
    'Benchmark the sample (an empty database gets it) or a generated graph (npm run generate -- --companies 100000 --load).\n');
  await db.close();
  process.exit(2);
}
// The ten hubs and a seeded spread of 190 others: the big and the small firms both.
const companies = [...f.hubs!, ...Array.from({ length: 190 }, () => pick(f.companies!))];

type Case = { name: string; variables: () => Record<string, unknown>; query: string };
const SUPPLY = 'query($id: ID!, $direction: Direction, $depth: Int) { supplyChain(id: $id, direction: $direction, depth: $depth) { truncated totalNodes nodes { id kind label side distance degree regionId } edges { id source target type product } } }';
// What the web app's chain view asks: the same, with every edge's provenance.
const SUPPLY_WEB = 'query($id: ID!, $direction: Direction, $depth: Int) { supplyChain(id: $id, direction: $direction, depth: $depth) { truncated totalNodes nodes { id kind label side distance degree regionId } edges { id source target type product provenance { source confidence asOf } } } }';
const cases: Case[] = [
  { name: 'search (English)', query: 'query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }', variables: () => ({ q: pick(['wafer', 'photo', 'bio', 'packag', 'gas', 'company 12', 'lab']) }) },
  { name: 'search (Chinese)', query: 'query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }', variables: () => ({ q: pick(['晶圆', '光刻', '生物', '封装', '企业', '实验室']) }) },
  { name: 'entity', query: 'query($id: ID!) { entity(id: $id) { id kind name ... on Company { stage employees } relations(first: 50) { type direction product node { id name } } } }', variables: () => ({ id: pick(companies) }) },
  ...[1, 3, 5].flatMap((depth) => (['UPSTREAM', 'DOWNSTREAM'] as const).map((direction) => ({
    name: `supplyChain d${depth} ${direction.toLowerCase()}`, query: SUPPLY, variables: () => ({ id: pick(companies), direction, depth }),
  }))),
  { name: 'supplyChain d3 downstream, web view', query: SUPPLY_WEB, variables: () => ({ id: pick(companies), direction: 'DOWNSTREAM', depth: 3 }) },
  { name: 'neighborhood d2', query: 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id kind } edges { source target type } } }', variables: () => ({ id: pick(companies) }) },
  { name: 'connectionPath', query: 'query($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b, maxHops: 6) { paths { nodeIds length business } } }', variables: () => {
    const a = pick(companies);
    let b = pick(companies);
    while (b === a) b = pick(companies);
    return { a, b };
  } },
  { name: 'pilotPartners', query: 'query($id: ID) { pilotPartners(startupId: $id, first: 10) { company { id } score reasons } }', variables: () => ({ id: pick(f.startups!) }) },
  { name: 'chainGaps', query: 'query($c: ID!, $r: ID!) { chainGaps(chainId: $c, regionId: $r) { coverage segments { segment { id } gap localCompanies { company { id } } fillers { company { id } } } } }', variables: () => ({ c: pick(f.chains!), r: pick(f.regions!) }) },
  // The web app's answer page asks for everything, labs and policies included.
  { name: 'chainGaps, web answer page', query: CHAIN_GAPS, variables: () => ({ chainId: pick(f.chains!), regionId: pick(f.regions!) }) },
  { name: 'industrialAdopters', query: 'query($id: ID!) { industrialAdopters(labId: $id, first: 10) { company { id } score reasons } }', variables: () => ({ id: pick(f.labs!) }) },
];

// The server under test, and an in-process twin that tells which Cypher each request ran.
// No response cache: the benchmark measures the work of answering, not the reuse of answers.
const server = createHttpServer({ driver: db.driver, database: db.name, queryTimeoutMs: 30_000, responseCacheTtlMs: 0 });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
let captured: Context | undefined;
const twin = createGraphQL({ driver: db.driver, database: db.name, queryTimeoutMs: 30_000, onContext: (c) => void (captured = c) });

// A plain keep-alive HTTP client, as load tools use: undici's fetch added ~2 ms of its own
// (web streams) to a 280 kB answer. The timer still covers parsing the JSON, as the raw side's
// covers the driver decoding its rows.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function overHttp(query: string, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const body = JSON.parse(await post(JSON.stringify({ query, variables }))) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 40)}: ${body.errors[0]!.message}`);
  return performance.now() - started;
}

async function statementsOf(query: string, variables: Record<string, unknown>) {
  await twin.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return captured!.reader.recorded.map((r) => ({ text: cypher(r.name, r.bounds), params: integerParams(r.params), group: r.group }));
}

type Statement = { text: string; params: Record<string, unknown>; group: number };
/**
 * The statements as the API ran them: one group after another, a group's statements side by
 * side, each the way the API runs it (an auto-commit read transaction). The driver's
 * executeQuery, a managed transaction with a commit round trip, took ~1.4 ms more on a big
 * view and so flattered the ratio.
 */
async function raw(statements: Statement[]): Promise<number> {
  const started = performance.now();
  for (const group of new Set(statements.map((s) => s.group))) {
    await Promise.all(statements.filter((s) => s.group === group).map((s) => readTransaction(db.driver, db.name, s.text, s.params)));
  }
  return performance.now() - started;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const results = [];
const skipped = values.skip!.split(',').filter(Boolean);
const only = values.only!.split(',').filter(Boolean);
const chosen = cases.filter((x) => !skipped.some((name) => x.name.startsWith(name)) && (!only.length || only.some((name) => x.name.startsWith(name))));
for (const c of chosen) {
  const n = c.name === 'connectionPath' ? pairs : iterations;
  const inputs = Array.from({ length: n + warmup }, () => c.variables());
  const plans = [];
  for (const v of inputs) plans.push(await statementsOf(c.query, v));
  const graphql: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < inputs.length; i += 1) {
    // Interleaved, alternating which goes first, so both see the same cache and load.
    const first = i % 2 === 0;
    const a = first ? await overHttp(c.query, inputs[i]!) : await raw(plans[i]!);
    const b = first ? await raw(plans[i]!) : await overHttp(c.query, inputs[i]!);
    if (i < warmup) continue;
    graphql.push(first ? a : b);
    direct.push(first ? b : a);
  }
  const row = {
    query: c.name,
    n,
    graphql: { p50: percentile(graphql, 50), p95: percentile(graphql, 95), p99: percentile(graphql, 99) },
    cypher: { p50: percentile(direct, 50), p95: percentile(direct, 95), p99: percentile(direct, 99) },
    cypherStatements: Math.max(...plans.map((p) => p.length)),
  };
  results.push({ ...row, ratioP50: row.graphql.p50 / row.cypher.p50, ratioP95: row.graphql.p95 / row.cypher.p95 });
  process.stderr.write(`  ${c.name}: GraphQL p50 ${row.graphql.p50.toFixed(1)} / p95 ${row.graphql.p95.toFixed(1)} ms, Cypher p50 ${row.cypher.p50.toFixed(1)} / p95 ${row.cypher.p95.toFixed(1)} ms\n`);
}

const counts = await graphCounts(db.driver, db.name);
const ms = (x: number) => x.toFixed(1).padStart(7);
const lines = [
  `Graph: ${counts.nodes} nodes, ${counts.relationships} relationships; machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${iterations} runs per query after ${warmup} warm-up`,
  '',
  '| query | GraphQL p50 | p95 | p99 | raw Cypher p50 | p95 | p99 | GraphQL/raw p50 | p95 | Cypher per request |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.query} | ${ms(r.graphql.p50)} | ${ms(r.graphql.p95)} | ${ms(r.graphql.p99)} | ${ms(r.cypher.p50)} | ${ms(r.cypher.p95)} | ${ms(r.cypher.p99)} | ${r.ratioP50.toFixed(2)} | ${r.ratioP95.toFixed(2)} | ${r.cypherStatements} |`),
  '',
  '(milliseconds)',
];
process.stdout.write(`${lines.join('\n')}\n`);
const outDir = path.join(ROOT, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({ graph: counts, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, iterations, warmup, results }, null, 2));
process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);

agent.destroy();
server.closeAllConnections();
server.close();
await db.close();
