// Reads the rows of a GraphView statement (one list per node with its outgoing relationships,
// see cypher/partials/view-elements.cypher) into the nodes and edges buildGraphView takes.
import type { Context } from './context.ts';
import { edgeId, type ElementEdge, type ElementNode, type Side } from './graph-view.ts';
import { LIMITS } from './limits.ts';

/** Provenance (source, confidence, asOf) is there only when the statement was asked for it. */
type OutEdge = [target: string, type: string, product: unknown, source?: unknown, confidence?: unknown, asOf?: unknown];

export interface ViewOptions {
  /** Labels of the nodes attached to the view's core to add as CONTEXT. */
  contextLabels?: string[];
  /** A 500-node view has ~1,400 edges, and their four provenance properties are a third of the work. */
  provenance?: boolean;
}

export interface ViewElements {
  nodes: (ElementNode & { side: Side | null })[];
  edges: ElementEdge[];
  /** The statement's own header (first row), or null when it found no node. */
  header: unknown;
}

/** Runs a statement that ends with {{> view-elements}} and reads its nodes, edges and header. */
export async function readView(
  ctx: Context, statement: string, params: Record<string, unknown>, bounds: Record<string, number | string> = {}, options: ViewOptions = {},
): Promise<ViewElements> {
  const { contextLabels = [], provenance = true } = options;
  const rows = await ctx.reader.read(statement, { ...params, contextLabels, contextLimit: LIMITS.contextNodes, provenance }, bounds);
  const nodes: ViewElements['nodes'] = [];
  const edges: ElementEdge[] = [];
  for (const row of rows) {
    const [id, side, label, name, nameZh, stage, employees, tier, trl, region, clusterIds, degree, out] = row.node as [
      string, Side | null, string, unknown, unknown, unknown, unknown, unknown, unknown, [string, string] | null, string[], number, OutEdge[],
    ];
    nodes.push({
      id, side, label, props: { name, nameZh, stage, employees, tier, trl },
      regionId: region?.[0] ?? null, regionName: region?.[1] ?? null, clusterIds, degree,
    });
    for (const [target, type, product, source, confidence, asOf] of out) {
      edges.push({ id: edgeId(id, type, target), source: id, target, type, props: { product, source, confidence, asOf } });
    }
  }
  return { nodes, edges, header: rows[0]?.header ?? null };
}

/** The nodes with these ids and the edges among them. */
export async function graphElements(ctx: Context, ids: string[], options: ViewOptions = {}) {
  return readView(ctx, 'graph-elements', { ids }, {}, options);
}
