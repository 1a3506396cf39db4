// The translation function for the current language, and the API's messages in it.
import { useCallback } from 'react';
import { useApp } from '../store/store.ts';
import { apiMessageIn } from './api-messages.ts';
import { text, type StringKey } from './strings.ts';

export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((key, vars) => text(lang, key, vars), [lang]);
}

/** The API's (English) message in the current language, where api-messages.ts knows it. */
export function useApiMessage(): (message: string) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((message) => apiMessageIn(lang, message), [lang]);
}
