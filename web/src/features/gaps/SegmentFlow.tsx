// The chain's segments as cards in columns, upstream on the left, coloured by their main gap,
// with the FEEDS links drawn between them; a click selects a segment.
import { useLayoutEffect, useRef, useState } from 'react';
import type { SegmentGap } from '../../api/types.ts';
import { displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { GAP_STYLES, shadeOf } from './gap-style.ts';
import { outsidePercent } from './inbound.ts';

interface Link { from: string; to: string; d: string }

interface Props {
  columns: SegmentGap[][];
  selected: string | null;
  onSelect(id: string): void;
}

export function SegmentFlow({ columns, selected, onSelect }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const inner = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const [links, setLinks] = useState<Link[]>([]);

  // The links follow the cards wherever the grid put them, and again when it is resized.
  useLayoutEffect(() => {
    const box = inner.current;
    if (!box) return;
    const measure = () => {
      const origin = box.getBoundingClientRect();
      const next: Link[] = [];
      for (const s of columns.flat()) {
        const a = cards.current.get(s.segment.id)?.getBoundingClientRect();
        for (const to of s.feeds) {
          const b = cards.current.get(to)?.getBoundingClientRect();
          if (!a || !b) continue;
          const x1 = a.right - origin.left;
          const y1 = a.top + a.height / 2 - origin.top;
          const x2 = b.left - origin.left - 4;
          const y2 = b.top + b.height / 2 - origin.top;
          const bend = Math.max(24, (x2 - x1) / 2);
          next.push({ from: s.segment.id, to, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` });
        }
      }
      setLinks(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [columns, lang]);

  return (
    <div className="flow" data-testid="segment-flow">
      <div className="flow__inner" ref={inner}>
        <svg className="flow__links" aria-hidden="true">
          <defs>
            <marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#94a3b8" />
            </marker>
            <marker id="flow-arrow-active" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#b45309" />
            </marker>
          </defs>
          {links.map((l) => {
            const active = l.from === selected || l.to === selected;
            return (
              <path
                key={`${l.from}>${l.to}`} d={l.d} className={active ? 'active' : undefined}
                markerEnd={`url(#${active ? 'flow-arrow-active' : 'flow-arrow'})`}
              />
            );
          })}
        </svg>
        {columns.map((column, i) => (
          <div key={i} className="flow__column">
            {column.map((s) => {
              const style = GAP_STYLES[shadeOf(s.gap)];
              return (
                <button
                  type="button" key={s.segment.id} ref={(el) => {
                    if (el) cards.current.set(s.segment.id, el);
                    else cards.current.delete(s.segment.id);
                  }}
                  className={`segment-card${s.segment.id === selected ? ' active' : ''}`}
                  style={{ borderColor: style.color, background: style.background }}
                  data-testid="segment-card" data-id={s.segment.id} data-gap={s.gap ?? 'NONE'}
                  aria-pressed={s.segment.id === selected}
                  onClick={() => onSelect(s.segment.id)}
                >
                  <span className="segment-card__name">{displayName(s.segment, lang)}</span>
                  <span className="segment-card__meta">
                    {t('localCount', { count: s.localCount })}
                    {s.inboundSupplies > 0 && ` · ${s.inboundIsLowerBound
                      ? t('fromOutsideShareShort', { pct: outsidePercent(s), total: s.inboundSupplies })
                      : t('fromOutsideShort', { outside: s.inboundFromOutside, total: s.inboundSupplies })}`}
                  </span>
                  <span className="segment-card__gaps">
                    {s.gaps.length
                      ? s.gaps.map((g) => <span key={g} className="gap-tag" style={{ color: GAP_STYLES[g].color }}>{t(GAP_STYLES[g].name)}</span>)
                      : <span className="gap-tag" style={{ color: style.color }}>{t('gapCovered')}</span>}
                  </span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
