// The "paths" of an answer: the relationships that justify it, drawn as a GraphView. Edges come
// from the answer's evidence; node names and kinds from one batched read for all answers.
import type { EntityRecord } from '../graphql/context.ts';
import { buildGraphView, edgeId, toEdge, type GraphView } from '../graphql/graph-view.ts';

export interface EvidenceEdge { source: string; target: string; type: string }

export function evidenceIds(edges: EvidenceEdge[]): string[] {
  return [...new Set(edges.flatMap((e) => [e.source, e.target]))];
}

export function evidenceView(focusId: string, edges: EvidenceEdge[], entities: Map<string, EntityRecord>): GraphView {
  const unique = [...new Map(edges.map((e) => [edgeId(e.source, e.type, e.target), e])).values()];
  const nodes = evidenceIds(unique)
    .map((id) => entities.get(id))
    .filter((e): e is EntityRecord => e !== undefined)
    .map((e) => ({ id: e.id, label: e.label, props: e.props, regionId: null, regionName: null, regionNameZh: null, clusterIds: [], degree: e.degree }));
  return buildGraphView({
    focusId,
    nodes,
    edges: unique.map((e) => toEdge(e.source, e.type, e.target)),
    truncated: false,
  });
}
