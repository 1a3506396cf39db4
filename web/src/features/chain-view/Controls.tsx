// The toolbar over the chain view: depth, direction, kinds, region and cluster (all in the URL),
// then fit / zoom / re-layout and the exports.
import { useEffect, useRef } from 'react';
import type { EntityKind } from '../../api/types.ts';
import { CONTEXT_KINDS, KIND_STYLES } from '../../graph/kinds.ts';
import { KIND_NAMES } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { NEIGHBORHOOD_MAX_DEPTH, actions, navigate, useApp } from '../../store/store.ts';
import { MAX_DEPTH, MIN_DEPTH, type Dir } from '../../store/url.ts';
import { clusterOptions, regionOptions, withCurrent } from './places.ts';

interface Props {
  onFit(): void;
  onZoom(factor: number): void;
  onPng(): void;
  onCsv(): void;
}

const DIRS: { dir: Dir; key: 'dirUp' | 'dirBoth' | 'dirDown' }[] = [
  { dir: 'up', key: 'dirUp' }, { dir: 'both', key: 'dirBoth' }, { dir: 'down', key: 'dirDown' },
];

export function Controls({ onFit, onZoom, onPng, onCsv }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const params = useApp((s) => s.params);
  const mode = useApp((s) => s.mode);
  const places = useApp((s) => s.places);
  const base = useApp((s) => s.base);
  const hasGraph = useApp((s) => !!s.graph?.nodes.length);
  const chain = mode === 'chain';
  const disabled = !params.focus;
  const regions = withCurrent(regionOptions(places, base, lang), params.region);
  const clusters = withCurrent(clusterOptions(places, base, lang), params.cluster);
  // The kinds menu is a <details>: it closes on Escape or a press anywhere outside it, as menus do.
  const kindsMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const menu = kindsMenu.current;
      if (!menu?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.contains(e.target as Node)) menu.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const toggleKind = (kind: EntityKind) => navigate({
    kinds: params.kinds.includes(kind) ? params.kinds.filter((k) => k !== kind) : [...params.kinds, kind],
  });

  return (
    <div className="controls" role="toolbar" aria-label={t('viewControls')}>
      <label className="control">
        <span>{t('depth')}</span>
        <select
          data-testid="depth-select" value={params.depth} disabled={disabled}
          onChange={(e) => navigate({ depth: Number(e.target.value) })}
          title={chain ? undefined : t('depthCapped')}
        >
          {Array.from({ length: MAX_DEPTH - MIN_DEPTH + 1 }, (_, i) => i + MIN_DEPTH).map((d) => (
            <option key={d} value={d} disabled={!chain && d > NEIGHBORHOOD_MAX_DEPTH}>{d}</option>
          ))}
        </select>
      </label>
      <div className="control segmented" role="radiogroup" aria-label={t('direction')} title={chain ? undefined : t('directionChainOnly')}>
        {DIRS.map(({ dir, key }) => (
          <button
            key={dir} type="button" role="radio" aria-checked={params.dir === dir} data-testid={`direction-${dir}`}
            className={params.dir === dir ? 'active' : ''} disabled={disabled || !chain}
            onClick={() => navigate({ dir })}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <details className="control kinds" data-testid="kind-filter" ref={kindsMenu}>
        <summary>
          {chain ? t('kinds') : t('kindsOnly')}: {params.kinds.length
            ? params.kinds.map((k) => KIND_NAMES[lang][k]).join(', ')
            : chain ? t('kindsNone') : t('kindsAll')}
        </summary>
        <div className="kinds__menu">
          {CONTEXT_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox" data-testid={`kind-${kind}`} checked={params.kinds.includes(kind)}
                disabled={disabled} onChange={() => toggleKind(kind)}
              />
              <span className="swatch" style={{ background: KIND_STYLES[kind].color }} />
              {KIND_NAMES[lang][kind]}
            </label>
          ))}
        </div>
      </details>
      <label className="control" title={chain ? undefined : t('filtersChainOnly')}>
        <span>{t('region')}</span>
        <select
          data-testid="region-select" value={params.region ?? ''} disabled={disabled || !chain}
          onChange={(e) => navigate({ region: e.target.value || null })}
        >
          <option value="">{t('anyRegion')}</option>
          {regions.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </label>
      <label className="control" title={chain ? undefined : t('filtersChainOnly')}>
        <span>{t('cluster')}</span>
        <select
          data-testid="cluster-select" value={params.cluster ?? ''} disabled={disabled || !chain}
          onChange={(e) => navigate({ cluster: e.target.value || null })}
        >
          <option value="">{t('anyCluster')}</option>
          {clusters.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </label>
      <span className="controls__spacer" />
      <div className="control buttons">
        <button type="button" data-testid="fit" onClick={onFit} disabled={!hasGraph}>{t('fit')}</button>
        <button type="button" data-testid="zoom-in" onClick={() => onZoom(1.25)} disabled={!hasGraph} title={t('zoomIn')} aria-label={t('zoomIn')}>+</button>
        <button type="button" data-testid="zoom-out" onClick={() => onZoom(0.8)} disabled={!hasGraph} title={t('zoomOut')} aria-label={t('zoomOut')}>−</button>
        <button type="button" data-testid="relayout" onClick={actions.relayout} disabled={!hasGraph}>{t('relayout')}</button>
      </div>
      <div className="control buttons">
        <button type="button" data-testid="export-png" onClick={onPng} disabled={!hasGraph} title={t('exportPngTitle')}>{t('exportPng')}</button>
        <button type="button" data-testid="export-csv" onClick={onCsv} disabled={!hasGraph} title={t('exportCsvTitle')}>{t('exportCsv')}</button>
      </div>
      {params.hide.length > 0 && (
        <button type="button" className="control" data-testid="restore-hidden" onClick={actions.restoreHidden}>
          {t('restoreHidden', { count: params.hide.length })}
        </button>
      )}
    </div>
  );
}
