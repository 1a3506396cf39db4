// Type-ahead over the API's search: debounced, English or Chinese, grouped by kind, with the
// keyboard (↑ ↓ move, Enter opens, Esc closes). In the header it opens the chain view; the answer
// views use it as a picker, limited to some kinds and with their own onPick.
// While a new query is on its way the last answer stays on screen, dimmed, and Enter waits for the
// answer to what is typed now: otherwise Enter could open a result of the previous text.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, isAbort } from '../../api/client.ts';
import { search } from '../../api/queries.ts';
import type { EntityKind, EntitySummary } from '../../api/types.ts';
import { KIND_NAMES, displayName } from '../../i18n/strings.ts';
import { useApiMessage, useT } from '../../i18n/useT.ts';
import { actions, useApp } from '../../store/store.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { groupByKind } from './group.ts';

const DEBOUNCE_MS = 180;

/** The last answer and the text it answers. */
type Answer = { query: string; items: EntitySummary[] } | { query: string; error: string };

interface Props {
  /** Only entities of these kinds (all kinds when absent). */
  kinds?: readonly EntityKind[];
  placeholder?: string;
  /** What choosing a result does; the default opens it in the chain view. */
  onPick?(entity: EntitySummary): void;
  testId?: string;
}

export function SearchBox({ kinds, placeholder, onPick = actions.focusOn, testId = 'search-input' }: Props = {}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const apiMessage = useApiMessage();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const kindsKey = kinds?.join(',') ?? '';

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setAnswer(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      search(query, controller.signal, kinds).then(
        (items) => {
          setAnswer({ query, items });
          setActive(0);
        },
        (error: unknown) => {
          if (!isAbort(error)) setAnswer({ query, error: error instanceof ApiError ? error.message : String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, kindsKey]);

  const query = text.trim();
  const stale = answer?.query !== query;
  const items = answer && 'items' in answer ? answer.items : [];
  const groups = groupByKind(items);
  const flat = groups.flatMap((g) => g.items);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const pick = (entity: EntitySummary) => {
    setOpen(false);
    setText('');
    input.current?.blur();
    onPick(entity);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME (pinyin) is still composing the text
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (flat.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : flat.length - 1)) % flat.length);
    } else if (e.key === 'Enter') {
      const chosen = flat[active];
      if (open && chosen && !stale) {
        e.preventDefault();
        pick(chosen);
      }
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
    }
  };

  const showList = open && !!query;
  const offsets = groups.map((_, g) => groups.slice(0, g).reduce((sum, prev) => sum + prev.items.length, 0));
  return (
    <div className="search">
      <input
        ref={input} type="text" className="search__input" data-testid={testId}
        role="combobox" aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={showList && flat.length ? optionId(active) : undefined}
        placeholder={placeholder ?? t('searchPlaceholder')} value={text} autoComplete="off" spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div
          className={`search__results${stale ? ' search__results--stale' : ''}`} id={listId} role="listbox"
          data-testid="search-results" data-query={answer?.query} aria-busy={stale}
        >
          {stale && <div className="search__note">{t('searchSearching')}</div>}
          {!stale && answer && 'error' in answer && (
            <div className="search__note search__note--error">{t('searchFailed', { message: apiMessage(answer.error) })}</div>
          )}
          {!stale && answer && 'items' in answer && !flat.length && <div className="search__note" data-testid="search-empty">{t('searchNoResults')}</div>}
          {groups.map((group, g) => (
            <div key={group.kind} className="search__group" role="group" aria-label={KIND_NAMES[lang][group.kind]}>
              <div className="search__group-title"><KindIcon kind={group.kind} size={12} /> {KIND_NAMES[lang][group.kind]}</div>
              {group.items.map((item, j) => {
                const i = offsets[g]! + j;
                const other = lang === 'zh' ? item.name : item.nameZh;
                return (
                  <div
                    key={item.id} id={optionId(i)} role="option" aria-selected={i === active}
                    className={`search__result${i === active ? ' active' : ''}`}
                    data-testid="search-result" data-id={item.id} data-kind={item.kind}
                    onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => setActive(i)} onClick={() => pick(item)}
                  >
                    <KindIcon kind={item.kind} />
                    <span className="search__name">{displayName(item, lang)}</span>
                    {other && other !== displayName(item, lang) && <span className="search__alt">{other}</span>}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
