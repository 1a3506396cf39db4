// Every GraphQL document the web app sends, with a typed function for each.
import { gql } from './client.ts';
import type { Direction, EntityDetails, EntityKind, EntitySummary, GraphView, PlaceSummary } from './types.ts';

const GRAPH_VIEW_FIELDS = `
  focusId truncated totalNodes
  nodes { id kind label labelZh side distance degree stage employees tier trl regionId regionName clusterIds }
  edges { id source target type product provenance { source confidence asOf } }
`;

export const SEARCH = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) { id kind name nameZh }
}`;

export const ENTITY_SUMMARY = `query EntitySummary($id: ID!) {
  entity(id: $id) { id kind name nameZh }
}`;

export const SUPPLY_CHAIN = `query SupplyChain($id: ID!, $direction: Direction, $depth: Int, $filter: GraphFilter) {
  supplyChain(id: $id, direction: $direction, depth: $depth, filter: $filter) { ${GRAPH_VIEW_FIELDS} }
}`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $kinds: [EntityKind!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds, limit: $limit) { ${GRAPH_VIEW_FIELDS} }
}`;

export const ENTITY_DETAILS = `query EntityDetails($id: ID!) {
  entity(id: $id) {
    id kind name nameZh aliases description source updatedAt degree
    ... on Company { stage founded employees listed }
    ... on Lab { labKind parent }
    ... on Talent { title field returnee }
    ... on Technology { trl }
    ... on Segment { tier }
    ... on Region { level }
    ... on Policy { issuer funding validFrom validTo }
    ... on Incubator { model }
    relations(first: 300) {
      type direction product share since role transferKind year
      provenance { source confidence asOf }
      node { id kind name nameZh }
    }
  }
}`;

/** Names of regions and clusters for the filter menus, each region with the region it lies within. */
export function placesDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `p${i}: entity(id: $id${i}) { ...Place }`).join('\n  ');
  return `query Places(${vars}) {
  ${fields}
}
fragment Place on Entity {
  id kind name nameZh
  ... on Region { level }
  relations(types: ["WITHIN"], direction: OUT, first: 3) { node { id kind name nameZh ... on Region { level } } }
}`;
}

export const PING = 'query Ping { __typename }';

export async function ping(): Promise<void> {
  await gql(PING);
}

export async function search(query: string, signal?: AbortSignal): Promise<EntitySummary[]> {
  return (await gql<{ search: EntitySummary[] }>(SEARCH, { query, first: 20 }, signal)).search;
}

export async function entitySummary(id: string, signal?: AbortSignal): Promise<EntitySummary> {
  return (await gql<{ entity: EntitySummary }>(ENTITY_SUMMARY, { id }, signal)).entity;
}

export async function entityDetails(id: string, signal?: AbortSignal): Promise<EntityDetails> {
  return (await gql<{ entity: EntityDetails }>(ENTITY_DETAILS, { id }, signal)).entity;
}

export interface ChainArgs {
  id: string;
  direction: Direction;
  depth: number;
  kinds: EntityKind[];
  regionId: string | null;
  clusterId: string | null;
}

export async function supplyChain(args: ChainArgs, signal?: AbortSignal): Promise<GraphView> {
  const filter = { kinds: args.kinds, regionId: args.regionId, clusterId: args.clusterId };
  const data = await gql<{ supplyChain: GraphView }>(
    SUPPLY_CHAIN, { id: args.id, direction: args.direction, depth: args.depth, filter }, signal,
  );
  return data.supplyChain;
}

export async function neighborhood(id: string, depth: number, kinds: EntityKind[], signal?: AbortSignal): Promise<GraphView> {
  const data = await gql<{ neighborhood: GraphView }>(
    NEIGHBORHOOD, { id, depth, kinds: kinds.length ? kinds : null, limit: 500 }, signal,
  );
  return data.neighborhood;
}

export async function places(ids: string[], signal?: AbortSignal): Promise<PlaceSummary[]> {
  if (!ids.length) return [];
  const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const data = await gql<Record<string, PlaceSummary | null>>(placesDocument(ids.length), variables, signal);
  return Object.values(data).filter((p): p is PlaceSummary => p !== null);
}
