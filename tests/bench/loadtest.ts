// npm run loadtest [-- --url http://127.0.0.1:4000 --connections 100 --duration 60]: a mixed
// read workload against a running server (search 40 %, supplyChain 30 %, entity 20 %, the three
// answers 10 %) with autocannon; prints throughput, latency percentiles and errors.
import { parseCliArgs, wholeNumber } from '../../api/src/cli/parse-cli-args.ts';
import autocannon from 'autocannon';

const usage = 'usage: npm run loadtest [-- --url http://127.0.0.1:4000 --connections 100 --duration 60 --seed 11]';
const { values } = parseCliArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 4000}` },
    connections: { type: 'string', default: '100' },
    duration: { type: 'string', default: '60' },
    seed: { type: 'string', default: '11' },
  },
}, usage);
const connections = wholeNumber(values.connections, 'connections', usage);
const duration = wholeNumber(values.duration, 'duration', usage);
const endpoint = `${values.url!.replace(/\/$/, '')}/graphql`;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }).catch(() => {
    throw new Error(`No Chainscope at ${values.url}: start one (npm start) or pass --url`);
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}

// A server that has just started warms up first (/readyz says when it is done).
for (let waited = 0; ; waited += 1) {
  const ready = await fetch(`${values.url!.replace(/\/$/, '')}/readyz`).then((r) => r.ok, () => false);
  if (ready) break;
  if (waited === 120) throw new Error(`${values.url} did not become ready within 60 s`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// Focus ids from the graph itself, so the same script works on the sample and on 100k companies.
type Hit = { id: string; kind: string; stage?: string };
const hits: Hit[] = [];
for (const term of ['a', 'e', 'company', 'wafer', 'bio', 'lab', 'photo', 'gas', '企业', '实验室', '1', '2', '3']) {
  const data = await gql<{ search: Hit[] }>('query($q: String!) { search(query: $q, first: 50) { id kind ... on Company { stage } } }', { q: term });
  hits.push(...data.search);
}
const companies = [...new Set(hits.filter((h) => h.kind === 'COMPANY').map((h) => h.id))];
const startups = [...new Set(hits.filter((h) => h.stage === 'startup').map((h) => h.id))];
const labs = [...new Set(hits.filter((h) => h.kind === 'LAB').map((h) => h.id))];
const regions = (await gql<{ search: Hit[] }>('{ search(query: "China", kinds: [REGION], first: 5) { id kind } }')).search.map((h) => h.id);
const chains = (await gql<{ search: Hit[] }>('{ search(query: "chain semiconductors biomedicine", kinds: [CHAIN], first: 5) { id kind } }')).search.map((h) => h.id);
const allChains = chains.length ? chains : (await gql<{ search: Hit[] }>('{ search(query: "ICs", kinds: [CHAIN]) { id kind } }')).search.map((h) => h.id);
if (!companies.length || !startups.length || !labs.length) throw new Error('the graph has too few companies, startups or labs to load-test');

let state = wholeNumber(values.seed, 'seed', usage, 0) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 4294967296;
};
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const WORDS = ['wafer', 'photo', '晶圆', '光刻', 'bio', 'gas', 'module', 'pack', '生物', 'lab', 'company 4', 'tech'];

function nextBody(): string {
  const roll = random();
  if (roll < 0.4) return JSON.stringify({ query: 'query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }', variables: { q: pick(WORDS) } });
  if (roll < 0.7) {
    return JSON.stringify({
      query: 'query($id: ID!, $d: Int, $dir: Direction) { supplyChain(id: $id, depth: $d, direction: $dir) { truncated nodes { id kind label side distance } edges { id source target type } } }',
      variables: { id: pick(companies), d: pick([1, 2, 3]), dir: pick(['UPSTREAM', 'DOWNSTREAM', 'BOTH']) },
    });
  }
  if (roll < 0.9) return JSON.stringify({ query: 'query($id: ID!) { entity(id: $id) { id name ... on Company { stage employees } relations(first: 50) { type direction node { id name } } } }', variables: { id: pick(companies) } });
  const answer = pick(['pilot', 'gaps', 'adopters']);
  if (answer === 'pilot') return JSON.stringify({ query: 'query($id: ID) { pilotPartners(startupId: $id, first: 10) { company { id } score reasons } }', variables: { id: pick(startups) } });
  if (answer === 'gaps' && allChains.length && regions.length) return JSON.stringify({ query: 'query($c: ID!, $r: ID!) { chainGaps(chainId: $c, regionId: $r) { coverage segments { gap } } }', variables: { c: pick(allChains), r: pick(regions) } });
  return JSON.stringify({ query: 'query($id: ID!) { industrialAdopters(labId: $id, first: 10) { company { id } score } }', variables: { id: pick(labs) } });
}

let graphqlErrors = 0;
const result = await autocannon({
  url: endpoint,
  connections,
  duration,
  requests: [{
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: nextBody() }),
    onResponse: (_status, body) => {
      if (body.includes('"errors"')) graphqlErrors += 1;
    },
  }],
});

// autocannon counts a timeout among its errors too.
const errors = result.errors + result.non2xx + graphqlErrors;
process.stdout.write([
  `Load test: ${values.connections} connections for ${values.duration} s against ${values.url}`,
  `  requests: ${result.requests.total} (${result.requests.average.toFixed(0)} req/s on average)`,
  `  latency: p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  `  errors: ${errors} (connection ${result.errors}, of them timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`,
  '',
].join('\n'));
process.exitCode = errors ? 1 : 0;
