// Industrial adopters for a lab: companies most likely to adopt its technologies, ranked, with
// reasons and a flag for past transfers; the selected row's paths are drawn. Exports to CSV.
import { industrialAdopters } from '../../api/queries.ts';
import type { AdopterScoreParts, IndustrialAdopter } from '../../api/types.ts';
import { STRINGS, inLanguage, type Lang, type StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { AnswerGraph } from '../answers/AnswerGraph.tsx';
import { AnswerHeader } from '../answers/AnswerHeader.tsx';
import { AnswerStatus } from '../answers/AnswerStatus.tsx';
import { EntityPicker } from '../answers/EntityPicker.tsx';
import { RankedCompanies, ResultCount, type RankedRow } from '../answers/RankedCompanies.tsx';
import { useAnswer } from '../answers/useAnswer.ts';
import { downloadCsv, fileStem, tableCsv } from '../export/export.ts';
import { go, intParam, param, useRoute } from '../nav/route.ts';

const ADOPTER_PARTS: [keyof AdopterScoreParts, StringKey][] = [
  ['directNeed', 'partDirectNeed'], ['segmentFit', 'partSegmentFit'], ['supplyLink', 'partSupplyLink'], ['readinessFit', 'partReadinessFit'],
];

function toRow(a: IndustrialAdopter, lang: Lang): RankedRow {
  const s = STRINGS[lang];
  return {
    company: a.company, score: a.score, reasons: inLanguage(a.reasons, a.reasonsZh, lang), tags: [],
    flag: a.pastTransfer ? s.pastTransfer : null,
    parts: ADOPTER_PARTS.map(([part, name]) => [s[name], a.parts[part]]),
  };
}

export function adoptersCsv(adopters: IndustrialAdopter[]): string {
  return tableCsv(
    ['rank', 'company_id', 'name', 'name_zh', 'score', 'past_transfer', ...ADOPTER_PARTS.map(([p]) => p), 'reasons', 'reasons_zh'],
    adopters.map((a, i) => [
      i + 1, a.company.id, a.company.name, a.company.nameZh, a.score, a.pastTransfer,
      ...ADOPTER_PARTS.map(([part]) => a.parts[part]), a.reasons.join(' | '), a.reasonsZh.join(' | '),
    ]),
  );
}

export function AdoptersPage() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { query } = useRoute();
  const p = { lab: param(query, 'lab'), first: intParam(query, 'first', 1, 50, 10), sel: param(query, 'sel') };
  const set = (patch: Partial<typeof p>, push = true) => go('adopters', { ...p, ...patch }, { push });
  const { lab, first } = p;
  const [answer, retry] = useAnswer(lab ? `adopters:${lab}:${first}` : null, (signal) => industrialAdopters(lab!, first, signal));
  const adopters = answer.status === 'ready' ? answer.value : [];
  const active = adopters.find((r) => r.company.id === p.sel) ?? adopters[0] ?? null;

  return (
    <div className="answer" data-testid="adopters-view">
      <section className="answer__side">
        <AnswerHeader title="adoptersTitle" intro="adoptersIntro" />
        <div className="answer__form">
          <EntityPicker
            label={t('lab')} kinds={['LAB']} value={lab ? [lab] : []} placeholder={t('pickLab')}
            onChange={(ids) => set({ lab: ids[0] ?? null, sel: null })} testId="adopters-lab"
          />
          <ResultCount value={first} onChange={(n) => set({ first: n, sel: null })} testId="adopters-first" />
        </div>
        <div className="answer__toolbar">
          <span className="muted">{answer.status === 'ready' ? t('resultsShown', { count: adopters.length }) : ''}</span>
          <button
            type="button" data-testid="adopters-csv" disabled={!adopters.length} title={t('exportListTitle')}
            onClick={() => downloadCsv(adoptersCsv(adopters), `${fileStem(`adopters-${lab}`)}.csv`)}
          >
            {t('exportCsv')}
          </button>
        </div>
        <AnswerStatus answer={answer} retry={retry} idle="adoptersIdle" empty="adoptersEmpty" isEmpty={!adopters.length} />
        <RankedCompanies
          rows={adopters.map((r) => toRow(r, lang))} selected={active?.company.id ?? null}
          onSelect={(sel) => set({ sel }, false)} testId="adopters"
        />
      </section>
      <section className="answer__graph">
        <AnswerGraph view={active?.paths ?? null} emptyText={t('pathsHint')} />
      </section>
    </div>
  );
}
