// The graph beside an answer: the paths that justify the selected row, drawn by the explorer's
// GraphCanvas. A click shows a node's name and kind; a double-click opens it in the explorer.
import { useMemo, useRef, useState } from 'react';
import type { GraphView } from '../../api/types.ts';
import { GraphCanvas, type CanvasHandle } from '../chain-view/GraphCanvas.tsx';
import { Legend } from '../chain-view/Legend.tsx';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { KIND_NAMES, displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import type { LayoutRequest } from '../../store/store.ts';
import { useApp } from '../../store/store.ts';
import { registerCanvas } from '../../test-hook.ts';
import { openInExplore, summaryOf } from './open.ts';

const NOTHING_EXPANDED: readonly string[] = [];
let layoutSeq = 0;

export function AnswerGraph({ view, emptyText }: { view: GraphView | null; emptyText: string }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const canvas = useRef<CanvasHandle | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // Every new answer is laid out afresh.
  const layout = useMemo<LayoutRequest>(() => ({ seq: ++layoutSeq, mode: 'full' }), [view]);
  const node = view?.nodes.find((n) => n.id === selected) ?? null;
  const setCanvas = (handle: CanvasHandle | null) => {
    canvas.current = handle;
    registerCanvas(handle);
  };
  const open = (id: string) => {
    const target = view?.nodes.find((n) => n.id === id);
    if (target) openInExplore(summaryOf(target));
  };

  return (
    <div className="answer-graph" data-testid="answer-graph">
      <GraphCanvas
        ref={setCanvas} view={view} layout={layout} lang={lang} selected={selected} expanded={NOTHING_EXPANDED}
        onSelect={setSelected} onExpand={open}
      />
      <Legend graph={view} />
      {!view?.nodes.length && <div className="overlay overlay--hint" role="status">{emptyText}</div>}
      {node && (
        <div className="answer-graph__card" data-testid="graph-selection">
          <KindIcon kind={node.kind} />
          <strong>{displayName(node, lang)}</strong>
          <span className="muted">{KIND_NAMES[lang][node.kind]}</span>
          <button type="button" data-testid="graph-open-explore" onClick={() => openInExplore(summaryOf(node))}>{t('openInExplore')}</button>
        </div>
      )}
      {!!view?.nodes.length && (
        <div className="answer-graph__tools">
          <span className="muted">{t('graphHint')}</span>
          <button type="button" onClick={() => canvas.current?.fit()}>{t('fit')}</button>
        </div>
      )}
    </div>
  );
}
