// "Sign in with API key": the key is kept in localStorage and sent with every request. Its role
// is known only to the server, so the control says just whether a key is set; a refused change
// says why (ErrorNote).
import { useState, useSyncExternalStore } from 'react';
import { hasApiKey, onApiKeyChange, setApiKey } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';

export function useHasApiKey(): boolean {
  return useSyncExternalStore(onApiKeyChange, hasApiKey);
}

export function ApiKeyControl() {
  const t = useT();
  const keySet = useHasApiKey();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');

  if (keySet) {
    return (
      <span className="api-key" data-testid="api-key-control" data-state="set">
        <span className="api-key__status" title={t('apiKeySetTitle')}>{t('apiKeySet')}</span>
        <button type="button" data-testid="api-key-clear" onClick={() => setApiKey('')}>{t('apiKeyClear')}</button>
      </span>
    );
  }
  if (!open) {
    return (
      <span className="api-key" data-testid="api-key-control" data-state="none">
        <button type="button" data-testid="api-key-open" onClick={() => setOpen(true)}>{t('apiKeySignIn')}</button>
      </span>
    );
  }
  return (
    <form
      className="api-key" data-testid="api-key-control" data-state="editing"
      onSubmit={(e) => {
        e.preventDefault();
        if (!key.trim()) return;
        setApiKey(key.trim());
        setKey('');
        setOpen(false);
      }}
    >
      <input
        type="password" data-testid="api-key-input" value={key} autoFocus autoComplete="off"
        placeholder={t('apiKeyPlaceholder')} aria-label={t('apiKeyPlaceholder')} onChange={(e) => setKey(e.target.value)}
      />
      <button type="submit" data-testid="api-key-save" disabled={!key.trim()}>{t('apiKeySave')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('editCancel')}</button>
    </form>
  );
}
