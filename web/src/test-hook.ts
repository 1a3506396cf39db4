// A small window.__chainscope API for the browser tests, installed only when the page was opened
// with window.__CHAINSCOPE_TEST__ set (the tests set it before the app loads).
import type { GraphView } from './api/types.ts';
import type { CanvasHandle } from './features/chain-view/GraphCanvas.tsx';
import { actions, getState } from './store/store.ts';

let canvas: CanvasHandle | null = null;

export function registerCanvas(handle: CanvasHandle | null): void {
  canvas = handle;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function idle(): boolean {
  const s = getState();
  return !s.busy && !!canvas?.idle();
}

async function whenIdle(): Promise<void> {
  while (!idle()) await frame();
}

const hook = {
  nodeIds: () => canvas?.core()?.nodes().map((n) => n.id()).sort() ?? [],
  edgeIds: () => canvas?.core()?.edges().map((e) => e.id()).sort() ?? [],
  idle,
  /** Where a node is drawn, in page coordinates (for clicking it). */
  clientPosition(id: string): { x: number; y: number } | null {
    const cy = canvas?.core();
    const node = cy?.getElementById(id);
    if (!cy || !node || node.empty()) return null;
    const box = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  /** The drawn graph's box and the canvas's size, against the stage's own (they must agree). */
  drawnArea() {
    const cy = canvas?.core();
    if (!cy) return null;
    const box = cy.elements().renderedBoundingBox();
    const stage = cy.container()!;
    return { box: { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 }, canvas: { width: cy.width(), height: cy.height() }, stage: { width: stage.clientWidth, height: stage.clientHeight } };
  },
  /** Where a node is in the graph's own coordinates (unchanged by panning and zooming). */
  modelPosition(id: string): { x: number; y: number } | null {
    const node = canvas?.core()?.getElementById(id);
    return node && node.nonempty() ? { ...node.position() } : null;
  },
  state: () => {
    const s = getState();
    return { status: s.status, error: s.error?.kind ?? null, apiProblem: s.apiProblem?.kind ?? null, params: s.params };
  },
  /** Draws a view given by the test and resolves with the time until it was laid out and painted. */
  async loadGraph(view: GraphView): Promise<{ ms: number; elements: number; webgl: boolean }> {
    const start = performance.now();
    actions.showGraph(view);
    await frame();
    await whenIdle();
    await frame();
    await frame();
    const cy = canvas!.core()!;
    const webgl = !!(cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl;
    return { ms: performance.now() - start, elements: cy.elements().length, webgl };
  },
  /** Pans the view across `frames` animation frames; returns the mean and worst frame time. */
  async pan(frames: number): Promise<{ meanMs: number; worstMs: number }> {
    const cy = canvas!.core()!;
    const gaps: number[] = [];
    let last = await frame();
    for (let i = 0; i < frames; i++) {
      cy.panBy({ x: i < frames / 2 ? 12 : -12, y: 6 * Math.sin(i / 5) });
      const now = await frame();
      gaps.push(now - last);
      last = now;
    }
    return { meanMs: gaps.reduce((a, b) => a + b, 0) / gaps.length, worstMs: Math.max(...gaps) };
  },
};

declare global {
  interface Window {
    __CHAINSCOPE_TEST__?: boolean;
    __chainscope?: typeof hook;
  }
}

export function installTestHook(): void {
  if (window.__CHAINSCOPE_TEST__) window.__chainscope = hook;
}
