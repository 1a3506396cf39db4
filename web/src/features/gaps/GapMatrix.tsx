// Regions side by side: one row per segment (in flow order), one column per region, each cell
// coloured by the segment's gap there and showing its local companies. All regions come in one
// request (chainGaps under an alias per region). Exports to CSV.
import { useEffect } from 'react';
import { isRefusal, type ApiError } from '../../api/client.ts';
import { gapMatrix } from '../../api/queries.ts';
import type { GapColumn, SegmentGap } from '../../api/types.ts';
import { STRINGS, displayName, type Lang } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { AnswerStatus } from '../answers/AnswerStatus.tsx';
import { useAnswer } from '../answers/useAnswer.ts';
import { downloadCsv, fileStem, tableCsv } from '../export/export.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { GAP_STYLES, shadeOf } from './gap-style.ts';

/** Regions beyond this make the request and the table too wide to read. */
export const MAX_MATRIX_REGIONS = 8;

interface Props {
  chainId: string;
  regionIds: string[];
  /** The regions' segments in flow order (from the main region's answer). */
  segments: SegmentGap[];
  selected: string | null;
  onSelect(segmentId: string): void;
  onAdd(regionId: string): void;
  onRemove(regionId: string): void;
  onMakeMain(regionId: string): void;
}

export function matrixCsv(segments: SegmentGap[], columns: GapColumn[], lang: Lang): string {
  const cellOf = (c: GapColumn, id: string) => c.segments.find((s) => s.segment.id === id);
  return tableCsv(
    ['segment_id', 'segment', ...columns.flatMap((c) => [`${c.region.id}_gap`, `${c.region.id}_local_companies`])],
    [
      ...segments.map((s) => [
        s.segment.id, displayName(s.segment, lang),
        ...columns.flatMap((c) => {
          const cell = cellOf(c, s.segment.id);
          return [cell?.gaps.join('|') ?? '', cell?.localCount ?? ''];
        }),
      ]),
      ['coverage', STRINGS[lang].coverage, ...columns.flatMap((c) => [c.coverage, ''])],
    ],
  );
}

/** The compared region (not the main one, regionIds[0]) an error of the batched request is about. */
function unknownRegion(error: ApiError, regionIds: string[]): string | null {
  if (!isRefusal(error) || error.argument !== 'regionId') return null;
  const alias = /^r(\d+)$/.exec(String(error.path?.[0] ?? ''));
  const index = alias ? Number(alias[1]) : 0;
  return index > 0 ? regionIds[index] ?? null : null;
}

export function GapMatrix({ chainId, regionIds, segments, selected, onSelect, onAdd, onRemove, onMakeMain }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [answer, retry] = useAnswer(`matrix:${chainId}:${regionIds.join(',')}`, (signal) => gapMatrix(chainId, regionIds, signal));
  const columns = answer.status === 'ready' ? answer.value : [];
  const full = regionIds.length >= MAX_MATRIX_REGIONS;
  // A compared region that does not exist (an old link) is dropped, not the whole table.
  const unknown = answer.status === 'error' ? unknownRegion(answer.error, regionIds) : null;
  useEffect(() => {
    if (unknown) onRemove(unknown);
  }, [unknown, onRemove]);

  return (
    <section className="matrix" data-testid="gap-matrix">
      <div className="matrix__bar">
        <h3>{t('matrixTitle')}</h3>
        <span className="muted">{t('matrixHint')}</span>
        <span className="controls__spacer" />
        {!full && (
          <div className="matrix__add" data-testid="matrix-add">
            <SearchBox
              kinds={['REGION']} placeholder={t('addRegion')} testId="matrix-add-input"
              onPick={(region) => onAdd(region.id)}
            />
          </div>
        )}
        <button
          type="button" data-testid="matrix-csv" disabled={!columns.length} title={t('exportMatrixTitle')}
          onClick={() => downloadCsv(matrixCsv(segments, columns, lang), `${fileStem(`gap-matrix-${chainId}`)}.csv`)}
        >
          {t('exportCsv')}
        </button>
      </div>
      <AnswerStatus answer={answer} retry={retry} />
      {columns.length > 0 && (
        <div className="matrix__scroll">
          <table>
            <thead>
              <tr>
                <th>{t('segment')}</th>
                {columns.map((c, i) => (
                  <th key={c.region.id} data-testid="matrix-region" data-id={c.region.id} className={i === 0 ? 'main' : undefined}>
                    {i === 0
                      ? <span>{displayName(c.region, lang)}</span>
                      : <button type="button" className="link" title={t('makeMainRegion')} onClick={() => onMakeMain(c.region.id)}>{displayName(c.region, lang)}</button>}
                    <span className="matrix__coverage">{t('coverageShort', { pct: Math.round(c.coverage * 100) })}</span>
                    {i > 0 && (
                      <button type="button" className="chip__remove" aria-label={t('removeChoice')} title={t('removeChoice')} onClick={() => onRemove(c.region.id)}>×</button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.segment.id} className={s.segment.id === selected ? 'active' : undefined}>
                  <th><button type="button" className="link" onClick={() => onSelect(s.segment.id)}>{displayName(s.segment, lang)}</button></th>
                  {columns.map((c) => {
                    const cell = c.segments.find((x) => x.segment.id === s.segment.id);
                    const style = GAP_STYLES[shadeOf(cell?.gap ?? null)];
                    return (
                      <td
                        key={c.region.id} data-testid="matrix-cell" data-region={c.region.id} data-segment={s.segment.id}
                        data-gap={cell?.gap ?? 'NONE'} style={{ background: style.background, color: style.color }}
                        title={(cell?.gaps.length ? cell.gaps.map((g) => t(GAP_STYLES[g].name)) : [t('gapCovered')]).join(', ')}
                      >
                        {cell ? cell.localCount : '–'}
                        {cell?.gaps.slice(1).map((g) => <span key={g} className="matrix__more" style={{ color: GAP_STYLES[g].color }}>●</span>)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
