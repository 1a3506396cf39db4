// Picks one entity of a kind by searching for it (English or Chinese), for the link form.
import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import { pickSearch } from '../../api/mutations.ts';
import type { EntityKind, EntitySummary } from '../../api/types.ts';
import { displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';

const DEBOUNCE_MS = 180;

interface Props {
  kind: EntityKind;
  /** Left out of the results (the entity being edited). */
  excludeId: string;
  value: EntitySummary | null;
  onChange(value: EntitySummary | null): void;
  placeholder: string;
}

export function EntityPicker({ kind, excludeId, value, onChange, placeholder }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [text, setText] = useState('');
  const [results, setResults] = useState<EntitySummary[] | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      pickSearch(query, kind, controller.signal).then(
        (items) => setResults(items.filter((i) => i.id !== excludeId)),
        (error: unknown) => {
          if (!isAbort(error)) setResults([]);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, kind, excludeId]);

  if (value) {
    return (
      <div className="picker picker--chosen" data-testid="picker-chosen" data-id={value.id}>
        <KindIcon kind={value.kind} size={12} /> <span>{displayName(value, lang)}</span> <code>{value.id}</code>
        <button type="button" className="link" onClick={() => onChange(null)}>{t('linkPickChange')}</button>
      </div>
    );
  }
  return (
    <div className="picker">
      <input type="search" data-testid="picker-input" value={text} placeholder={placeholder} aria-label={placeholder} onChange={(e) => setText(e.target.value)} />
      {results && (
        <ul className="picker__results" role="listbox">
          {results.length === 0 && <li className="muted">{t('searchNoResults')}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button" role="option" aria-selected={false} className="link" data-testid="picker-result" data-id={r.id}
                onClick={() => {
                  onChange(r);
                  setText('');
                }}
              >
                <KindIcon kind={r.kind} size={12} /> {displayName(r, lang)} <code>{r.id}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
