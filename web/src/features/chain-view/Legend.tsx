// What the shapes, colours, sizes and lines mean; only the kinds in view are listed.
import { useState } from 'react';
import { ENTITY_KINDS, type GraphView } from '../../api/types.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { EDGE_STYLES } from '../../graph/kinds.ts';
import { KIND_NAMES } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';

function EdgeSample({ type }: { type: string }) {
  const s = EDGE_STYLES[type]!;
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line x1="1" y1="6" x2="26" y2="6" stroke={s.color} strokeWidth={s.width} strokeDasharray={s.line === 'solid' ? undefined : s.line === 'dashed' ? '4 3' : '1.5 2.5'} />
      <polygon points="25,1 33,6 25,11" fill={s.color} />
    </svg>
  );
}

/**
 * Windows as narrow as app.css's single-column layout: there the open legend would cover a
 * third of the graph, so it starts folded (one click opens it).
 */
const NARROW = '(max-width: 900px)';

/** The legend of the chain view's graph, or of the given one (the answer views' graphs). */
export function Legend({ graph: given }: { graph?: GraphView | null }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const stored = useApp((s) => s.graph);
  const graph = given === undefined ? stored : given;
  // Decided once: a constant `open` is set when the legend mounts and then left to the reader's clicks.
  const [openAtFirst] = useState(() => !window.matchMedia(NARROW).matches);
  const present = new Set(graph?.nodes.map((n) => n.kind));
  const types = new Set(graph?.edges.map((e) => e.type));
  if (!graph?.nodes.length) return null;
  return (
    <details className="legend" data-testid="legend" open={openAtFirst}>
      <summary>{t('legend')}</summary>
      <ul>
        {ENTITY_KINDS.filter((k) => present.has(k)).map((kind) => (
          <li key={kind}><KindIcon kind={kind} /> {KIND_NAMES[lang][kind]}</li>
        ))}
      </ul>
      <ul>
        {types.has('SUPPLIES') && <li><EdgeSample type="SUPPLIES" /> {t('legendFlow')}</li>}
        {types.has('FEEDS') && <li><EdgeSample type="FEEDS" /> {t('legendFeeds')}</li>}
        {[...types].some((ty) => ty !== 'SUPPLIES' && ty !== 'FEEDS') && <li><EdgeSample type="USES" /> {t('legendOther')}</li>}
      </ul>
      <p className="legend__note">{t('legendSize')}</p>
    </details>
  );
}
