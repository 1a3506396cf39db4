// One segment of the chain in the region: why it is (or is not) a gap, the local companies, the
// candidate fillers from elsewhere, the labs whose technologies apply and the policies that
// target it. Every name opens in the explorer.
import type { EntitySummary, GapCompany, SegmentGap } from '../../api/types.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { displayName, inLanguage, nameList, numberIn, valueName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { openInExplore } from '../answers/open.ts';
import { GAP_STYLES, shadeOf } from './gap-style.ts';
import { outsidePercent } from './inbound.ts';

function EntityLink({ entity }: { entity: EntitySummary }) {
  const lang = useApp((s) => s.lang);
  const t = useT();
  return (
    <button type="button" className="link entity-link" title={t('openInExplore')} onClick={() => openInExplore(entity)}>
      <KindIcon kind={entity.kind} size={12} /> {displayName(entity, lang)}
    </button>
  );
}

/** Under a list the answer cut (it lists at most 20 with the full count beside): how many are shown of how many. */
function ListedOf({ shown, total, largest }: { shown: number; total: number; largest?: boolean }) {
  const t = useT();
  if (shown >= total) return null;
  return <p className="muted" data-testid="listed-of">{t(largest ? 'largestListed' : 'firstListed', { shown, total })}</p>;
}

function CompanyList({ companies, testId, fillers }: { companies: GapCompany[]; testId: string; fillers?: boolean }) {
  const t = useT();
  const lang = useApp((st) => st.lang);
  if (!companies.length) return <p className="muted">{t('none')}</p>;
  return (
    <ul className="panel-list">
      {companies.map((c) => (
        <li key={c.company.id} data-testid={testId} data-id={c.company.id}>
          <EntityLink entity={c.company} />
          <span className="panel-list__meta">
            {[
              inLanguage(c.regionName, c.regionNameZh, lang),
              c.company.employees !== null ? t('employeesCount', { count: c.company.employees }) : null,
              fillers && c.localCustomers ? t('localCustomers', { count: c.localCustomers }) : null,
              fillers && c.localAlumni ? t('localAlumni', { count: c.localAlumni }) : null,
            ].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function SegmentPanel({ segment: s, regionName, onClose }: { segment: SegmentGap; regionName: string; onClose(): void }) {
  const t = useT();
  const lang = useApp((st) => st.lang);
  const style = GAP_STYLES[shadeOf(s.gap)];
  return (
    <aside className="segment-panel" data-testid="segment-panel" data-id={s.segment.id} aria-label={displayName(s.segment, lang)}>
      <button type="button" className="details__close" onClick={onClose} title={t('detailsClose')} aria-label={t('detailsClose')}>×</button>
      <header className="details__header">
        <KindIcon kind="SEGMENT" size={20} />
        <div>
          <h2>{displayName(s.segment, lang)}</h2>
          <div className="details__kind">{s.segment.tier && valueName('tier', s.segment.tier, lang)} · <code>{s.segment.id}</code></div>
        </div>
      </header>
      <div className="segment-panel__gaps">
        {(s.gaps.length ? s.gaps : [null]).map((g) => {
          const st = GAP_STYLES[shadeOf(g)];
          return (
            <p key={g ?? 'none'} className="gap-line" style={{ borderColor: st.color }} data-testid="segment-gap" data-gap={g ?? 'NONE'}>
              <strong style={{ color: st.color }}>{t(st.name)}</strong> — {t(st.hint, { region: regionName })}
            </p>
          );
        })}
      </div>
      <dl className="details__fields">
        <div><dt>{t('localCompaniesCount')}</dt><dd>{numberIn(lang, s.localCount)}</dd></div>
        <div><dt>{t('inboundLabel')}</dt><dd>{t(s.inboundIsLowerBound ? 'inboundShareValue' : 'inboundValue', { pct: outsidePercent(s), outside: s.inboundFromOutside, total: s.inboundSupplies })}</dd></div>
        <div><dt>{t('expertsLabel')}</dt><dd>{t('expertsValue', { experts: s.localExperts, adopters: s.localAdopters })}</dd></div>
        {s.technologies.length > 0 && (
          <div>
            <dt>{t('technologies')}</dt>
            <dd>{nameList(inLanguage(s.technologies, s.technologiesZh, lang), lang)}<ListedOf shown={s.technologies.length} total={s.technologyCount} /></dd>
          </div>
        )}
      </dl>
      <section className="details__group">
        <h3>{t('localCompanies')} <span className="count">{numberIn(lang, s.localCount)}</span></h3>
        <CompanyList companies={s.localCompanies} testId="local-company" />
        <ListedOf shown={s.localCompanies.length} total={s.localCount} largest />
      </section>
      <section className="details__group" style={{ borderColor: style.color }}>
        <h3>{t('fillers')} <span className="count">{s.fillers.length}</span></h3>
        <p className="muted">{t('fillersHint')}</p>
        <CompanyList companies={s.fillers} testId="filler" fillers />
      </section>
      <section className="details__group">
        <h3>{t('labs')} <span className="count">{numberIn(lang, s.labCount)}</span></h3>
        {s.labs.length ? (
          <ul className="panel-list">
            {s.labs.map((l) => (
              <li key={l.lab.id} data-testid="gap-lab" data-id={l.lab.id}>
                <EntityLink entity={l.lab} />
                {l.local && <span className="badge badge--local">{t('localBadge')}</span>}
                <span className="panel-list__meta">
                  {[inLanguage(l.regionName, l.regionNameZh, lang), nameList(inLanguage(l.technologies, l.technologiesZh, lang), lang), l.trl !== null ? `${t('trl')} ${l.trl}` : null].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('none')}</p>}
        <ListedOf shown={s.labs.length} total={s.labCount} />
      </section>
      <section className="details__group">
        <h3>{t('policies')} <span className="count">{numberIn(lang, s.policyCount)}</span></h3>
        {s.policies.length ? (
          <ul className="panel-list">
            {s.policies.map((p) => (
              <li key={p.policy.id} data-testid="gap-policy" data-id={p.policy.id}>
                <EntityLink entity={p.policy} />
                {p.appliesHere && <span className="badge badge--local">{t('appliesHere')}</span>}
                {p.issuerRegion && <span className="panel-list__meta">{t('issuedIn', { region: inLanguage(p.issuerRegion, p.issuerRegionZh, lang) })}</span>}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('none')}</p>}
        <ListedOf shown={s.policies.length} total={s.policyCount} />
      </section>
    </aside>
  );
}
