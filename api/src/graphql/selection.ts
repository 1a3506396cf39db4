// What a query selects below a field, for statements that read only what will be returned.
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** Whether a GraphView field's selection (fragments, aliases, @skip/@include resolved) asks for edges' provenance. */
export function selectsEdgeProvenance(info: GraphQLResolveInfo): boolean {
  const view = parseResolveInfo(info) as ResolveTree | null;
  const edges = Object.values(view?.fieldsByTypeName.GraphView ?? {}).filter((f) => f.name === 'edges');
  return edges.some((e) => Object.values(e.fieldsByTypeName.GraphEdge ?? {}).some((f) => f.name === 'provenance'));
}

/** Which parts of a chainGaps answer its selection needs (the gap classification needs the inbound and talent counts). */
export function chainGapParts(info: GraphQLResolveInfo) {
  const answer = parseResolveInfo(info) as ResolveTree | null;
  const top = Object.values(answer?.fieldsByTypeName.ChainGaps ?? {});
  const segmentFields = new Set(top.filter((f) => f.name === 'segments')
    .flatMap((f) => Object.values(f.fieldsByTypeName.SegmentGap ?? {}).map((s) => s.name)));
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
