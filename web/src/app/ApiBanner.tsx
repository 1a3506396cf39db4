// The banner shown while the API cannot be reached, its database does not answer, or it wants a key.
import { useState } from 'react';
import { setApiKey } from '../api/client.ts';
import { useApiMessage, useT } from '../i18n/useT.ts';
import { actions, useApp } from '../store/store.ts';

export function ApiBanner() {
  const t = useT();
  const apiMessage = useApiMessage();
  const problem = useApp((s) => s.apiProblem);
  const [key, setKey] = useState('');
  const [retrying, setRetrying] = useState(false);
  if (!problem) return null;
  const retry = async () => {
    setRetrying(true);
    await actions.retry();
    setRetrying(false);
  };
  const message = problem.kind === 'unavailable' ? t('apiUnavailable')
    : problem.kind === 'unauthenticated' ? t('apiKeyNeeded')
      : t('apiDown');
  return (
    <div className="api-banner" role="alert" data-testid="api-banner" data-kind={problem.kind}>
      <span>{message}</span>
      <span className="api-banner__detail">{apiMessage(problem.message)}</span>
      {problem.kind === 'unauthenticated' && (
        <form onSubmit={(e) => {
          e.preventDefault();
          setApiKey(key.trim());
          void retry();
        }}
        >
          <input type="password" value={key} placeholder={t('apiKeyPlaceholder')} onChange={(e) => setKey(e.target.value)} />
          <button type="submit">{t('apiKeySave')}</button>
        </form>
      )}
      <button type="button" data-testid="api-retry" onClick={() => void retry()} disabled={retrying}>{t('retry')}</button>
    </div>
  );
}
