// A ranked list of companies with a score bar, tags, a flag, the reasons in plain sentences and,
// for the selected row, each part of the score; shared by the partners and adopters views.
import type { AnswerCompany } from '../../api/types.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { displayName, valueName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { openInExplore } from './open.ts';

export interface RankedRow {
  company: AnswerCompany;
  score: number;
  reasons: string[];
  tags: string[];
  /** Shown as a badge when set (existing partner, past transfer). */
  flag: string | null;
  /** Each part of the score, named, 0–1. */
  parts: [string, number][];
}

export function ScoreBar({ score, label }: { score: number; label?: string }) {
  return (
    <span className="score" title={label ? `${label}: ${score.toFixed(2)}` : score.toFixed(2)}>
      <span className="score__track"><span className="score__bar" style={{ width: `${Math.round(score * 100)}%` }} /></span>
      <span className="score__value">{score.toFixed(2)}</span>
    </span>
  );
}

interface Props {
  rows: RankedRow[];
  selected: string | null;
  onSelect(id: string): void;
  /** data-testid of the list; rows are `${testId}-row`, flags `${testId}-flag`. */
  testId: string;
}

export function RankedCompanies({ rows, selected, onSelect, testId }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  return (
    <>
      <ol className="ranked" data-testid={testId} role="listbox" aria-label={t('rankedLabel')}>
        {rows.map((row, i) => {
          const active = row.company.id === selected;
          const c = row.company;
          return (
            <li
              key={c.id} role="option" aria-selected={active} tabIndex={0} className={`ranked__row${active ? ' active' : ''}`}
              data-testid={`${testId}-row`} data-id={c.id} data-score={row.score}
              onClick={() => onSelect(c.id)}
              onKeyDown={(e) => {
                if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  onSelect(c.id);
                }
              }}
            >
              <div className="ranked__head">
                <span className="ranked__rank">{i + 1}</span>
                <KindIcon kind="COMPANY" size={14} />
                <span className="ranked__name">{displayName(c, lang)}</span>
                {row.flag && <span className="badge badge--flag" data-testid={`${testId}-flag`}>{row.flag}</span>}
                <ScoreBar score={row.score} label={t('score')} />
              </div>
              <div className="ranked__meta">
                {row.tags.map((tag) => <span key={tag} className="badge">{tag}</span>)}
                {c.stage && <span>{valueName('stage', c.stage, lang)}</span>}
                {c.employees !== null && <span>{t('employeesCount', { count: c.employees })}</span>}
              </div>
              <ul className="ranked__reasons">
                {row.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
              {active && (
                <div className="ranked__detail">
                  <dl className="parts" data-testid="score-parts">
                    {row.parts.map(([name, value]) => (
                      <div key={name}><dt>{name}</dt><dd><ScoreBar score={value} label={name} /></dd></div>
                    ))}
                  </dl>
                  <button
                    type="button" data-testid="open-explore"
                    onClick={(e) => {
                      e.stopPropagation();
                      openInExplore(c);
                    }}
                  >
                    {t('openInExplore')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

const RESULT_SIZES = [10, 20, 50];

/** How many rows to ask for. */
export function ResultCount({ value, onChange, testId }: { value: number; onChange(n: number): void; testId: string }) {
  const t = useT();
  return (
    <label className="answer-picker">
      <span className="answer-picker__label">{t('resultCount')}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))}>
        {RESULT_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </label>
  );
}
