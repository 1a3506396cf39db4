// The editing buttons of the details panel (edit a company, edit its links, add a company) with
// the API key control. They show for everyone: the role is the server's to check.
import type { EntityDetails } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import { setEditing, useEditing, type EditMode } from './editing.ts';

export function EditBar({ entity }: { entity: EntityDetails | null }) {
  const t = useT();
  const editing = useEditing();
  const company = entity?.kind === 'COMPANY' ? entity : null;
  const isOpen = (mode: EditMode) => !!company && editing?.id === company.id && editing.mode === mode;
  const toggle = (id: string, mode: EditMode) => setEditing(isOpen(mode) ? null : { id, mode });
  return (
    <div className="details__edit" data-testid="details-edit-bar">
      {company && (
        <button type="button" data-testid="details-edit" aria-pressed={isOpen('fields')} onClick={() => toggle(company.id, 'fields')}>
          {t('editFields')}
        </button>
      )}
      {company && (
        <button type="button" data-testid="details-links" aria-pressed={isOpen('links')} onClick={() => toggle(company.id, 'links')}>
          {t('editLinks')}
        </button>
      )}
      <NewCompanyButton />
    </div>
  );
}

/** Opens the new-company form in the details panel (also usable from the header). */
export function NewCompanyButton() {
  const t = useT();
  const editing = useEditing();
  return (
    <button type="button" data-testid="new-company" aria-pressed={editing?.mode === 'create'} onClick={() => setEditing(editing?.mode === 'create' ? null : { id: null, mode: 'create' })}>
      {t('newCompany')}
    </button>
  );
}
