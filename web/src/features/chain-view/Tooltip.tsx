// The hover card over a node or an edge: a plain positioned div.
import type { GraphEdge, GraphNode } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import { KIND_NAMES, SIDE_NAMES, displayName, relationName, inLanguage, numberIn, valueName, type Lang } from '../../i18n/strings.ts';

interface Anchor { x: number; y: number; flipX: boolean; flipY: boolean }

export type TooltipTarget =
  | Anchor & { node: GraphNode; edge?: undefined }
  | Anchor & { edge: GraphEdge; sourceLabel: string; targetLabel: string; node?: undefined };

export function Tooltip({ target, lang }: { target: TooltipTarget; lang: Lang }) {
  const t = useT();
  const style = {
    left: target.x + (target.flipX ? -14 : 14),
    top: target.y + (target.flipY ? -14 : 14),
    transform: `translate(${target.flipX ? '-100%' : '0'}, ${target.flipY ? '-100%' : '0'})`,
  };
  if (target.node) {
    const n = target.node;
    const other = lang === 'zh' ? n.label : n.labelZh;
    return (
      <div className="tooltip" style={style} data-testid="tooltip" role="tooltip">
        <strong>{displayName(n, lang)}</strong>
        {other && <span className="tooltip__alt"> {other}</span>}
        <div className="tooltip__meta">
          {KIND_NAMES[lang][n.kind]} · {SIDE_NAMES[lang][n.side]}
          {n.distance !== null && n.side !== 'FOCUS' ? ` · ${t('distance', { count: n.distance })}` : ''}
        </div>
        {n.regionName && <div>{t('regionLabel')}: {inLanguage(n.regionName, n.regionNameZh, lang)}</div>}
        {n.stage && <div>{t('stage')}: {valueName('stage', n.stage, lang)}</div>}
        {n.employees !== null && <div>{t('employees')}: {numberIn(lang, n.employees)}</div>}
        {n.tier && <div>{t('tier')}: {valueName('tier', n.tier, lang)}</div>}
        {n.trl !== null && <div>{t('trl')}: {n.trl}</div>}
        <div>{t('degree')}: {n.degree}</div>
      </div>
    );
  }
  const e = target.edge;
  const p = e.provenance;
  return (
    <div className="tooltip" style={style} data-testid="tooltip" role="tooltip">
      <strong>{relationName(e.type, lang)}</strong>
      <div>{target.sourceLabel} → {target.targetLabel}</div>
      {e.product && <div>{t('product')}: {e.product}</div>}
      {(p.source || p.confidence !== null || p.asOf) && (
        <div className="tooltip__meta">
          {[p.source, p.confidence !== null ? `${t('confidence')} ${p.confidence}` : null, p.asOf ? `${t('asOf')} ${p.asOf}` : null]
            .filter(Boolean).join(' · ')}
        </div>
      )}
    </div>
  );
}
