// The details of the selected node (or of the focus): its fields, and its suppliers, customers,
// labs, technologies and people with the provenance of each relation; every name refocuses.
// Editors can change a company's fields, link and unlink it, and add a company from here.
import { useEffect, useMemo } from 'react';
import type { EntityDetails, Relation } from '../../api/types.ts';
import { KIND_NAMES, displayName, numberIn, relationName, valueName, type Lang, type StringKey } from '../../i18n/strings.ts';
import { useApiMessage, useT } from '../../i18n/useT.ts';
import { actions, useApp } from '../../store/store.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { CompanyForm } from './CompanyForm.tsx';
import { EditBar } from './EditBar.tsx';
import { keepEditingOnly, useEditing } from './editing.ts';
import { LinkForm } from './LinkForm.tsx';
import { GROUP_ORDER, groupCounts, groupRelations } from './relation-groups.ts';
import { UnlinkButton } from './UnlinkButton.tsx';

const FIELDS: (keyof EntityDetails & StringKey)[] = [
  'stage', 'founded', 'employees', 'listed', 'labKind', 'parent', 'title', 'field', 'returnee', 'trl', 'tier',
  'level', 'issuer', 'funding', 'validFrom', 'validTo', 'model',
];

export function DetailsPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const apiMessage = useApiMessage();
  const params = useApp((s) => s.params);
  const graph = useApp((s) => s.graph);
  const inGraph = useMemo(() => new Set(graph?.nodes.map((n) => n.id)), [graph]);
  const id = params.sel ?? params.focus;
  const load = useApp((s) => (id ? s.details[id] : undefined));
  const editing = useEditing();
  const creating = editing?.mode === 'create';

  useEffect(() => {
    keepEditingOnly(id);
    if (id) void actions.loadDetails(id);
  }, [id]);

  if (creating && !id) {
    return (
      <aside className="details" data-testid="details" aria-label="Details">
        <EditBar entity={null} />
        <CompanyForm />
      </aside>
    );
  }
  if (!id || !load) return null;
  const value = (field: string, v: unknown) => (typeof v === 'boolean' ? t(v ? 'yes' : 'no')
    : typeof v === 'number' && (field === 'employees' || field === 'funding') ? numberIn(lang, v)
    : valueName(field, String(v), lang));
  return (
    <aside className="details" data-testid="details" aria-label="Details">
      {params.sel && (
        <button type="button" className="details__close" onClick={() => actions.select(null)} title={t('detailsClose')} aria-label={t('detailsClose')}>×</button>
      )}
      {load.status === 'loading' && <p className="details__loading">{t('detailsLoading')}</p>}
      {load.status === 'error' && <p className="details__error" role="alert">{apiMessage(load.error.message)}</p>}
      {creating && <><EditBar entity={null} /><CompanyForm /></>}
      {!creating && load.status === 'ready' && (() => {
        const e = load.value;
        const mode = editing?.id === e.id ? editing.mode : null;
        const other = lang === 'zh' ? e.name : e.nameZh;
        const groups = groupRelations(e.relations);
        const totals = groupCounts(e.relationCounts);
        const expanded = params.expand.includes(e.id);
        return (
          <>
            <header className="details__header">
              <KindIcon kind={e.kind} size={20} />
              <div>
                <h2 data-testid="details-name">{displayName(e, lang)}</h2>
                {other && other !== displayName(e, lang) && <div className="details__alt">{other}</div>}
                <div className="details__kind">{KIND_NAMES[lang][e.kind]} · <code>{e.id}</code></div>
              </div>
            </header>
            <div className="details__actions">
              {e.id !== params.focus && (
                <button type="button" data-testid="details-focus" onClick={() => actions.focusOn({ id: e.id, kind: e.kind, name: e.name, nameZh: e.nameZh })}>
                  {t('focusHere')}
                </button>
              )}
              {inGraph.has(e.id) && !expanded && (
                <button type="button" data-testid="details-expand" onClick={() => actions.expand(e.id)}>{t('expand')}</button>
              )}
              {expanded && <button type="button" data-testid="details-collapse" onClick={() => actions.collapse(e.id)}>{t('collapse')}</button>}
              {inGraph.has(e.id) && e.id !== params.focus && (
                <button type="button" data-testid="details-remove" onClick={() => actions.remove(e.id)}>{t('remove')}</button>
              )}
            </div>
            <EditBar entity={e} />
            {mode === 'fields' && <CompanyForm key={e.updatedAt} entity={e} />}
            {mode === 'links' && <LinkForm companyId={e.id} />}
            {mode !== 'fields' && e.description && <p className="details__description">{e.description}</p>}
            {mode !== 'fields' && <dl className="details__fields">
              {FIELDS.filter((f) => e[f] !== null && e[f] !== undefined).map((f) => (
                <div key={f}><dt>{t(f)}</dt><dd>{value(f, e[f])}</dd></div>
              ))}
              {e.aliases.length > 0 && <div><dt>{t('aliases')}</dt><dd>{e.aliases.join(', ')}</dd></div>}
              <div><dt>{t('degree')}</dt><dd>{numberIn(lang, e.degree)}</dd></div>
              {e.source && <div><dt>{t('source')}</dt><dd>{e.source}</dd></div>}
              {e.updatedAt && <div><dt>{t('updatedAt')}</dt><dd>{e.updatedAt.slice(0, 10)}</dd></div>}
            </dl>}
            {GROUP_ORDER.map((key) => {
              const list = groups.get(key)!;
              const total = Math.max(totals.get(key)!, list.length);
              // A company with no suppliers or customers says so; for other kinds they never apply.
              if (!list.length && (e.kind !== 'COMPANY' || (key !== 'suppliers' && key !== 'customers'))) return null;
              return (
                <section key={key} className="details__group" data-testid={`details-${key}`}>
                  <h3>{t(key)} <span className="count">{numberIn(lang, total)}</span></h3>
                  {list.length === 0 ? <p className="muted">{t('none')}</p> : (
                    <ul>{list.map((r, i) => (
                      <RelationItem key={`${r.type}-${r.node.id}-${r.direction}-${i}`} relation={r} lang={lang} owner={mode === 'links' ? e.id : null} />
                    ))}</ul>
                  )}
                  {list.length < total && <p className="muted" data-testid="details-listed-of">{t('firstListed', { shown: list.length, total })}</p>}
                </section>
              );
            })}
          </>
        );
      })()}
    </aside>
  );
}

/** `owner` is the entity whose links are being edited: its relations get an unlink button. */
function RelationItem({ relation: r, lang, owner }: { relation: Relation; lang: Lang; owner: string | null }) {
  const t = useT();
  const p = r.provenance;
  const extra = [r.product, r.role, r.transferKind, r.since ? `${r.since}` : null, r.year ? `${r.year}` : null,
    r.share !== null ? `${Math.round(r.share * 100)}%` : null].filter(Boolean);
  const provenance = [p.source, p.confidence !== null ? `${t('confidence')} ${p.confidence}` : null, p.asOf ? `${t('asOf')} ${p.asOf}` : null]
    .filter(Boolean);
  return (
    <li data-id={r.node.id}>
      <button type="button" className="link" onClick={() => actions.focusOn(r.node)} title={t('focusHere')}>
        <KindIcon kind={r.node.kind} size={12} /> {displayName(r.node, lang)}
      </button>
      <span className="relation__type">
        {r.direction === 'IN' ? '← ' : '→ '}{relationName(r.type, lang)}{extra.length ? ` · ${extra.join(' · ')}` : ''}
      </span>
      {provenance.length > 0 && <div className="relation__provenance" title={t('provenance')}>{provenance.join(' · ')}</div>}
      {owner && <UnlinkButton relation={r} owner={owner} />}
    </li>
  );
}
