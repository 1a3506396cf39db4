// A synthetic GraphView of a given size with the shape of a supply chain (columns of suppliers
// and customers around one focus, edges between neighbouring columns), for the big-view test.
import type { EntityKind, GraphEdge, GraphNode, GraphView, Side } from '../../web/src/api/types.ts';

/** Deterministic pseudo-random numbers, so every run draws the same graph. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function syntheticView(nodeCount: number, edgeCount: number, seed = 7): GraphView {
  const next = random(seed);
  const depth = 5;
  const nodes: GraphNode[] = [];
  const byColumn = new Map<number, string[]>();
  for (let i = 0; i < nodeCount; i++) {
    const column = i === 0 ? 0 : (i % 2 ? -1 : 1) * (1 + Math.floor(next() * depth));
    const side: Side = column === 0 ? 'FOCUS' : column < 0 ? 'UPSTREAM' : 'DOWNSTREAM';
    const kind: EntityKind = i % 25 === 0 && i > 0 ? 'SEGMENT' : 'COMPANY';
    const id = `syn-${i}`;
    nodes.push({
      id, kind, label: `Synthetic Company ${i}`, labelZh: `合成企业 ${i}`, side, distance: Math.abs(column),
      degree: 1 + Math.floor(next() * 40), stage: 'scaleup', employees: Math.floor(10 + next() * 20_000),
      tier: null, trl: null, regionId: null, regionName: null, regionNameZh: null, clusterIds: [],
    });
    byColumn.set(column, [...(byColumn.get(column) ?? []), id]);
  }
  const pick = (column: number) => {
    const ids = byColumn.get(column) ?? byColumn.get(0)!;
    return ids[Math.floor(next() * ids.length)]!;
  };
  const edges: GraphEdge[] = [];
  for (let i = 0; i < edgeCount; i++) {
    // Goods flow from column c to c + 1, upstream towards the focus and on downstream.
    const column = Math.floor(next() * (2 * depth)) - depth;
    edges.push({
      id: `syn-e${i}`, source: pick(column), target: pick(column + 1), type: 'SUPPLIES', product: 'parts',
      provenance: { source: 'synthetic', confidence: 0.9, asOf: '2025-01-01' },
    });
  }
  return { focusId: 'syn-0', nodes, edges, truncated: true, totalNodes: nodeCount * 4, totalIsLowerBound: false };
}
