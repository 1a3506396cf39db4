// What a query selects below a field, for statements that read only what will be returned.
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** The fields selected on a value of this type (fragments, aliases, @skip/@include resolved). */
function fieldsOn(tree: ResolveTree | null, type: string): ResolveTree[] {
  return Object.values(tree?.fieldsByTypeName[type] ?? {});
}

/** GraphNode fields that view-elements.cypher reads only on request (its $details). */
const NODE_DETAILS = new Set(['labelZh', 'stage', 'employees', 'tier', 'trl', 'regionName', 'regionNameZh', 'clusterIds']);

/**
 * What a GraphView field's selection needs its statement to read beyond ids and names: edges'
 * provenance, and nodes' details (any of NODE_DETAILS). One parse of the selection for both.
 */
export function viewReads(info: GraphQLResolveInfo): { provenance: boolean; details: boolean } {
  const view = fieldsOn(parseResolveInfo(info) as ResolveTree | null, 'GraphView');
  const below = (field: string, type: string) => view.filter((f) => f.name === field).flatMap((f) => fieldsOn(f, type));
  return {
    provenance: below('edges', 'GraphEdge').some((f) => f.name === 'provenance'),
    details: below('nodes', 'GraphNode').some((f) => NODE_DETAILS.has(f.name)),
  };
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
