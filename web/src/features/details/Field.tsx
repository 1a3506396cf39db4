// A labelled form field with the API's complaint about it beside it.
import type { ReactNode } from 'react';

export function Field({ name, label, error, children }: { name: string; label: string; error?: string; children: ReactNode }) {
  return (
    <label className={`edit-field${error ? ' edit-field--error' : ''}`} data-field={name}>
      <span className="edit-field__label">{label}</span>
      {children}
      {error && <span className="edit-field__error" role="alert" data-testid={`field-error-${name}`}>{error}</span>}
    </label>
  );
}
