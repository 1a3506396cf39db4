// Chain gaps for a planner: pick a chain and a region → the chain's segments upstream to
// downstream, coloured by gap kind, with the coverage and the count of each kind; a segment's
// panel lists local companies, candidate fillers, labs and policies; below, the same chain in
// several regions side by side. Both tables export to CSV.
import { chainGaps } from '../../api/queries.ts';
import type { ChainGaps, SegmentGap } from '../../api/types.ts';
import { displayName, inLanguage, type Lang } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { AnswerHeader } from '../answers/AnswerHeader.tsx';
import { AnswerStatus } from '../answers/AnswerStatus.tsx';
import { EntityPicker } from '../answers/EntityPicker.tsx';
import { useAnswer } from '../answers/useAnswer.ts';
import { downloadCsv, fileStem, tableCsv } from '../export/export.ts';
import { go, listParam, param, useRoute } from '../nav/route.ts';
import { GAP_SHADES, GAP_STYLES } from './gap-style.ts';
import { GapMatrix, MAX_MATRIX_REGIONS } from './GapMatrix.tsx';
import { SegmentFlow } from './SegmentFlow.tsx';
import { SegmentPanel } from './SegmentPanel.tsx';
import { flowColumns } from './flow.ts';

export function gapsCsv(gaps: ChainGaps, columns: SegmentGap[][], lang: Lang): string {
  const ids = (items: { id: string }[]) => items.map((i) => i.id).join('|');
  return tableCsv(
    ['column', 'segment_id', 'segment', 'tier', 'gap', 'all_gaps', 'local_companies', 'local_company_ids', 'inbound_supplies',
      'inbound_from_outside', 'inbound_is_lower_bound', 'local_experts', 'local_adopters', 'technologies', 'filler_ids', 'lab_ids', 'policy_ids'],
    columns.flatMap((column, i) => column.map((s) => [
      i + 1, s.segment.id, displayName(s.segment, lang), s.segment.tier, s.gap ?? '', s.gaps.join('|'), s.localCount,
      ids(s.localCompanies.map((c) => c.company)), s.inboundSupplies, s.inboundFromOutside, s.inboundIsLowerBound, s.localExperts, s.localAdopters,
      inLanguage(s.technologies, s.technologiesZh, lang).join('|'), ids(s.fillers.map((c) => c.company)), ids(s.labs.map((l) => l.lab)), ids(s.policies.map((p) => p.policy)),
    ])),
  );
}

export function GapsPage() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { query } = useRoute();
  const p = { chain: param(query, 'chain'), region: param(query, 'region'), compare: listParam(query, 'compare'), seg: param(query, 'seg') };
  const set = (patch: Partial<typeof p>, push = true) => go('gaps', { ...p, ...patch }, { push });
  const { chain, region } = p;
  const [answer, retry] = useAnswer(chain && region ? `gaps:${chain}:${region}` : null, (signal) => chainGaps(chain!, region!, signal));
  const gaps = answer.status === 'ready' ? answer.value : null;
  const columns = gaps ? flowColumns(gaps.segments) : [];
  const selected = gaps?.segments.find((s) => s.segment.id === p.seg) ?? null;
  const compare = p.compare.filter((id) => id !== region);
  const regionName = gaps ? displayName(gaps.region, lang) : '';

  return (
    <div className="gaps" data-testid="gaps-view">
      <div className="gaps__bar">
        <AnswerHeader title="gapsTitle" intro="gapsIntro" />
        <EntityPicker
          label={t('chain')} kinds={['CHAIN']} value={chain ? [chain] : []} placeholder={t('pickChain')}
          onChange={(ids) => set({ chain: ids[0] ?? null, seg: null })} testId="gaps-chain"
        />
        <EntityPicker
          label={t('region')} kinds={['REGION']} value={region ? [region] : []} placeholder={t('pickRegion')}
          onChange={(ids) => set({ region: ids[0] ?? null })} testId="gaps-region"
        />
        <span className="controls__spacer" />
        <button
          type="button" data-testid="gaps-csv" disabled={!gaps} title={t('exportGapsTitle')}
          onClick={() => gaps && downloadCsv(gapsCsv(gaps, columns, lang), `${fileStem(`gaps-${chain}-${region}`)}.csv`)}
        >
          {t('exportCsv')}
        </button>
      </div>
      <AnswerStatus answer={answer} retry={retry} idle="gapsIdle" />
      {gaps && (
        <>
          <div className="gaps__summary" data-testid="gaps-summary">
            <span className="gaps__coverage" data-testid="gaps-coverage" data-value={gaps.coverage}>
              {t('coverageValue', {
                pct: Math.round(gaps.coverage * 100),
                covered: gaps.segments.filter((s) => s.localCount > 0).length,
                total: gaps.segments.length,
              })}
            </span>
            {/* Each segment is counted once, under its main gap; a card may name more than one. */}
            <span className="muted" data-testid="gap-counts-label">{t('byMainGap')}</span>
            <ul className="gap-legend" aria-label={t('byMainGap')}>
              {GAP_SHADES.map((shade) => {
                const count = shade === 'COVERED'
                  ? gaps.segments.filter((s) => !s.gap).length
                  : gaps.counts.find((c) => c.kind === shade)?.count ?? 0;
                return (
                  <li key={shade} data-testid="gap-count" data-kind={shade} data-count={count} title={t(GAP_STYLES[shade].hint, { region: regionName })}>
                    <span className="swatch" style={{ background: GAP_STYLES[shade].background, borderColor: GAP_STYLES[shade].color }} />
                    {t(GAP_STYLES[shade].name)} <strong>{count}</strong>
                  </li>
                );
              })}
            </ul>
            <span className="muted">{t('gapsClickHint')}</span>
          </div>
          <div className="gaps__body">
            <SegmentFlow columns={columns} selected={p.seg} onSelect={(seg) => set({ seg: seg === p.seg ? null : seg }, false)} />
            {selected && <SegmentPanel segment={selected} regionName={regionName} onClose={() => set({ seg: null }, false)} />}
          </div>
          <GapMatrix
            chainId={gaps.chain.id} regionIds={[gaps.region.id, ...compare]} segments={columns.flat()}
            selected={p.seg} onSelect={(seg) => set({ seg }, false)}
            onAdd={(id) => set({ compare: [...compare, id].slice(0, MAX_MATRIX_REGIONS - 1) })}
            onRemove={(id) => set({ compare: compare.filter((c) => c !== id) })}
            onMakeMain={(id) => set({ region: id, compare: [gaps.region.id, ...compare.filter((c) => c !== id)] })}
          />
        </>
      )}
    </div>
  );
}
