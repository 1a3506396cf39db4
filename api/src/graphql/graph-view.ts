// Turns the nodes and edges a view statement read (cypher/partials/view-elements.cypher) into
// the GraphView shape the web app feeds to Cytoscape.
import { kindOf } from '../domain.ts';

export interface ElementNode {
  id: string; label: string; props: Record<string, unknown>;
  regionId: string | null; regionName: string | null; regionNameZh: string | null; clusterIds: string[]; degree: number;
  /** UPSTREAM or DOWNSTREAM of the focus when the statement says so; otherwise CONTEXT (or FOCUS). */
  side?: Side | null;
}

export type Side = 'FOCUS' | 'UPSTREAM' | 'DOWNSTREAM' | 'CONTEXT';

export interface GraphView {
  focusId: string | null;
  nodes: GraphNode[];
  edges: GraphEdgeView[];
  truncated: boolean;
  totalNodes: number;
  totalIsLowerBound: boolean;
}

export interface GraphNode {
  id: string; kind: string; label: string; labelZh: string | null; side: Side; distance: number | null;
  degree: number; stage: unknown; employees: unknown; tier: unknown; trl: unknown;
  regionId: string | null; regionName: string | null; regionNameZh: string | null; clusterIds: string[];
}

export interface GraphEdgeView {
  id: string; source: string; target: string; type: string; product: unknown;
  provenance: { source: unknown; confidence: unknown; asOf: unknown };
}

/** Edges are read straight into their final shape: a 500-node view has ~1,400 of them. */
export type ElementEdge = GraphEdgeView;

/** A relationship is unique per its ends and type (imports and edits merge on them), so they name it. */
export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/** An edge between two ids, with its relationship's properties (those it lacks are null). */
export function toEdge(source: string, type: string, target: string, props: Record<string, unknown> = {}): GraphEdgeView {
  return {
    id: edgeId(source, type, target), source, target, type, product: props.product ?? null,
    provenance: { source: props.source ?? null, confidence: props.confidence ?? null, asOf: props.asOf ?? null },
  };
}

interface ViewInput {
  focusId: string | null;
  nodes: ElementNode[];
  edges: ElementEdge[];
  /** Distances follow the flow: upstream nodes are reached against it, downstream ones with it. */
  directed?: boolean;
  /** Relationship types along which distance from the focus is measured; empty = all. */
  distanceTypes?: string[];
  truncated: boolean;
  totalNodes?: number;
  /** The count stopped at its cap: the full answer has at least totalNodes nodes. */
  totalIsLowerBound?: boolean;
}

export function buildGraphView(input: ViewInput): GraphView {
  const distances = new Map<string, number>();
  if (input.focusId) {
    const types = input.distanceTypes ?? [];
    const walks = input.directed
      ? [hopDistances(input.focusId, input.edges, types, 'in'), hopDistances(input.focusId, input.edges, types, 'out')]
      : [hopDistances(input.focusId, input.edges, types, 'both')];
    for (const walk of walks) {
      for (const [id, d] of walk) distances.set(id, Math.min(d, distances.get(id) ?? d));
    }
  }
  const nodes = input.nodes.map((n): GraphNode => {
    const side: Side = n.id === input.focusId ? 'FOCUS' : n.side === 'UPSTREAM' || n.side === 'DOWNSTREAM' ? n.side : 'CONTEXT';
    return {
      id: n.id,
      kind: kindOf(n.label),
      label: String(n.props.name ?? n.id),
      labelZh: (n.props.nameZh as string | undefined) ?? null,
      side,
      distance: distances.get(n.id) ?? null,
      degree: n.degree,
      stage: n.props.stage ?? null,
      employees: n.props.employees ?? null,
      tier: n.props.tier ?? null,
      trl: n.props.trl ?? null,
      regionId: n.regionId,
      regionName: n.regionName,
      regionNameZh: n.regionNameZh,
      clusterIds: n.clusterIds,
    };
  });
  return {
    focusId: input.focusId,
    nodes,
    edges: input.edges,
    truncated: input.truncated,
    totalNodes: Math.max(input.totalNodes ?? nodes.length, nodes.length),
    totalIsLowerBound: input.totalIsLowerBound ?? false,
  };
}

/**
 * Breadth-first hop counts from the focus over edges of the given types (empty = all):
 * 'out' follows edges forward (downstream), 'in' backward (upstream), 'both' ignores direction.
 */
export function hopDistances(focusId: string, edges: ElementEdge[], types: string[], follow: 'in' | 'out' | 'both'): Map<string, number> {
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const e of edges) {
    if (types.length && !types.includes(e.type)) continue;
    if (follow !== 'in') link(e.source, e.target);
    if (follow !== 'out') link(e.target, e.source);
  }
  const distances = new Map([[focusId, 0]]);
  let frontier = [focusId];
  for (let hops = 1; frontier.length; hops += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of adjacency.get(id) ?? []) {
        if (distances.has(neighbour)) continue;
        distances.set(neighbour, hops);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return distances;
}
