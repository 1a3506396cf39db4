// Reads the graph-elements rows (one list per node or edge, see cypher/queries/graph-elements.cypher)
// into the nodes and edges buildGraphView takes.
import type { Context } from './context.ts';
import { edgeId, type ElementEdge, type ElementNode } from './graph-view.ts';
import { LIMITS } from './limits.ts';

export async function graphElements(ctx: Context, ids: string[], contextLabels: string[] = []) {
  const rows = await ctx.reader.read('graph-elements', { ids, contextLabels, contextLimit: LIMITS.contextNodes });
  const nodes: ElementNode[] = [];
  const edges: ElementEdge[] = [];
  for (const row of rows) {
    const e = row.element as unknown[];
    if (row.kind === 'node') {
      const [id, label, name, nameZh, stage, employees, tier, trl, regionId, regionName, clusterIds, degree] = e;
      nodes.push({
        id: id as string, label: label as string, props: { name, nameZh, stage, employees, tier, trl },
        regionId: regionId as string | null, regionName: regionName as string | null,
        clusterIds: clusterIds as string[], degree: degree as number,
      });
    } else {
      const [source, target, type, product, provenance, confidence, asOf] = e as [string, string, string, ...unknown[]];
      edges.push({ id: edgeId(source, type, target), source, target, type, props: { product, source: provenance, confidence, asOf } });
    }
  }
  return { nodes, edges };
}
