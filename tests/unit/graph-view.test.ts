import { describe, expect, it } from 'vitest';
import { buildGraphView, hopDistances, toEdge, type ElementEdge, type ElementNode } from '../../api/src/graphql/graph-view.ts';

const edge = (source: string, target: string, type = 'SUPPLIES'): ElementEdge => toEdge(source, type, target, { source: 'test', confidence: 0.5, asOf: '2024-01-01', product: 'x' });
const node = (id: string, label = 'Company'): ElementNode => ({ id, label, props: { name: id.toUpperCase() }, regionId: null, regionName: null, regionNameZh: null, clusterIds: [], degree: 1 });

describe('hopDistances', () => {
  // a → b → f → d, and u → d: u is not upstream of f, so walking against the flow never reaches it.
  const edges = [edge('a', 'b'), edge('b', 'f'), edge('f', 'd'), edge('u', 'd'), edge('f', 's', 'OPERATES_IN')];

  it('walks against the flow for upstream and with it for downstream', () => {
    expect(Object.fromEntries(hopDistances('f', edges, ['SUPPLIES'], 'in'))).toEqual({ f: 0, b: 1, a: 2 });
    expect(Object.fromEntries(hopDistances('f', edges, ['SUPPLIES'], 'out'))).toEqual({ f: 0, d: 1 });
  });

  it('ignores direction and type when asked to', () => {
    expect(hopDistances('f', edges, [], 'both').get('u')).toBe(2);
    expect(hopDistances('f', edges, [], 'both').get('s')).toBe(1);
  });
});

describe('buildGraphView', () => {
  it('marks sides, distances, provenance and keeps the total', () => {
    const view = buildGraphView({
      focusId: 'f',
      nodes: [node('f'), { ...node('b'), side: 'UPSTREAM' }, { ...node('a'), side: 'UPSTREAM' }, { ...node('d'), side: 'DOWNSTREAM' }],
      edges: [edge('a', 'b'), edge('b', 'f'), edge('f', 'd')],
      directed: true, distanceTypes: ['SUPPLIES'],
      truncated: true, totalNodes: 10,
    });
    expect(view.nodes.map((n) => [n.id, n.side, n.distance, n.kind, n.label])).toEqual([
      ['f', 'FOCUS', 0, 'COMPANY', 'F'], ['b', 'UPSTREAM', 1, 'COMPANY', 'B'],
      ['a', 'UPSTREAM', 2, 'COMPANY', 'A'], ['d', 'DOWNSTREAM', 1, 'COMPANY', 'D'],
    ]);
    expect(view.edges[0]).toEqual({ id: 'a|SUPPLIES|b', source: 'a', target: 'b', type: 'SUPPLIES', product: 'x', provenance: { source: 'test', confidence: 0.5, asOf: '2024-01-01' } });
    expect(view).toMatchObject({ truncated: true, totalNodes: 10 });
  });
});
