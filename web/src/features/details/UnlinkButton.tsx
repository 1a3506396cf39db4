// Removes one relationship of the entity whose links are being edited, after a second click.
import { useState } from 'react';
import { mayBeSaved } from '../../api/client.ts';
import { unlink } from '../../api/mutations.ts';
import type { Relation } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import { actions } from '../../store/store.ts';
import { ErrorNote } from '../auth/ErrorNote.tsx';

/** `owner` is the entity shown; the relation runs from or to it. */
export function UnlinkButton({ relation: r, owner }: { relation: Relation; owner: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async () => {
    const [fromId, toId] = r.direction === 'OUT' ? [owner, r.node.id] : [r.node.id, owner];
    setBusy(true);
    setFailure(null);
    try {
      await unlink(r.type, fromId, toId);
      actions.refresh();
    } catch (error) {
      if (mayBeSaved(error)) actions.refresh();
      setFailure(error);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="relation__unlink">
      {asking ? (
        <>
          <button type="button" className="danger" data-testid="unlink-confirm" disabled={busy} onClick={() => void run()}>{t('linkRemoveConfirm')}</button>
          <button type="button" onClick={() => setAsking(false)}>{t('editCancel')}</button>
        </>
      ) : <button type="button" data-testid="unlink" onClick={() => setAsking(true)}>{t('linkRemove')}</button>}
      <ErrorNote error={failure} />
    </div>
  );
}
