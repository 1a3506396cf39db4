// Loads one answer for the current inputs: a change of inputs aborts the request before, the
// last answers are kept so back/forward and switching tabs are instant, errors are not kept.
import { useEffect, useState } from 'react';
import { ApiError, isAbort } from '../../api/client.ts';

export type Answer<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

const CACHE_SIZE = 40;
const cache = new Map<string, unknown>();

function remember(key: string, value: unknown): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** Forgets every answer, so the next view asks again (after the data may have been edited). */
export function forgetAnswers(): void {
  cache.clear();
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('other', error instanceof Error ? error.message : String(error));
}

/** key names the inputs (null: nothing to ask yet); load fetches the answer for them. */
export function useAnswer<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): [Answer<T>, () => void] {
  const [failed, setFailed] = useState<{ key: string; error: ApiError } | null>(null);
  const [, setLoaded] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key || cache.has(key)) return;
    const controller = new AbortController();
    setFailed(null);
    load(controller.signal).then(
      (value) => {
        remember(key, value);
        setLoaded(key);
      },
      (error: unknown) => {
        if (!isAbort(error)) setFailed({ key, error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // load is a new closure every render; the key says when the inputs changed.
  }, [key, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  if (!key) return [{ status: 'idle' }, retry];
  if (cache.has(key)) return [{ status: 'ready', value: cache.get(key) as T }, retry];
  if (failed?.key === key) return [{ status: 'error', error: failed.error }, retry];
  return [{ status: 'loading' }, retry];
}
