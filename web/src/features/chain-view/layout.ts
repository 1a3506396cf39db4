// Where nodes go. A supply chain reads left to right: each node gets a column from its side and
// distance (upstream -d … focus 0 … downstream +d), and ELK's layered algorithm (direction RIGHT,
// one partition per column) orders each column to keep crossings down. ELK runs in a worker so
// the page stays responsive; past ELK_MAX_NODES the columns are stacked directly instead.
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { GraphEdge, GraphNode } from '../../api/types.ts';
import { LABEL_MAX_WIDTH } from './cy-style.ts';

export interface Point { x: number; y: number }

export interface LayoutNode {
  id: string;
  size: number;
  label: string;
  node: GraphNode;
}

/** ELK takes about 1.5 s for 300 nodes and 3 s for 500 on a slow machine; past this, columns. */
export const ELK_MAX_NODES = 400;
const COLUMN_GAP = 200;
const SUB_COLUMN_GAP = 170;
const ROW_GAP = 36;

let elk: InstanceType<typeof ELK> | undefined;

function elkInstance(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  return elk;
}

/** Column of each node: from side and distance, and for context nodes that of a neighbour. */
export function columns(nodes: GraphNode[], edges: GraphEdge[]): Map<string, number> | undefined {
  const column = new Map<string, number>();
  for (const n of nodes) {
    if (n.side === 'FOCUS') column.set(n.id, 0);
    else if (n.side === 'UPSTREAM' && n.distance !== null) column.set(n.id, -n.distance);
    else if (n.side === 'DOWNSTREAM' && n.distance !== null) column.set(n.id, n.distance);
  }
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  if (column.size <= 1 && !ringColumns(nodes, edges, column)) return undefined;
  // Context nodes sit beside what they are attached to, spreading out from the chain.
  for (let pass = 0; pass < 3; pass++) {
    for (const n of nodes) {
      if (column.has(n.id)) continue;
      const placed = (neighbours.get(n.id) ?? []).map((id) => column.get(id)).filter((c) => c !== undefined);
      if (placed.length) column.set(n.id, placed.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)));
    }
  }
  for (const n of nodes) if (!column.has(n.id)) column.set(n.id, 0);
  return column;
}

/**
 * A neighbourhood has no upstream or downstream, only hops from the focus: a node d hops away
 * goes d columns to the left when its relation points towards the focus (a lab that develops
 * the technology in focus), to the right otherwise. False when there are no hop counts.
 */
function ringColumns(nodes: GraphNode[], edges: GraphEdge[], column: Map<string, number>): boolean {
  const focus = nodes.find((n) => n.side === 'FOCUS');
  if (!focus || !nodes.some((n) => n.side === 'CONTEXT' && n.distance !== null)) return false;
  const distance = new Map(nodes.map((n) => [n.id, n.distance]));
  const byDistance = [...nodes].filter((n) => n.distance !== null).sort((a, b) => a.distance! - b.distance!);
  for (const n of byDistance) {
    if (n.distance === 0) continue;
    const towards = edges.find((e) => e.source === n.id && distance.get(e.target) === n.distance! - 1);
    const parent = towards?.target
      ?? edges.find((e) => e.target === n.id && distance.get(e.source) === n.distance! - 1)?.source;
    const parentSide = Math.sign(column.get(parent ?? '') ?? 0);
    const side = parentSide !== 0 ? parentSide : towards ? -1 : 1;
    column.set(n.id, side * n.distance!);
  }
  return true;
}

function labelWidth(label: string): number {
  // Wide (CJK) characters take about twice the room of Latin ones at 12px.
  let width = 0;
  for (const ch of label) width += ch.charCodeAt(0) > 0x2e80 ? 12 : 6.8;
  return Math.min(LABEL_MAX_WIDTH, width) + 6;
}

/** Positions (node centres) from ELK layered. */
export async function elkPositions(nodes: LayoutNode[], edges: GraphEdge[]): Promise<Map<string, Point>> {
  const column = columns(nodes.map((n) => n.node), edges);
  const minColumn = column ? Math.min(...column.values()) : 0;
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '16',
      'elk.spacing.componentComponent': '40',
      // Cytoscape draws its own edges; orthogonal routing would only widen the gaps between layers.
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      // Brandes-Köpf and fewer crossing-minimisation sweeps keep a 300-node view near a second.
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.thoroughness': '3',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.partitioning.activate': column ? 'true' : 'false',
      // Disconnected pieces (filters can cut a chain) keep their columns only in one layout.
      'elk.separateConnectedComponents': column ? 'false' : 'true',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.size + labelWidth(n.label),
      height: Math.max(n.size, 16),
      layoutOptions: {
        // Nodes line up on the left of their layer whatever the length of their label.
        'elk.alignment': 'LEFT',
        ...(column ? { 'elk.partitioning.partition': String(column.get(n.id)! - minColumn) } : {}),
      },
    })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await elkInstance().layout(graph);
  const sizes = new Map(nodes.map((n) => [n.id, n.size]));
  const positions = new Map<string, Point>();
  for (const child of result.children ?? []) {
    // The box is the node and its label on the right: the node's centre is in its left part.
    const size = sizes.get(child.id) ?? 0;
    positions.set(child.id, { x: (child.x ?? 0) + size / 2, y: (child.y ?? 0) + (child.height ?? 0) / 2 });
  }
  return positions;
}

/** Positions for big views: one column per side/distance, nodes stacked in each, no layout engine. */
export function columnPositions(nodes: LayoutNode[], edges: GraphEdge[]): Map<string, Point> {
  const column = columns(nodes.map((n) => n.node), edges) ?? new Map(nodes.map((n) => [n.id, 0]));
  const byColumn = new Map<number, LayoutNode[]>();
  for (const n of nodes) {
    const c = column.get(n.id) ?? 0;
    byColumn.set(c, [...(byColumn.get(c) ?? []), n]);
  }
  // Tall columns wrap into several sub-columns so the picture stays roughly landscape.
  const perSub = Math.max(20, Math.ceil(Math.sqrt(nodes.length) * 1.5));
  const order = [...byColumn.keys()].sort((a, b) => a - b);
  const subs = new Map(order.map((c) => [c, Math.ceil(byColumn.get(c)!.length / perSub)]));
  // Columns sit side by side, as wide as their sub-columns; the focus column is centred on x = 0.
  const left = new Map<number, number>();
  let x = 0;
  for (const c of order) {
    left.set(c, x);
    x += subs.get(c)! * SUB_COLUMN_GAP + COLUMN_GAP;
  }
  const shift = (left.get(0) ?? 0) + ((subs.get(0) ?? 1) * SUB_COLUMN_GAP) / 2;
  const positions = new Map<string, Point>();
  for (const c of order) {
    const members = byColumn.get(c)!;
    members.forEach((n, i) => {
      const sub = Math.floor(i / perSub);
      const rows = Math.min(perSub, members.length - sub * perSub);
      positions.set(n.id, {
        x: left.get(c)! + sub * SUB_COLUMN_GAP - shift,
        y: (i % perSub - (rows - 1) / 2) * ROW_GAP,
      });
    });
  }
  return positions;
}

/**
 * Places nodes that an expansion added next to the node that was expanded, leaving every other
 * node where it is: its suppliers on its left, everything else on its right, in a column.
 */
export function aroundPositions(anchor: Point, anchorId: string, added: LayoutNode[], edges: GraphEdge[]): Map<string, Point> {
  const suppliers = new Set(edges.filter((e) => e.target === anchorId).map((e) => e.source));
  const left = added.filter((n) => suppliers.has(n.id));
  const right = added.filter((n) => !suppliers.has(n.id));
  const positions = new Map<string, Point>();
  for (const [group, side] of [[left, -1], [right, 1]] as const) {
    group.forEach((n, i) => {
      positions.set(n.id, { x: anchor.x + side * 220, y: anchor.y + (i - (group.length - 1) / 2) * 48 });
    });
  }
  return positions;
}
