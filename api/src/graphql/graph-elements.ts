// Reads the graph-elements rows (one list per node with its outgoing relationships, see
// cypher/queries/graph-elements.cypher) into the nodes and edges buildGraphView takes.
import type { Context } from './context.ts';
import { edgeId, type ElementEdge, type ElementNode } from './graph-view.ts';
import { LIMITS } from './limits.ts';

/** Provenance (source, confidence, asOf) is there only when the statement was asked for it. */
type OutEdge = [target: string, type: string, product: unknown, source?: unknown, confidence?: unknown, asOf?: unknown];

/**
 * The nodes of a view and the edges among them. Edges' provenance is read only when asked for
 * (a 500-node view has ~1,400 edges, and their four properties are a third of the work).
 */
export async function graphElements(ctx: Context, ids: string[], options: { contextLabels?: string[]; provenance?: boolean } = {}) {
  const { contextLabels = [], provenance = true } = options;
  const rows = await ctx.reader.read('graph-elements', { ids, contextLabels, contextLimit: LIMITS.contextNodes, provenance });
  const nodes: ElementNode[] = [];
  const edges: ElementEdge[] = [];
  for (const row of rows) {
    const [id, label, name, nameZh, stage, employees, tier, trl, region, clusterIds, degree, out] = row.node as [
      string, string, unknown, unknown, unknown, unknown, unknown, unknown, [string, string] | null, string[], number, OutEdge[],
    ];
    nodes.push({
      id, label, props: { name, nameZh, stage, employees, tier, trl },
      regionId: region?.[0] ?? null, regionName: region?.[1] ?? null, clusterIds, degree,
    });
    for (const [target, type, product, source, confidence, asOf] of out) {
      edges.push({ id: edgeId(id, type, target), source: id, target, type, props: { product, source, confidence, asOf } });
    }
  }
  return { nodes, edges };
}
