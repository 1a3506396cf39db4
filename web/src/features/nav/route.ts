// Which view the page shows, and each answer view's inputs, live in the URL
// (?view=partners&startup=…), so a link or a reload gives the same answer and back/forward move
// between views. A URL without `view` belongs to the explorer, which keeps its own parameters
// (store/url.ts) and writes the URL itself (search, home), so both are listened to here.
import { useMemo, useSyncExternalStore } from 'react';
import { navigate, subscribe as subscribeExplorer } from '../../store/store.ts';
import { parseParams } from '../../store/url.ts';
import { forgetAnswers } from '../answers/useAnswer.ts';

export const VIEWS = ['explore', 'partners', 'gaps', 'adopters', 'path', 'import'] as const;
export type View = (typeof VIEWS)[number];
export type AnswerView = Exclude<View, 'explore'>;

/** A view's inputs; empty values and empty lists are left out of the URL. */
export type RouteValues = Record<string, string | number | readonly string[] | null | undefined>;

const listeners = new Set<() => void>();
/** The URL each view had when the user last left it through the tabs, to come back to it. */
const left = new Map<View, string>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  const stopExplorer = subscribeExplorer(listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    stopExplorer();
  };
}

export function viewOf(search: string): View {
  const view = new URLSearchParams(search).get('view');
  return view && (VIEWS as readonly string[]).includes(view) ? (view as View) : 'explore';
}

export function useRoute(): { view: View; query: URLSearchParams } {
  const search = useSyncExternalStore(subscribe, () => location.search);
  return useMemo(() => ({ view: viewOf(search), query: new URLSearchParams(search) }), [search]);
}

function writeUrl(search: string, push: boolean): void {
  const url = `${location.pathname}${search}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  for (const listener of listeners) listener();
}

export function answerSearch(view: AnswerView, values: RouteValues = {}): string {
  const q = new URLSearchParams({ view });
  for (const [name, value] of Object.entries(values)) {
    const text = Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);
    if (text) q.set(name, text);
  }
  return `?${q.toString().replaceAll('%2C', ',')}`;
}

/** Shows an answer view with these inputs: a new history entry, or (push: false) in place. */
export function go(view: AnswerView, values: RouteValues, options: { push?: boolean } = {}): void {
  writeUrl(answerSearch(view, values), options.push ?? true);
}

/**
 * The tabs: back to a view as it was left. Its answer is asked again, since the data may have
 * been edited or imported meanwhile.
 */
export function openView(view: View): void {
  const current = viewOf(location.search);
  if (view === current) return;
  left.set(current, location.search);
  forgetAnswers();
  const search = left.get(view);
  if (view === 'explore') navigate(parseParams(search ?? ''), { push: true });
  else writeUrl(search ?? answerSearch(view), true);
}

export function param(q: URLSearchParams, name: string): string | null {
  return q.get(name)?.trim() || null;
}

export function listParam(q: URLSearchParams, name: string): string[] {
  return [...new Set((q.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

export function intParam(q: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const n = Number(q.get(name));
  return q.has(name) && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
