// Downloads of the current view: the picture as PNG, the visible nodes and edges as one CSV, and
// the answer views' tables as CSV.
import type { GraphEdge, GraphNode } from '../../api/types.ts';

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const CSV_COLUMNS = [
  'element', 'id', 'kind_or_type', 'label', 'label_zh', 'side', 'distance', 'degree', 'region_id', 'region', 'region_zh',
  'source', 'target', 'product', 'provenance_source', 'confidence', 'as_of',
] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One table, one row per node then per edge, with an `element` column telling which. */
export function toCsv(nodes: GraphNode[], edges: GraphEdge[]): string {
  const rows: unknown[][] = [
    ...nodes.map((n) => ['node', n.id, n.kind, n.label, n.labelZh, n.side, n.distance, n.degree, n.regionId, n.regionName, n.regionNameZh]),
    ...edges.map((e) => [
      'edge', e.id, e.type, '', '', '', '', '', '', '', '', e.source, e.target, e.product,
      e.provenance.source, e.provenance.confidence, e.provenance.asOf,
    ]),
  ];
  return tableCsv(CSV_COLUMNS, rows);
}

/** A header and rows as CSV (RFC 4180: quoted where needed, CRLF line ends). */
export function tableCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Downloads CSV text with a byte-order mark, so spreadsheet programs read Chinese names right. */
export function downloadCsv(csv: string, filename: string): void {
  download(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), filename);
}

export function fileStem(focus: string | null): string {
  return `chainscope-${(focus ?? 'view').replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}
