// A labelled picker over search, limited to some kinds: the chosen entities show as chips that
// can be removed; with `multiple` each pick adds one, otherwise it replaces the one chosen.
import type { EntityKind } from '../../api/types.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { rememberEntity, useEntities } from './names.ts';

interface Props {
  label: string;
  kinds: readonly EntityKind[];
  value: readonly string[];
  onChange(ids: string[]): void;
  multiple?: boolean;
  placeholder?: string;
  /** data-testid of the picker; its input is `${testId}-input`, each chip `${testId}-chip`. */
  testId: string;
}

export function EntityPicker({ label, kinds, value, onChange, multiple = false, placeholder, testId }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const entities = useEntities(value);
  return (
    <div className="answer-picker" data-testid={testId}>
      <span className="answer-picker__label">{label}</span>
      <div className="answer-picker__body">
        {value.map((id) => {
          const entity = entities.get(id);
          return (
            <span key={id} className={`chip${entity === null ? ' chip--unknown' : ''}`} data-testid={`${testId}-chip`} data-id={id}>
              {entity && <KindIcon kind={entity.kind} size={12} />}
              <span title={id}>{entity ? displayName(entity, lang) : entity === null ? t('unknownEntity', { id }) : id}</span>
              <button type="button" className="chip__remove" aria-label={t('removeChoice')} title={t('removeChoice')} onClick={() => onChange(value.filter((v) => v !== id))}>×</button>
            </span>
          );
        })}
        {(multiple || value.length === 0) && (
          <SearchBox
            kinds={kinds} placeholder={placeholder} testId={`${testId}-input`}
            onPick={(entity) => {
              rememberEntity(entity);
              if (!value.includes(entity.id)) onChange(multiple ? [...value, entity.id] : [entity.id]);
            }}
          />
        )}
      </div>
    </div>
  );
}
