// Reads the rows of a GraphView statement (one list per node with its outgoing relationships,
// see cypher/partials/view-elements.cypher) into the nodes and edges buildGraphView takes.
import type { Context } from './context.ts';
import { toEdge, type ElementEdge, type ElementNode, type Side } from './graph-view.ts';
import { LIMITS } from './limits.ts';

/** Provenance (source, confidence, asOf) is there only when the statement was asked for it. */
type OutEdge = [target: string, type: string, product: unknown, source?: unknown, confidence?: unknown, asOf?: unknown];

export interface ViewOptions {
  /** Labels of the nodes attached to the view's core to add as CONTEXT. */
  contextLabels?: string[];
  /** A 500-node view has ~1,400 edges, and their four provenance properties are a third of the work. */
  provenance?: boolean;
  /** The nodes' Chinese name, stage, employees, tier, TRL, region names and clusters. */
  details?: boolean;
}

export interface ViewElements {
  nodes: ElementNode[];
  edges: ElementEdge[];
  /** The statement's own header (first row), or null when it found no node. */
  header: unknown;
}

type Details = [
  nameZh: unknown, stage: unknown, employees: unknown, tier: unknown, trl: unknown, regionName: string | null, clusterIds: string[], regionNameZh: string | null,
];
const NO_DETAILS: Details = [null, null, null, null, null, null, [], null];

/** Runs a statement that ends with {{> view-elements}} and reads its nodes, edges and header. */
export async function readView(
  ctx: Context, statement: string, params: Record<string, unknown>, bounds: Record<string, number | string> = {}, options: ViewOptions = {},
): Promise<ViewElements> {
  const { contextLabels = [], provenance = true, details = true } = options;
  const rows = await ctx.reader.read(statement, { ...params, contextLabels, contextLimit: LIMITS.contextNodes, provenance, details }, bounds);
  const nodes: ViewElements['nodes'] = [];
  const edges: ElementEdge[] = [];
  for (const row of rows) {
    const [id, side, label, name, regionId, degree, out, more] = row.node as [
      string, Side | null, string, unknown, string | null, number, OutEdge[], Details | null,
    ];
    const [nameZh, stage, employees, tier, trl, regionName, clusterIds, regionNameZh] = more ?? NO_DETAILS;
    nodes.push({ id, side, label, props: { name, nameZh, stage, employees, tier, trl }, regionId, regionName, regionNameZh, clusterIds, degree });
    for (const [target, type, product, source, confidence, asOf] of out) {
      edges.push(toEdge(id, type, target, { product, source, confidence, asOf }));
    }
  }
  return { nodes, edges, header: rows[0]?.header ?? null };
}

/** The nodes with these ids and the edges among them. */
export async function graphElements(ctx: Context, ids: string[], options: ViewOptions = {}) {
  return readView(ctx, 'graph-elements', { ids }, {}, options);
}
