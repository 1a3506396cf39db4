// Cytoscape's stylesheet: shape and colour by kind, size by data(size), edges by type, with
// arrows pointing where goods flow (a SUPPLIES edge runs from supplier to customer).
import type { StylesheetStyle } from 'cytoscape';
import type { EntityKind } from '../../api/types.ts';
import { EDGE_STYLES, FLOW_TYPES, KIND_STYLES } from '../../graph/kinds.ts';

/** Labels are cut with an ellipsis past this width; the layout reserves the same room. */
export const LABEL_MAX_WIDTH = 140;

export function graphStyle(big: boolean): StylesheetStyle[] {
  const kinds = (Object.entries(KIND_STYLES) as [EntityKind, (typeof KIND_STYLES)[EntityKind]][]).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: s.shape, 'background-color': s.color },
  }));
  const edges = Object.entries(EDGE_STYLES).map(([type, s]) => ({
    selector: `edge[type = "${type}"]`,
    style: {
      'line-color': s.color,
      'target-arrow-color': s.color,
      width: s.width,
      'line-style': s.line,
      'arrow-scale': FLOW_TYPES.has(type) ? 1.1 : 0.7,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, "Noto Sans SC", "Microsoft YaHei", sans-serif',
        color: '#1f2937',
        // Labels to the right: a chain runs left to right, so rows stay short and columns wide.
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': big ? 0 : 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': big ? 9 : 6,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...kinds,
    { selector: 'node[side = "CONTEXT"]', style: { opacity: 0.85 } },
    {
      selector: 'node[side = "FOCUS"]',
      style: { 'border-width': 3, 'border-color': '#111827', 'font-weight': 'bold', 'font-size': 13 },
    },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#334155' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b', 'overlay-opacity': 0 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'curve-style': big ? 'straight' : 'bezier',
        'line-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#94a3b8',
        'line-style': 'dashed',
        opacity: 0.9,
      },
    },
    ...edges,
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}
