// What the canvas draws: the main view plus the neighbourhoods of expanded nodes, less the
// nodes the user removed. The main view's nodes keep their side; added ones are CONTEXT.
import type { GraphEdge, GraphNode, GraphView } from '../api/types.ts';

export function composeView(base: GraphView, expansions: GraphView[], hidden: ReadonlySet<string>): GraphView {
  const nodes = new Map<string, GraphNode>();
  for (const n of base.nodes) nodes.set(n.id, n);
  for (const view of expansions) {
    for (const n of view.nodes) {
      if (!nodes.has(n.id)) nodes.set(n.id, { ...n, side: 'CONTEXT', distance: null });
    }
  }
  for (const id of hidden) nodes.delete(id);
  const edges = new Map<string, GraphEdge>();
  for (const view of [base, ...expansions]) {
    for (const e of view.edges) {
      if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, e);
    }
  }
  return { ...base, nodes: [...nodes.values()], edges: [...edges.values()] };
}

