// What a query selects below a field, for statements that read only what will be returned.
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** Whether a GraphView field's selection (fragments, aliases, @skip/@include resolved) asks for edges' provenance. */
export function selectsEdgeProvenance(info: GraphQLResolveInfo): boolean {
  const view = parseResolveInfo(info) as ResolveTree | null;
  const edges = Object.values(view?.fieldsByTypeName.GraphView ?? {}).filter((f) => f.name === 'edges');
  return edges.some((e) => Object.values(e.fieldsByTypeName.GraphEdge ?? {}).some((f) => f.name === 'provenance'));
}
