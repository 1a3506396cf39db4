// What a query selects below a field, for statements that read only what will be returned.
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** The fields selected on a value of this type (fragments, aliases, @skip/@include resolved). */
function fieldsOn(tree: ResolveTree | null, type: string): ResolveTree[] {
  return Object.values(tree?.fieldsByTypeName[type] ?? {});
}

/** Whether a GraphView field's selection asks for edges' provenance. */
export function selectsEdgeProvenance(info: GraphQLResolveInfo): boolean {
  const edges = fieldsOn(parseResolveInfo(info) as ResolveTree | null, 'GraphView').filter((f) => f.name === 'edges');
  return edges.some((e) => fieldsOn(e, 'GraphEdge').some((f) => f.name === 'provenance'));
}

/** GraphNode fields that view-elements.cypher reads only on request (its $details). */
const NODE_DETAILS = new Set(['labelZh', 'stage', 'employees', 'tier', 'trl', 'regionName', 'clusterIds']);

/** Whether a GraphView field's selection asks for any of its nodes' details. */
export function selectsNodeDetails(info: GraphQLResolveInfo): boolean {
  const nodes = fieldsOn(parseResolveInfo(info) as ResolveTree | null, 'GraphView').filter((f) => f.name === 'nodes');
  return nodes.some((n) => fieldsOn(n, 'GraphNode').some((f) => NODE_DETAILS.has(f.name)));
}

/** Which parts of a chainGaps answer its selection needs (the gap classification needs the inbound and talent counts). */
export function chainGapParts(info: GraphQLResolveInfo) {
  const top = fieldsOn(parseResolveInfo(info) as ResolveTree | null, 'ChainGaps');
  const segmentFields = new Set(top.filter((f) => f.name === 'segments').flatMap((f) => fieldsOn(f, 'SegmentGap').map((s) => s.name)));
  const has = (...names: string[]) => names.some((n) => segmentFields.has(n));
  const classified = has('gap', 'gaps') || top.some((f) => f.name === 'counts');
  return {
    withLocals: has('localCompanies'),
    withFillers: has('fillers'),
    withInbound: classified || has('inboundSupplies', 'inboundFromOutside'),
    withTalent: classified || has('localExperts', 'localAdopters'),
    withLabs: has('labs', 'labCount'),
    withPolicies: has('policies', 'policyCount'),
  };
}
