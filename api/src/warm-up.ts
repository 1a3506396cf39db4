// Asks every public query before the server reports ready (/readyz): the first run of a
// statement makes Neo4j plan it and the JITs compile, 0.3–2 s each on a small machine, and
// both JITs (Neo4j's JVM, Node's V8) need many more runs to reach full speed. A burst of clients
// at a cold start used to queue behind those plans, and some timed out; with one round only,
// the first seconds of a load test still ran at a tenth of the warm throughput. So after the
// first round (the planning), more rounds are asked for WARM_UP_MS (at most one per example,
// each about other entities so that the response cache cannot answer).
import type { Driver } from 'neo4j-driver';
import { cypher } from './db/cypher-files.ts';
import { readTransaction } from './db/neo4j.ts';

const WARM_UP_MS = 5_000;

const SUPPLY = 'query($id: ID!, $depth: Int, $direction: Direction) { supplyChain(id: $id, depth: $depth, direction: $direction) { truncated totalNodes nodes { id kind label side distance degree regionId } edges { id source target type product } } }';
const WORDS = ['wafer', '晶圆', 'photo', '光刻', 'bio', '生物', 'gas', 'module', 'pack', 'lab', 'tech', 'chip'];

/** Sends the warm-up requests to the server at graphqlUrl; returns how many were sent. */
export async function warmUp(driver: Driver, database: string, graphqlUrl: string): Promise<number> {
  const [examples] = await readTransaction(driver, database, cypher('warm-up-ids'), {});
  const { companies = [], startups = [], labs = [], chains = [], regions = [] } = (examples ?? {}) as Record<string, string[]>;
  const rounds = Math.max(1, companies.length - 1, WORDS.length);
  let sent = 0;
  const ask = async (round: number) => {
    for (const [query, variables] of roundOf(round, { companies, startups, labs, chains, regions })) {
      await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      sent += 1;
    }
  };
  await ask(0);
  const planned = Date.now();
  for (let round = 1; round < rounds && Date.now() - planned < WARM_UP_MS; round += 1) await ask(round);
  return sent;
}

/** Every public query once, about the round's examples. */
function roundOf(round: number, examples: Record<'companies' | 'startups' | 'labs' | 'chains' | 'regions', string[]>): [string, Record<string, unknown>][] {
  const nth = (items: string[], offset = 0) => items[(round + offset) % items.length];
  const search = 'query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }';
  const requests: [string, Record<string, unknown>][] = [[search, { q: nth(WORDS) }], [search, { q: nth(WORDS, 1) }]];
  const company = nth(examples.companies);
  const other = nth(examples.companies, 1);
  if (company) {
    requests.push(['query($id: ID!) { entity(id: $id) { id name relations(first: 50) { type direction node { id name } } } }', { id: company }]);
    for (const depth of [1, 2, 3]) for (const direction of ['UPSTREAM', 'DOWNSTREAM', 'BOTH']) requests.push([SUPPLY, { id: company, depth, direction }]);
    for (const depth of [1, 2]) requests.push(['query($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) { nodes { id } edges { id } } }', { id: company, depth }]);
    if (other && other !== company) requests.push(['query($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { paths { nodeIds } } }', { a: company, b: other }]);
  }
  const [startup, lab, chain, region] = [nth(examples.startups), nth(examples.labs), nth(examples.chains), nth(examples.regions)];
  if (startup) requests.push(['query($id: ID) { pilotPartners(startupId: $id, first: 10) { company { id } score reasons } }', { id: startup }]);
  if (lab) requests.push(['query($id: ID!) { industrialAdopters(labId: $id, first: 10) { company { id } score reasons } }', { id: lab }]);
  if (chain && region) requests.push(['query($c: ID!, $r: ID!) { chainGaps(chainId: $c, regionId: $r) { coverage segments { gap } } }', { c: chain, r: region }]);
  return requests;
}
