// Cytoscape wrapped in one component: it takes a GraphView and draws it, adding and removing
// only what changed so existing nodes keep their places. Everything else about the view (what to
// load, what is selected) lives in the store; this component only reports clicks.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { GraphEdge, GraphNode, GraphView } from '../../api/types.ts';
import { STRINGS, displayName, type Lang } from '../../i18n/strings.ts';
import type { LayoutRequest } from '../../store/store.ts';
import { graphStyle } from './cy-style.ts';
import { ELK_MAX_NODES, aroundPositions, columnPositions, elkPositions, type LayoutNode, type Point } from './layout.ts';
import { Tooltip, type TooltipTarget } from './Tooltip.tsx';

/** Past this many elements the renderer trades detail for speed (and uses WebGL where it can). */
export const BIG_VIEW_ELEMENTS = 1000;

export interface CanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  png(): Promise<Blob>;
  /** The nodes and edges currently drawn. */
  visible(): { nodes: GraphNode[]; edges: GraphEdge[] };
  /** True when the last view given has been drawn and laid out. */
  idle(): boolean;
  /** The Cytoscape instance, for the browser tests' measurements. */
  core(): Core | null;
}

interface Props {
  view: GraphView | null;
  layout: LayoutRequest;
  lang: Lang;
  selected: string | null;
  expanded: readonly string[];
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  ref?: Ref<CanvasHandle>;
}

export function nodeSize(n: GraphNode): number {
  const base = n.kind === 'COMPANY' && n.employees
    ? 14 + 5 * Math.log10(1 + n.employees)
    : 14 + 3 * Math.log2(1 + n.degree);
  return Math.round(Math.min(40, base) + (n.side === 'FOCUS' ? 8 : 0));
}

/**
 * WebGL helps only with a real GPU: on a software rasteriser (SwiftShader, llvmpipe — headless
 * browsers, VMs) the plain canvas renderer is several times faster.
 */
function hardwareWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
  } catch {
    return false;
  }
}

function nodeData(n: GraphNode, lang: Lang) {
  return { id: n.id, label: displayName(n, lang), kind: n.kind, side: n.side, size: nodeSize(n), graph: n };
}

function edgeData(e: GraphEdge) {
  return { id: e.id, source: e.source, target: e.target, type: e.type, graph: e };
}

function layoutNodes(nodes: cytoscape.NodeCollection): LayoutNode[] {
  return nodes.map((n) => ({ id: n.id(), size: n.data('size') as number, label: n.data('label') as string, node: n.data('graph') as GraphNode }));
}

function edgesOf(cy: Core): GraphEdge[] {
  return cy.edges().map((e) => e.data('graph') as GraphEdge);
}

export function GraphCanvas({ view, layout, lang, selected, expanded, onSelect, onExpand, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const appliedSeq = useRef(-1);
  const running = useRef(0);
  const fresh = useRef(true);
  /** Whether the reader has panned or zoomed since the graph was last fitted to the window. */
  const moved = useRef(false);
  const [tooltip, setTooltip] = useState<TooltipTarget | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };
  const langRef = useRef(lang);
  langRef.current = lang;

  const elements = view ? view.nodes.length + view.edges.length : 0;
  const big = elements > BIG_VIEW_ELEMENTS;

  useEffect(() => {
    const webgl = big && hardwareWebGL2();
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(big),
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Cytoscape's performance guide: cheaper frames while panning and zooming big views.
      hideEdgesOnViewport: big,
      textureOnViewport: big,
      motionBlur: false,
      pixelRatio: big ? 1 : 'auto',
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    fresh.current = true;
    // Cytoscape calls any two taps within its debounce time a double tap, even on two different
    // nodes: clicking one node and then quickly another must select, not expand, the second. The
    // element itself is compared, so a node removed and drawn again between two taps is new too.
    let lastTap: unknown = null;
    let tapBefore: unknown = null;
    cy.on('tap', (e: EventObject) => {
      tapBefore = lastTap;
      lastTap = e.target;
      if (e.target === cy) handlers.current.onSelect(null);
    });
    cy.on('tap', 'node', (e: EventObject) => handlers.current.onSelect(e.target.id()));
    cy.on('dbltap', 'node', (e: EventObject) => {
      if (tapBefore === e.target) handlers.current.onExpand(e.target.id());
    });
    cy.on('mouseover', 'node, edge', (e: EventObject) => {
      // Near the right or bottom edge the card opens towards the inside.
      const p = { ...e.renderedPosition, flipX: e.renderedPosition.x > cy.width() - 300, flipY: e.renderedPosition.y > cy.height() - 220 };
      const target = e.target as cytoscape.SingularElementArgument;
      if (target.isNode()) {
        setTooltip({ ...p, node: target.data('graph') as GraphNode });
        if (!big) cy.elements().not(target.closedNeighborhood()).addClass('faded');
      } else {
        setTooltip({
          ...p, edge: target.data('graph') as GraphEdge,
          sourceLabel: target.source().data('label') as string, targetLabel: target.target().data('label') as string,
        });
      }
    });
    cy.on('mouseout', 'node, edge', () => {
      setTooltip(null);
      cy.elements('.faded').removeClass('faded');
    });
    cy.on('viewport drag', () => setTooltip(null));
    cy.on('dragpan pinchzoom scrollzoom', () => {
      moved.current = true;
    });
    // The stage changes size without the window doing so (the details panel opens below it in a
    // narrow window, a banner comes and goes): Cytoscape must measure again, or it draws on a
    // canvas of the old size, cut off. A view the reader has not moved is fitted to the new size.
    const observer = new ResizeObserver(() => {
      cy.resize();
      if (!moved.current && cy.nodes().nonempty()) fitView(cy);
    });
    observer.observe(container.current!);
    return () => {
      observer.disconnect();
      running.current++;
      cy.destroy();
      cyRef.current = null;
    };
  }, [big]);

  // Draw the view: remove what left, add what came, then place nodes as the layout request says.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const run = ++running.current;
    const nodes = view?.nodes ?? [];
    const edges = view?.edges ?? [];
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    const added: ElementDefinition[] = [];
    cy.batch(() => {
      cy.elements().filter((el) => !wanted.has(el.id())).remove();
      for (const n of nodes) {
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) existing.data(nodeData(n, langRef.current));
        else added.push({ group: 'nodes', data: nodeData(n, langRef.current), position: { x: 0, y: 0 } });
      }
      for (const e of edges) {
        if (cy.getElementById(e.id).empty()) added.push({ group: 'edges', data: edgeData(e) });
      }
      cy.add(added);
    });
    const addedIds = new Set(added.filter((d) => d.group === 'nodes').map((d) => d.data.id));
    const addedNodes = cy.nodes().filter((n) => addedIds.has(n.id()));
    const anchor = layout.anchor ? cy.getElementById(layout.anchor) : cy.collection();
    const mode = fresh.current || (layout.mode === 'around' && anchor.empty()) ? 'full' : layout.mode;
    fresh.current = cy.nodes().empty();
    const finish = () => {
      if (run === running.current) appliedSeq.current = layout.seq;
    };
    if (mode === 'full') {
      const all = layoutNodes(cy.nodes());
      const useElk = all.length <= ELK_MAX_NODES;
      if (useElk) setLayingOut(true);
      const place = useElk ? elkPositions(all, edges) : Promise.resolve(columnPositions(all, edges));
      place.catch((error: unknown) => {
        // A layout failure must not leave nodes piled up: fall back to the plain columns.
        console.error('ELK layout failed', error);
        return columnPositions(all, edges);
      }).then((positions) => {
        if (run !== running.current) return;
        applyPositions(cy, positions);
        moved.current = false;
        setLayingOut(false);
        finish();
      });
      return;
    }
    if (mode === 'around' && addedNodes.nonempty()) {
      const positions = aroundPositions(anchor.position(), anchor.id(), layoutNodes(addedNodes), edges);
      addedNodes.positions((n) => positions.get(n.id()) ?? anchor.position());
      // Move the viewport only when some of the new nodes would be off screen.
      const view = cy.extent();
      const box = addedNodes.boundingBox();
      if (box.x1 < view.x1 || box.x2 > view.x2 || box.y1 < view.y1 || box.y2 > view.y2) {
        cy.animate({ center: { eles: addedNodes.union(anchor) } }, { duration: 250 });
      }
    } else if (addedNodes.nonempty()) {
      addedNodes.positions((n) => besideNeighbours(n as NodeSingular));
    }
    finish();
  }, [view, layout, big]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => cy.nodes().forEach((n) => {
      n.data('label', displayName(n.data('graph') as GraphNode, lang));
    }));
  }, [lang, view, big]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const set = new Set(expanded);
    cy.batch(() => cy.nodes().forEach((n) => {
      n.data('expanded', set.has(n.id()));
    }));
  }, [expanded, view, big]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.$(':selected').unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected, view, big]);

  useImperativeHandle(ref, () => ({
    fit() {
      moved.current = false;
      cyRef.current?.animate({ fit: { eles: cyRef.current.elements(), padding: 40 } }, { duration: 250 });
    },
    zoomBy(factor: number) {
      const cy = cyRef.current;
      if (!cy) return;
      moved.current = true;
      cy.animate({ zoom: { level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 150 });
    },
    png: () => cyRef.current!.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }),
    visible() {
      const cy = cyRef.current;
      return {
        nodes: cy?.nodes().map((n) => n.data('graph') as GraphNode) ?? [],
        edges: cy ? edgesOf(cy) : [],
      };
    },
    idle: () => appliedSeq.current === layout.seq,
    core: () => cyRef.current,
  }), [layout.seq]);

  return (
    <div className="graph-canvas">
      <div ref={container} className="graph-canvas__cy" data-testid="graph-canvas" />
      {tooltip && <Tooltip target={tooltip} lang={lang} />}
      {layingOut && <div className="graph-canvas__busy" role="status">{STRINGS[lang].layingOut}</div>}
    </div>
  );
}

function applyPositions(cy: Core, positions: Map<string, Point>): void {
  cy.nodes().positions((n) => positions.get(n.id()) ?? { x: 0, y: 0 });
  fitView(cy);
}

function fitView(cy: Core): void {
  cy.fit(undefined, 40);
  // A handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
}

/** A place for a node that came back into view: next to the neighbours already placed. */
function besideNeighbours(n: NodeSingular): Point {
  const placed = n.neighborhood().nodes().map((m) => m.position()).filter((p) => p.x !== 0 || p.y !== 0);
  if (!placed.length) return { x: 0, y: 0 };
  const sum = placed.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / placed.length + 40, y: sum.y / placed.length + 40 };
}
