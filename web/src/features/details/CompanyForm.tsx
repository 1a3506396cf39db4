// Edits a company's fields, or creates a company. The API validates (as import does); a
// refusal that names a field is shown beside it.
import { useState, type FormEvent } from 'react';
import { ApiError, mayBeSaved } from '../../api/client.ts';
import { createCompany, updateEntity } from '../../api/mutations.ts';
import type { EntityDetails } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import { valueName, type StringKey } from '../../i18n/strings.ts';
import { actions, useApp } from '../../store/store.ts';
import { STAGES, companyForm, createInput, fieldError, localProblems, updateInput, type CompanyForm as Form } from './edit-form.ts';
import { setEditing } from './editing.ts';
import { ErrorNote } from '../auth/ErrorNote.tsx';
import { Field } from './Field.tsx';

/** `entity` is the company to edit; without it the form creates one. */
export function CompanyForm({ entity }: { entity?: EntityDetails }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [original] = useState(() => companyForm(entity));
  const [form, setForm] = useState(original);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: keyof Form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [field]: e.target.value });
    if (errors[field]) setErrors({ ...errors, [field]: '' });
  };

  // A change that may have been saved is read again when the form closes, not before: the form
  // is keyed by the company's updatedAt, so reading it again would replace the form and its note.
  const close = () => {
    setEditing(null);
    if (mayBeSaved(failure)) actions.refresh();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = localProblems(form);
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([f, key]) => [f, t(key)])));
      return;
    }
    setSaving(true);
    setErrors({});
    setFailure(null);
    try {
      if (entity) {
        const input = updateInput(form, original);
        if (Object.keys(input).length) await updateEntity(entity.id, input);
        setEditing(null);
        actions.refresh();
      } else {
        const created = await createCompany(createInput(form));
        setEditing(null);
        actions.focusOn(created);
      }
    } catch (error) {
      // Saved, only its answer lost: done, as far as the editor is concerned.
      if (entity && error instanceof ApiError && error.saved === 'YES') {
        setEditing(null);
        actions.refresh();
        return;
      }
      const named = fieldError(error);
      if (named && named.field in form && (named.field !== 'id' || !entity)) setErrors({ [named.field]: named.message });
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const text = (field: keyof Form, label: StringKey, extra: { placeholder?: string; numeric?: boolean; required?: boolean } = {}) => (
    <Field name={field} label={t(label)} error={errors[field]} required={extra.required}>
      <input
        type="text" name={field} value={form[field]} onChange={change(field)} placeholder={extra.placeholder}
        inputMode={extra.numeric ? 'numeric' : undefined} aria-invalid={!!errors[field]} aria-required={extra.required}
      />
    </Field>
  );

  return (
    <form className="edit-form" data-testid="company-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{entity ? t('editTitle', { name: entity.name }) : t('newCompany')}</h3>
      <ErrorNote error={failure} />
      {!entity && text('id', 'fieldId', { placeholder: t('idPlaceholder') })}
      {text('name', 'fieldName', { required: true })}
      {text('nameZh', 'fieldNameZh')}
      {text('aliases', 'aliases', { placeholder: t('aliasesHint') })}
      <Field name="description" label={t('fieldDescription')} error={errors.description}>
        <textarea name="description" rows={3} value={form.description} onChange={change('description')} />
      </Field>
      <Field name="stage" label={t('stage')} error={errors.stage}>
        <select name="stage" value={form.stage} onChange={change('stage')}>
          <option value="">{t('editNotSet')}</option>
          {STAGES.map((s) => <option key={s} value={s}>{valueName('stage', s, lang)}</option>)}
        </select>
      </Field>
      {text('founded', 'founded', { numeric: true })}
      {text('employees', 'employees', { numeric: true })}
      <Field name="listed" label={t('listed')} error={errors.listed}>
        <select name="listed" value={form.listed} onChange={change('listed')}>
          <option value="">{t('editNotSet')}</option>
          <option value="yes">{t('yes')}</option>
          <option value="no">{t('no')}</option>
        </select>
      </Field>
      <div className="edit-form__buttons">
        <button type="submit" className="primary" data-testid="company-save" disabled={saving}>
          {saving ? t('editSaving') : entity ? t('editSave') : t('editCreate')}
        </button>
        <button type="button" onClick={close}>{t('editCancel')}</button>
      </div>
    </form>
  );
}
