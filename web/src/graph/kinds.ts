// How each kind of entity and each relationship type looks, in the graph, the legend and search.
import type { EntityKind } from '../api/types.ts';

export type NodeShape =
  | 'round-rectangle' | 'diamond' | 'ellipse' | 'hexagon' | 'barrel' | 'rectangle'
  | 'octagon' | 'triangle' | 'tag' | 'star';

export interface KindStyle {
  color: string;
  shape: NodeShape;
  /** A short mark shown in search results and the legend. */
  mark: string;
}

export const KIND_STYLES: Record<EntityKind, KindStyle> = {
  COMPANY: { color: '#2563eb', shape: 'round-rectangle', mark: 'Co' },
  LAB: { color: '#9333ea', shape: 'diamond', mark: 'Lb' },
  TALENT: { color: '#db2777', shape: 'ellipse', mark: 'Ta' },
  TECHNOLOGY: { color: '#059669', shape: 'hexagon', mark: 'Te' },
  CHAIN: { color: '#b45309', shape: 'barrel', mark: 'Ch' },
  SEGMENT: { color: '#d97706', shape: 'rectangle', mark: 'Sg' },
  CLUSTER: { color: '#0891b2', shape: 'octagon', mark: 'Cl' },
  REGION: { color: '#64748b', shape: 'triangle', mark: 'Rg' },
  POLICY: { color: '#dc2626', shape: 'tag', mark: 'Po' },
  INCUBATOR: { color: '#65a30d', shape: 'star', mark: 'In' },
};

/** Kinds that supplyChain can centre on; others open as a neighbourhood. */
export const CHAIN_KINDS: readonly EntityKind[] = ['COMPANY', 'SEGMENT', 'CHAIN'];

/** Kinds the chain view can add beside the chain (GraphFilter.kinds). */
export const CONTEXT_KINDS: readonly EntityKind[] = [
  'SEGMENT', 'TECHNOLOGY', 'LAB', 'TALENT', 'CLUSTER', 'REGION', 'INCUBATOR', 'POLICY', 'COMPANY', 'CHAIN',
];

export interface EdgeStyle {
  color: string;
  width: number;
  line: 'solid' | 'dashed' | 'dotted';
}

/** Goods flow along SUPPLIES (supplier → customer) and FEEDS (segment → next segment). */
export const FLOW_TYPES = new Set(['SUPPLIES', 'FEEDS']);

export const EDGE_STYLES: Record<string, EdgeStyle> = {
  SUPPLIES: { color: '#1e3a8a', width: 2.5, line: 'solid' },
  FEEDS: { color: '#b45309', width: 2.5, line: 'solid' },
  TRANSFERRED_TO: { color: '#9333ea', width: 1.5, line: 'solid' },
  OPERATES_IN: { color: '#d97706', width: 1, line: 'dotted' },
  PART_OF: { color: '#d97706', width: 1, line: 'dotted' },
  DEVELOPS: { color: '#059669', width: 1.5, line: 'solid' },
  USES: { color: '#059669', width: 1, line: 'dashed' },
  NEEDS: { color: '#059669', width: 1, line: 'dotted' },
  APPLIES_TO: { color: '#059669', width: 1, line: 'dotted' },
  WORKS_AT: { color: '#db2777', width: 1, line: 'dashed' },
  EXPERT_IN: { color: '#db2777', width: 1, line: 'dotted' },
  ALUMNUS_OF: { color: '#db2777', width: 1, line: 'dotted' },
  INCUBATES: { color: '#65a30d', width: 1.5, line: 'solid' },
  MEMBER_OF: { color: '#0891b2', width: 1, line: 'dotted' },
  FOCUSES_ON: { color: '#0891b2', width: 1, line: 'dotted' },
  LOCATED_IN: { color: '#94a3b8', width: 1, line: 'dotted' },
  WITHIN: { color: '#94a3b8', width: 1, line: 'dotted' },
  TARGETS: { color: '#dc2626', width: 1, line: 'dashed' },
  ISSUED_BY: { color: '#dc2626', width: 1, line: 'dotted' },
};

