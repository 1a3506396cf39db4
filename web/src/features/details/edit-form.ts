// The pure part of editing: form text to mutation input (only what changed, emptied fields
// removed), and an API refusal to the form field it names.
import { ApiError } from '../../api/client.ts';
import type { CompanyInput } from '../../api/mutations.ts';
import type { EntityDetails } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';

export const STAGES = ['startup', 'scaleup', 'enterprise'] as const;

/** The company form as typed: every field is text ('' = not set; listed is '', 'yes' or 'no'). */
export interface CompanyForm {
  id: string;
  name: string;
  nameZh: string;
  aliases: string;
  description: string;
  stage: string;
  founded: string;
  employees: string;
  listed: string;
}

export function companyForm(e?: EntityDetails): CompanyForm {
  return {
    id: e?.id ?? '',
    name: e?.name ?? '',
    nameZh: e?.nameZh ?? '',
    aliases: e?.aliases.join(', ') ?? '',
    description: e?.description ?? '',
    stage: e?.stage ?? '',
    founded: e?.founded?.toString() ?? '',
    employees: e?.employees?.toString() ?? '',
    listed: e?.listed === true ? 'yes' : e?.listed === false ? 'no' : '',
  };
}

const INTEGER = /^-?\d+$/;
/** GraphQL's Int is 32-bit: a larger number is refused by the API before any check of its own. */
const MAX_INT = 2 ** 31 - 1;

/** The fields of the form that are not whole numbers where whole numbers are needed, or too large for one. */
export function localProblems(form: CompanyForm): Record<string, StringKey> {
  const problems: Record<string, StringKey> = {};
  for (const field of ['founded', 'employees'] as const) {
    const text = form[field].trim();
    if (text && !INTEGER.test(text)) problems[field] = 'editWholeNumber';
    else if (text && Math.abs(Number(text)) > MAX_INT) problems[field] = 'editNumberTooLarge';
  }
  return problems;
}

function values(form: CompanyForm): Required<Omit<CompanyInput, 'id'>> {
  const text = (s: string) => s.trim() || null;
  const int = (s: string) => (s.trim() ? Number.parseInt(s.trim(), 10) : null);
  const aliases = form.aliases.split(/[,，、|]/).map((a) => a.trim()).filter(Boolean);
  return {
    name: text(form.name),
    nameZh: text(form.nameZh),
    aliases: aliases.length ? aliases : null,
    description: text(form.description),
    stage: text(form.stage),
    founded: int(form.founded),
    employees: int(form.employees),
    listed: form.listed === 'yes' ? true : form.listed === 'no' ? false : null,
  };
}

/** Input for createEntity: the fields that are set. */
export function createInput(form: CompanyForm): CompanyInput {
  const set = Object.entries(values(form)).filter(([, v]) => v !== null);
  return { ...(form.id.trim() ? { id: form.id.trim() } : {}), ...Object.fromEntries(set) };
}

/** Input for updateEntity: only the fields that changed, null for those emptied. */
export function updateInput(form: CompanyForm, original: CompanyForm): CompanyInput {
  const now = values(form);
  const before = values(original);
  return Object.fromEntries(
    Object.entries(now).filter(([field, v]) => JSON.stringify(v) !== JSON.stringify(before[field as keyof typeof before])),
  );
}

/**
 * The form field an API refusal names ("input.stage" → stage, "properties.product" → product,
 * "toId" → toId) and its message without the "Argument …" prefix; null when it names none.
 */
export function fieldError(error: unknown): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || error.kind !== 'bad-input' || !error.argument) return null;
  const field = error.argument.split('.').pop()!;
  const message = error.message.replace(/^Argument "[^"]*"\s*/, '');
  return { field, message };
}
