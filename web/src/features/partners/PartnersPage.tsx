// Pilot partners for a startup: choose the startup and/or technologies (and, optionally, the
// region that counts as near) → companies ranked by score with their roles and reasons; the
// selected row's paths are drawn beside the list. The list exports to CSV.
import { pilotPartners, type PilotArgs } from '../../api/queries.ts';
import type { PilotPartner, PilotRole, PilotScoreParts } from '../../api/types.ts';
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
import { go, intParam, listParam, param, useRoute } from '../nav/route.ts';

export const PILOT_PARTS: [keyof PilotScoreParts, StringKey][] = [
  ['technologyFit', 'partTechnologyFit'], ['chainAdjacency', 'partChainAdjacency'], ['proximity', 'partProximity'],
  ['sharedCluster', 'partSharedCluster'], ['capacity', 'partCapacity'], ['ties', 'partTies'], ['policy', 'partPolicy'],
];

const ROLE_NAMES: Record<PilotRole, StringKey> = { UPSTREAM: 'roleUpstream', DOWNSTREAM: 'roleDownstream', SAME_SEGMENT: 'roleSameSegment' };

function toRow(p: PilotPartner, lang: Lang): RankedRow {
  const s = STRINGS[lang];
  return {
    company: p.company, score: p.score, reasons: inLanguage(p.reasons, p.reasonsZh, lang),
    tags: p.roles.map((r) => s[ROLE_NAMES[r]] ?? r),
    flag: p.existingPartner ? s.existingPartner : null,
    parts: PILOT_PARTS.map(([part, name]) => [s[name], p.parts[part]]),
  };
}

export function partnersCsv(partners: PilotPartner[]): string {
  return tableCsv(
    ['rank', 'company_id', 'name', 'name_zh', 'score', 'roles', 'existing_partner', ...PILOT_PARTS.map(([p]) => p), 'reasons', 'reasons_zh'],
    partners.map((p, i) => [
      i + 1, p.company.id, p.company.name, p.company.nameZh, p.score, p.roles.join('|'), p.existingPartner,
      ...PILOT_PARTS.map(([part]) => p.parts[part]), p.reasons.join(' | '), p.reasonsZh.join(' | '),
    ]),
  );
}

export function PartnersPage() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { query } = useRoute();
  const p = {
    startup: param(query, 'startup'), tech: listParam(query, 'tech'), near: param(query, 'near'),
    first: intParam(query, 'first', 1, 50, 10), sel: param(query, 'sel'),
  };
  const set = (patch: Partial<typeof p>, push = true) => go('partners', { ...p, ...patch }, { push });
  const args: PilotArgs = { startupId: p.startup, technologyIds: p.tech, regionId: p.near, first: p.first };
  const asked = !!(p.startup || p.tech.length);
  const [answer, retry] = useAnswer(asked ? `partners:${JSON.stringify(args)}` : null, (signal) => pilotPartners(args, signal));
  const partners = answer.status === 'ready' ? answer.value : [];
  const active = partners.find((r) => r.company.id === p.sel) ?? partners[0] ?? null;

  return (
    <div className="answer" data-testid="partners-view">
      <section className="answer__side">
        <AnswerHeader title="partnersTitle" intro="partnersIntro" />
        <div className="answer__form">
          <EntityPicker
            label={t('startup')} kinds={['COMPANY']} value={p.startup ? [p.startup] : []} placeholder={t('pickCompany')}
            onChange={(ids) => set({ startup: ids[0] ?? null, sel: null })} testId="partners-startup"
          />
          <EntityPicker
            label={t('technologiesPick')} kinds={['TECHNOLOGY']} value={p.tech} multiple placeholder={t('pickTechnology')}
            onChange={(tech) => set({ tech, sel: null })} testId="partners-tech"
          />
          <EntityPicker
            label={t('near')} kinds={['REGION']} value={p.near ? [p.near] : []} placeholder={t('pickRegionNear')}
            onChange={(ids) => set({ near: ids[0] ?? null, sel: null })} testId="partners-near"
          />
          <ResultCount value={p.first} onChange={(n) => set({ first: n, sel: null })} testId="partners-first" />
        </div>
        <div className="answer__toolbar">
          <span className="muted">{answer.status === 'ready' ? t('resultsShown', { count: partners.length }) : ''}</span>
          <button
            type="button" data-testid="partners-csv" disabled={!partners.length} title={t('exportListTitle')}
            onClick={() => downloadCsv(partnersCsv(partners), `${fileStem(`partners-${p.startup ?? p.tech.join('+')}`)}.csv`)}
          >
            {t('exportCsv')}
          </button>
        </div>
        <AnswerStatus answer={answer} retry={retry} idle="partnersIdle" empty="partnersEmpty" isEmpty={!partners.length} />
        <RankedCompanies
          rows={partners.map((r) => toRow(r, lang))} selected={active?.company.id ?? null}
          onSelect={(sel) => set({ sel }, false)} testId="partners"
        />
      </section>
      <section className="answer__graph">
        <AnswerGraph view={active?.paths ?? null} emptyText={t('pathsHint')} />
      </section>
    </div>
  );
}
