// Every GraphQL document the web app sends, with a typed function for each.
import { gql } from './client.ts';
import type {
  ChainGaps, ConnectionPaths, Direction, EntityDetails, EntityKind, EntitySummary, GapColumn, GraphView, IndustrialAdopter,
  PilotPartner, PlaceSummary,
} from './types.ts';

const GRAPH_VIEW_FIELDS = `
  focusId truncated totalNodes totalIsLowerBound
  nodes { id kind label labelZh side distance degree stage employees tier trl regionId regionName regionNameZh clusterIds }
  edges { id source target type product provenance { source confidence asOf } }
`;

export const SEARCH = `query Search($query: String!, $kinds: [EntityKind!], $first: Int) {
  search(query: $query, kinds: $kinds, first: $first) { id kind name nameZh }
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
    relationCounts { type direction kind count }
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

/** Matches of any kind, or only of the given kinds (the answer views' pickers). */
export async function search(query: string, signal?: AbortSignal, kinds?: readonly EntityKind[]): Promise<EntitySummary[]> {
  return (await gql<{ search: EntitySummary[] }>(SEARCH, { query, kinds: kinds?.length ? kinds : null, first: 20 }, signal)).search;
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

const ANSWER_COMPANY_FIELDS = 'id kind name nameZh stage employees';

export const PILOT_PARTNERS = `query PilotPartners($startupId: ID, $technologyIds: [ID!], $regionId: ID, $first: Int) {
  pilotPartners(startupId: $startupId, technologyIds: $technologyIds, regionId: $regionId, first: $first) {
    company { ${ANSWER_COMPANY_FIELDS} }
    score
    parts { technologyFit chainAdjacency proximity sharedCluster capacity ties policy }
    roles reasons reasonsZh: reasons(language: ZH) existingPartner
    paths { ${GRAPH_VIEW_FIELDS} }
  }
}`;

export const INDUSTRIAL_ADOPTERS = `query IndustrialAdopters($labId: ID!, $first: Int) {
  industrialAdopters(labId: $labId, first: $first) {
    company { ${ANSWER_COMPANY_FIELDS} }
    score
    parts { directNeed segmentFit supplyLink readinessFit }
    reasons reasonsZh: reasons(language: ZH) pastTransfer
    paths { ${GRAPH_VIEW_FIELDS} }
  }
}`;

const GAP_COMPANY_FIELDS = `company { ${ANSWER_COMPANY_FIELDS} } regionName regionNameZh localCustomers localAlumni`;

export const CHAIN_GAPS = `query ChainGaps($chainId: ID!, $regionId: ID!) {
  chainGaps(chainId: $chainId, regionId: $regionId) {
    chain { id kind name nameZh }
    region { id kind name nameZh }
    coverage
    counts { kind count }
    segments {
      segment { id kind name nameZh tier }
      feeds gap gaps
      localCount localCompanies { ${GAP_COMPANY_FIELDS} }
      inboundSupplies inboundFromOutside inboundIsLowerBound localExperts localAdopters technologies technologiesZh technologyCount labCount policyCount
      fillers { ${GAP_COMPANY_FIELDS} }
      labs { lab { id kind name nameZh } regionName regionNameZh local technologies technologiesZh trl }
      policies { policy { id kind name nameZh } issuerRegion issuerRegionZh appliesHere }
    }
  }
}`;

/** The region-by-segment matrix: one chainGaps per region under an alias, in one request. */
export function gapMatrixDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$r${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `r${i}: chainGaps(chainId: $chainId, regionId: $r${i}) { ...GapColumn }`).join('\n  ');
  return `query GapMatrix($chainId: ID!, ${vars}) {
  ${fields}
}
fragment GapColumn on ChainGaps {
  region { id kind name nameZh }
  coverage
  segments { segment { id } gap gaps localCount }
}`;
}

export const CONNECTION_PATH = `query ConnectionPath($fromId: ID!, $toId: ID!, $maxHops: Int) {
  connectionPath(fromId: $fromId, toId: $toId, maxHops: $maxHops) {
    paths { nodeIds length business edges { id source target type product provenance { source confidence asOf } } }
    graph { ${GRAPH_VIEW_FIELDS} }
  }
}`;

export interface PilotArgs {
  startupId: string | null;
  technologyIds: string[];
  regionId: string | null;
  first: number;
}

export async function pilotPartners(args: PilotArgs, signal?: AbortSignal): Promise<PilotPartner[]> {
  const variables = { ...args, technologyIds: args.technologyIds.length ? args.technologyIds : null };
  return (await gql<{ pilotPartners: PilotPartner[] }>(PILOT_PARTNERS, variables, signal)).pilotPartners;
}

export async function industrialAdopters(labId: string, first: number, signal?: AbortSignal): Promise<IndustrialAdopter[]> {
  return (await gql<{ industrialAdopters: IndustrialAdopter[] }>(INDUSTRIAL_ADOPTERS, { labId, first }, signal)).industrialAdopters;
}

export async function chainGaps(chainId: string, regionId: string, signal?: AbortSignal): Promise<ChainGaps> {
  return (await gql<{ chainGaps: ChainGaps }>(CHAIN_GAPS, { chainId, regionId }, signal)).chainGaps;
}

/** Each region's column, in the order of regionIds. */
export async function gapMatrix(chainId: string, regionIds: string[], signal?: AbortSignal): Promise<GapColumn[]> {
  if (!regionIds.length) return [];
  const variables = { chainId, ...Object.fromEntries(regionIds.map((id, i) => [`r${i}`, id])) };
  const data = await gql<Record<string, GapColumn>>(gapMatrixDocument(regionIds.length), variables, signal);
  return regionIds.map((_, i) => data[`r${i}`]!);
}

export async function connectionPath(fromId: string, toId: string, maxHops: number, signal?: AbortSignal): Promise<ConnectionPaths> {
  return (await gql<{ connectionPath: ConnectionPaths }>(CONNECTION_PATH, { fromId, toId, maxHops }, signal)).connectionPath;
}
