// Why a change was refused: no key, a key the server does not know, or a key without the editor
// role, each with what to do; any other error as the API said it.
import { ApiError, hasApiKey } from '../../api/client.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';

function refusalKey(error: ApiError): StringKey | null {
  if (error.kind === 'unauthenticated') return hasApiKey() ? 'editKeyInvalid' : 'editNeedsKey';
  if (error.kind === 'forbidden') return 'editForbidden';
  return null;
}

export function ErrorNote({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const refusal = error instanceof ApiError ? refusalKey(error) : null;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="edit-error" role="alert" data-testid="edit-error" data-kind={error instanceof ApiError ? error.kind : 'other'}>
      {refusal ? <><strong>{t(refusal)}</strong> <span className="edit-error__detail">{detail}</span></> : detail}
    </div>
  );
}
