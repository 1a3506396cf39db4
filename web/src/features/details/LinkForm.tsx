// Links a company to a supplier, a customer or a technology picked by search, with the
// relation's product and provenance. The API validates; a refusal naming a field shows beside it.
import { useState, type FormEvent } from 'react';
import { mayBeSaved } from '../../api/client.ts';
import { link, type LinkProperties } from '../../api/mutations.ts';
import type { EntityKind, EntitySummary } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { actions } from '../../store/store.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { fieldError } from './edit-form.ts';
import { setEditing } from './editing.ts';
import { ErrorNote } from '../auth/ErrorNote.tsx';
import { Field } from './Field.tsx';

/** What the new relation is, seen from the company being edited. */
const LINK_KINDS = {
  supplier: { type: 'SUPPLIES', picked: 'COMPANY', from: 'picked', label: 'linkSupplier' },
  customer: { type: 'SUPPLIES', picked: 'COMPANY', from: 'self', label: 'linkCustomer' },
  uses: { type: 'USES', picked: 'TECHNOLOGY', from: 'self', label: 'linkUses' },
  needs: { type: 'NEEDS', picked: 'TECHNOLOGY', from: 'self', label: 'linkNeeds' },
} as const satisfies Record<string, { type: string; picked: EntityKind; from: 'self' | 'picked'; label: StringKey }>;

type LinkKind = keyof typeof LINK_KINDS;

export function LinkForm({ companyId }: { companyId: string }) {
  const t = useT();
  const [kind, setKind] = useState<LinkKind>('supplier');
  const [other, setOther] = useState<EntitySummary | null>(null);
  const [product, setProduct] = useState('');
  const [confidence, setConfidence] = useState('');
  const [asOf, setAsOf] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const spec = LINK_KINDS[kind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!other) local.other = t('linkPickRequired');
    if (confidence.trim() && !Number.isFinite(Number(confidence))) local.confidence = t('editNumber');
    setErrors(local);
    setFailure(null);
    if (!other || Object.keys(local).length) return;
    const properties: LinkProperties = {
      ...(spec.type === 'SUPPLIES' ? { product: product.trim() } : {}),
      ...(confidence.trim() ? { confidence: Number(confidence) } : {}),
      ...(asOf ? { asOf } : {}),
      ...(source.trim() ? { source: source.trim() } : {}),
    };
    const [fromId, toId] = spec.from === 'self' ? [companyId, other.id] : [other.id, companyId];
    setSaving(true);
    try {
      await link(spec.type, fromId, toId, properties);
      setEditing(null);
      actions.refresh();
    } catch (error) {
      if (mayBeSaved(error)) actions.refresh();
      const named = fieldError(error);
      // fromId / toId name the picked end (the edited company exists: it is open here).
      const field = named && (named.field === 'fromId' || named.field === 'toId') ? 'other' : named?.field;
      if (named && field && ['other', 'product', 'confidence', 'asOf', 'source'].includes(field)) setErrors({ [field]: named.message });
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="edit-form" data-testid="link-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('linkTitle')}</h3>
      <ErrorNote error={failure} />
      <Field name="kind" label={t('linkKind')}>
        <select
          name="kind" data-testid="link-kind" value={kind} onChange={(e) => {
            const next = e.target.value as LinkKind;
            if (LINK_KINDS[next].picked !== spec.picked) setOther(null);
            setKind(next);
          }}
        >
          {Object.entries(LINK_KINDS).map(([k, v]) => <option key={k} value={k}>{t(v.label)}</option>)}
        </select>
      </Field>
      <Field name="other" label={t(spec.picked === 'COMPANY' ? 'linkCompany' : 'linkTechnology')} error={errors.other}>
        <EntityPicker
          kind={spec.picked} excludeId={companyId} value={other} onChange={setOther}
          placeholder={t(spec.picked === 'COMPANY' ? 'linkPickCompany' : 'linkPickTechnology')}
        />
      </Field>
      {spec.type === 'SUPPLIES' && (
        <Field name="product" label={t('fieldProduct')} error={errors.product} required>
          <input type="text" name="product" value={product} onChange={(e) => setProduct(e.target.value)} aria-required />
        </Field>
      )}
      <Field name="confidence" label={t('fieldConfidence')} error={errors.confidence}>
        <input type="text" name="confidence" inputMode="decimal" placeholder="0–1" value={confidence} onChange={(e) => setConfidence(e.target.value)} />
      </Field>
      <Field name="asOf" label={t('fieldAsOf')} error={errors.asOf}>
        <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </Field>
      <Field name="source" label={t('source')} error={errors.source}>
        <input type="text" name="source" value={source} placeholder={t('linkSourcePlaceholder')} onChange={(e) => setSource(e.target.value)} />
      </Field>
      <div className="edit-form__buttons">
        <button type="submit" className="primary" data-testid="link-save" disabled={saving}>{saving ? t('editSaving') : t('linkSave')}</button>
        <button type="button" onClick={() => setEditing(null)}>{t('editCancel')}</button>
      </div>
    </form>
  );
}
