// The translation function for the current language.
import { useCallback } from 'react';
import { useApp } from '../store/store.ts';
import { STRINGS, format, type StringKey } from './strings.ts';

export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((key, vars) => format(STRINGS[lang][key], vars), [lang]);
}
