// supplyChain, neighborhood and connectionPath: each answers with a GraphView in a fixed,
// small number of Cypher statements (one for the first two), whatever the depth or the size of the result.
import { RELATIONSHIP_TYPES, labelOfKind } from '../domain.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.ts';
import { badInput, notFound } from './errors.ts';
import { graphElements, readView } from './graph-elements.ts';
import { buildGraphView, toEdge } from './graph-view.ts';
import { LIMITS, checkId, checkList, checkRange } from './limits.ts';
import { viewReads } from './selection.ts';

type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/** A step of a connection path as connection-path.cypher returns it. */
interface PathEdge { source: string; target: string; type: string; props: Record<string, unknown> }

/** How far a supply chain walk counts each side before it reports "at least". */
export const COUNT_CAP = 2_000;

interface SupplyChainArgs {
  id: string; direction: Direction; depth: number; limit: number;
  filter?: { regionId?: string | null; clusterId?: string | null; kinds?: string[] | null } | null;
}

/** Relations that connect people and organisations, preferred when explaining a connection. */
export const BUSINESS_TYPES = ['SUPPLIES', 'TRANSFERRED_TO', 'WORKS_AT', 'INCUBATES', 'DEVELOPS', 'ALUMNUS_OF'];

export const graphQueries = {
  async supplyChain(_: unknown, args: SupplyChainArgs, ctx: Context, info: GraphQLResolveInfo) {
    checkId('id', args.id);
    const depth = checkRange('depth', args.depth, 1, LIMITS.supplyChainDepth);
    const limit = checkRange('limit', args.limit, 1, LIMITS.graphNodes);
    const contextLabels = checkList('filter.kinds', args.filter?.kinds ?? [], LIMITS.kinds).map(labelOfKind);
    const filters = { regionId: args.filter?.regionId ?? null, clusterId: args.filter?.clusterId ?? null };
    // One more than we show on each side tells us whether the view was cut; the walk goes on
    // to COUNT_CAP nodes a side to say how big the full answer is (or that it is at least that).
    const cap = Math.max(COUNT_CAP, limit + 1);
    const upCap = args.direction === 'DOWNSTREAM' ? 0 : cap;
    const downCap = args.direction === 'UPSTREAM' ? 0 : cap;
    const { nodes, edges, header } = await readView(
      ctx, 'supply-chain', { id: args.id, upCap, downCap, shownLimit: limit + 1, room: limit - 1, ...filters }, { depth },
      { contextLabels, ...viewReads(info) },
    );
    if (!header) throw notFound('id', args.id);
    const [focusLabel, upReached, downReached, truncated, regionKnown, clusterKnown] = header as [string, number, number, boolean, boolean, boolean];
    if (!regionKnown) throw notFound('filter.regionId', filters.regionId!, 'region');
    if (!clusterKnown) throw notFound('filter.clusterId', filters.clusterId!, 'cluster');
    if (!['Company', 'Segment', 'Chain'].includes(focusLabel)) {
      throw badInput('id', `names a ${focusLabel}; supplyChain starts from a Company, Segment or Chain`);
    }
    return buildGraphView({
      focusId: args.id, nodes, edges,
      directed: true,
      distanceTypes: focusLabel === 'Company' ? ['SUPPLIES'] : ['FEEDS', 'PART_OF'],
      truncated, totalNodes: 1 + upReached + downReached,
      totalIsLowerBound: upReached >= cap || downReached >= cap,
    });
  },

  async neighborhood(_: unknown, args: { id: string; depth: number; kinds?: string[] | null; limit: number }, ctx: Context, info: GraphQLResolveInfo) {
    checkId('id', args.id);
    const depth = checkRange('depth', args.depth, 1, LIMITS.neighborhoodDepth);
    const limit = checkRange('limit', args.limit, 1, LIMITS.graphNodes);
    const labels = checkList('kinds', args.kinds ?? [], LIMITS.kinds).map(labelOfKind);
    const { nodes, edges, header } = await readView(
      ctx, 'neighborhood', { id: args.id, labels, limit }, { depth }, viewReads(info),
    );
    if (header === null) throw notFound('id', args.id);
    return buildGraphView({ focusId: args.id, nodes, edges, truncated: header as boolean });
  },

  async connectionPath(_: unknown, args: { fromId: string; toId: string; maxHops: number }, ctx: Context) {
    checkId('fromId', args.fromId);
    checkId('toId', args.toId);
    const maxHops = checkRange('maxHops', args.maxHops, 1, LIMITS.maxHops);
    if (args.fromId === args.toId) throw badInput('toId', 'must differ from fromId');
    const [found] = await ctx.reader.read(
      'connection-path',
      { fromId: args.fromId, toId: args.toId },
      { maxHops, businessTypes: BUSINESS_TYPES.join('|'), anyTypes: RELATIONSHIP_TYPES.join('|') },
    );
    if (!found?.fromKnown) throw notFound('fromId', args.fromId);
    if (!found.toKnown) throw notFound('toId', args.toId);
    const seen = new Set<string>();
    const paths = (found.paths as Record<string, unknown>[])
      .map((p) => ({
        nodeIds: p.nodeIds as string[],
        edges: (p.edges as PathEdge[]).map((e) => toEdge(e.source, e.type, e.target, e.props)),
      }))
      .filter((p) => {
        const key = p.edges.map((e) => e.id).join(',');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, 3)
      .map((p) => ({ ...p, length: p.edges.length, business: p.edges.every((e) => BUSINESS_TYPES.includes(e.type)) }));
    const ids = [...new Set(paths.flatMap((p) => p.nodeIds))];
    const elements = ids.length ? await graphElements(ctx, ids) : { nodes: [], edges: [] };
    const pathEdgeIds = new Set(paths.flatMap((p) => p.edges.map((e) => e.id)));
    const graph = buildGraphView({
      focusId: args.fromId, nodes: elements.nodes,
      edges: elements.edges.filter((e) => pathEdgeIds.has(e.id)),
      truncated: false,
    });
    return { paths, graph };
  },
};

