// The chain view: toolbar, canvas, legend and the states around them (welcome, loading, empty,
// truncated, unknown id).
import { useEffect, useRef } from 'react';
import { useApiMessage, useT } from '../../i18n/useT.ts';
import { displayName, numberIn } from '../../i18n/strings.ts';
import { actions, useApp } from '../../store/store.ts';
import { registerCanvas } from '../../test-hook.ts';
import { download, fileStem, toCsv } from '../export/export.ts';
import { Controls } from './Controls.tsx';
import { GraphCanvas, type CanvasHandle } from './GraphCanvas.tsx';
import { Legend } from './Legend.tsx';

export function ChainView() {
  const t = useT();
  const canvas = useRef<CanvasHandle | null>(null);
  const lang = useApp((s) => s.lang);
  const apiMessage = useApiMessage();
  const graph = useApp((s) => s.graph);
  const base = useApp((s) => s.base);
  const layout = useApp((s) => s.layout);
  const status = useApp((s) => s.status);
  const error = useApp((s) => s.error);
  const focus = useApp((s) => s.focus);
  const params = useApp((s) => s.params);
  const selected = params.sel;

  const setCanvas = (handle: CanvasHandle | null) => {
    canvas.current = handle;
    registerCanvas(handle);
  };
  const exportPng = async () => {
    if (canvas.current) download(await canvas.current.png(), `${fileStem(params.focus)}.png`);
  };
  const exportCsv = () => {
    if (!canvas.current) return;
    const { nodes, edges } = canvas.current.visible();
    download(new Blob(['\ufeff', toCsv(nodes, edges)], { type: 'text/csv;charset=utf-8' }), `${fileStem(params.focus)}.csv`);
  };

  // Delete (or Backspace) removes the selected node from the view, as in other graph tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable]')) return;
      if ((e.key === 'Delete' || e.key === 'Backspace') && selected) actions.remove(selected);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected]);

  const empty = status === 'ready' && focus && graph && graph.nodes.length <= 1;
  return (
    <section className="chain-view">
      <Controls
        onFit={() => canvas.current?.fit()} onZoom={(f) => canvas.current?.zoomBy(f)}
        onPng={() => void exportPng()} onCsv={exportCsv}
      />
      <div className="chain-view__stage" data-status={status}>
        <GraphCanvas
          ref={setCanvas} view={graph} layout={layout} lang={lang} selected={selected} expanded={params.expand}
          onSelect={actions.select} onExpand={actions.expand}
        />
        <Legend />
        {status === 'ready' && base?.truncated && (
          <div className="notice notice--warn" data-testid="truncated" role="status">
            {t('truncated', { shown: base.nodes.length, total: base.totalIsLowerBound ? `${numberIn(lang, base.totalNodes)}+` : base.totalNodes })}
          </div>
        )}
        {graph && graph.nodes.length > 0 && (
          <div className="stage__count" data-testid="node-count">
            {t('nodesEdges', { nodes: graph.nodes.length, edges: graph.edges.length })} · {t('hintClicks')}
          </div>
        )}
        {status === 'idle' && !graph && (
          <div className="overlay" data-testid="welcome">
            <h2>{t('welcomeTitle')}</h2>
            <p>{t('welcomeText')}</p>
          </div>
        )}
        {status === 'loading' && <div className="overlay overlay--loading" data-testid="loading" role="status">{t('loading')}</div>}
        {empty && (
          <div className="overlay overlay--note" data-testid="empty" role="status">
            {t('empty', { name: displayName(focus, lang) })}
          </div>
        )}
        {status === 'error' && error?.kind === 'not-found' && (
          <div className="overlay overlay--error" data-testid="unknown-id" role="alert">{t('unknownId', { id: params.focus ?? '' })}</div>
        )}
        {status === 'error' && error && (error.kind === 'bad-input' || error.kind === 'other') && (
          <div className="overlay overlay--error" data-testid="view-error" role="alert">{t('badInput', { message: apiMessage(error.message) })}</div>
        )}
      </div>
    </section>
  );
}
