// Asks every public query once before the server reports ready (/readyz): the first run of a
// statement makes Neo4j plan it and the JITs compile, 0.3–2 s each on a small machine. A burst
// of clients at a cold start used to queue behind those plans, and some timed out.
import type { Driver } from 'neo4j-driver';
import { cypher } from './db/cypher-files.ts';
import { readTransaction } from './db/neo4j.ts';

const SUPPLY = 'query($id: ID!, $depth: Int, $direction: Direction) { supplyChain(id: $id, depth: $depth, direction: $direction) { truncated totalNodes nodes { id kind label side distance degree regionId } edges { id source target type product } } }';

/** Sends the warm-up requests to the server at graphqlUrl; returns how many were sent. */
export async function warmUp(driver: Driver, database: string, graphqlUrl: string): Promise<number> {
  const [ids] = await readTransaction(driver, database, cypher('warm-up-ids'), {});
  const { company, other, startup, lab, chain, region } = (ids ?? {}) as Record<string, string | null>;
  const requests: [string, Record<string, unknown>][] = [
    ['query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }', { q: 'wafer' }],
    ['query($q: String!) { search(query: $q, first: 10) { id kind name nameZh } }', { q: '晶圆' }],
  ];
  if (company) {
    requests.push(['query($id: ID!) { entity(id: $id) { id name relations(first: 50) { type direction node { id name } } } }', { id: company }]);
    for (const depth of [1, 2, 3]) for (const direction of ['UPSTREAM', 'DOWNSTREAM', 'BOTH']) requests.push([SUPPLY, { id: company, depth, direction }]);
    for (const depth of [1, 2]) requests.push(['query($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) { nodes { id } edges { id } } }', { id: company, depth }]);
    if (other) requests.push(['query($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { paths { nodeIds } } }', { a: company, b: other }]);
  }
  if (startup) requests.push(['query($id: ID) { pilotPartners(startupId: $id, first: 10) { company { id } score reasons } }', { id: startup }]);
  if (lab) requests.push(['query($id: ID!) { industrialAdopters(labId: $id, first: 10) { company { id } score reasons } }', { id: lab }]);
  if (chain && region) requests.push(['query($c: ID!, $r: ID!) { chainGaps(chainId: $c, regionId: $r) { coverage segments { gap } } }', { c: chain, r: region }]);
  for (const [query, variables] of requests) {
    await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }
  return requests.length;
}
