// Why a change was refused: no key, a key the server does not know, or a key without the editor
// role, each with what to do; any other error as the API said it, led by what became of the
// change when the API says (extensions.saved): an editor told only "failed" would save twice.
import { ApiError, hasApiKey, type SavedState } from '../../api/client.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useApiMessage, useT } from '../../i18n/useT.ts';

function refusalKey(error: ApiError): StringKey | null {
  if (error.kind === 'unauthenticated') return hasApiKey() ? 'editKeyInvalid' : 'editNeedsKey';
  if (error.kind === 'forbidden') return 'editForbidden';
  return null;
}

const SAVED_KEY: Record<SavedState, StringKey> = { NO: 'savedNo', YES: 'savedYes', UNKNOWN: 'savedUnknown', PARTIAL: 'savedPartial' };
/** An import is many rows, not one change: "saved" and "may be saved" say so, and that importing again is safe. */
const IMPORT_SAVED_KEY: Record<SavedState, StringKey> = { ...SAVED_KEY, YES: 'importSavedYes', UNKNOWN: 'importSavedUnknown' };

export function ErrorNote({ error, of = 'change' }: { error: unknown; of?: 'change' | 'import' }) {
  const t = useT();
  const apiMessage = useApiMessage();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const savedKey = of === 'import' ? IMPORT_SAVED_KEY : SAVED_KEY;
  const refusal = api ? refusalKey(api) : null;
  const lead = refusal ?? (api?.saved ? savedKey[api.saved] : null);
  const detail = apiMessage(error instanceof Error ? error.message : String(error));
  return (
    <div className="edit-error" role="alert" data-testid="edit-error" data-kind={api?.kind ?? 'other'} data-saved={api?.saved}>
      {/* A refused key is said in the interface's language only: the API's words would repeat it in English. */}
      {refusal ? <strong>{t(refusal)}</strong>
        : lead ? <><strong>{t(lead)}</strong> <span className="edit-error__detail">{detail}</span></> : detail}
    </div>
  );
}
