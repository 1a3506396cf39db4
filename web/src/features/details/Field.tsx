// A labelled form field with the API's complaint about it beside it.
import type { ReactNode } from 'react';
import { useApiMessage } from '../../i18n/useT.ts';

/** required marks the field as one the API refuses to go without (its check stays the API's). */
export function Field({ name, label, error, required, children }: { name: string; label: string; error?: string; required?: boolean; children: ReactNode }) {
  const apiMessage = useApiMessage();
  return (
    <label className={`edit-field${error ? ' edit-field--error' : ''}`} data-field={name}>
      <span className="edit-field__label">{label}{required && <span className="edit-field__required" data-testid={`required-${name}`}> *</span>}</span>
      {children}
      {error && <span className="edit-field__error" role="alert" data-testid={`field-error-${name}`}>{apiMessage(error)}</span>}
    </label>
  );
}
