// The app's state in one place: the URL's view parameters, what was loaded for them, the graph
// the canvas draws and the language. Components read it with useApp(selector) and change it
// only through the actions below.
import { useSyncExternalStore } from 'react';
import { ApiError, isAbort, isRefusal, onApiHealth } from '../api/client.ts';
import * as api from '../api/queries.ts';
import type { EntityDetails, EntitySummary, GraphView } from '../api/types.ts';
import { CHAIN_KINDS } from '../graph/kinds.ts';
import type { Lang } from '../i18n/strings.ts';
import { composeView } from './merge.ts';
import { DEFAULT_PARAMS, DIRECTIONS, baseKey, parseParams, toSearch, type ViewParams } from './url.ts';

export type Mode = 'chain' | 'neighborhood';

/** How the canvas should place what changed: everything anew, new nodes near one node, or nothing. */
export interface LayoutRequest {
  seq: number;
  mode: 'full' | 'around' | 'none';
  anchor?: string;
}

export interface Place {
  id: string;
  kind: 'REGION' | 'CLUSTER';
  name: string;
  nameZh: string | null;
  level: string | null;
  parentId: string | null;
}

export type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

export interface AppState {
  lang: Lang;
  params: ViewParams;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** True while anything for the view is being fetched (also expansions, which keep status). */
  busy: boolean;
  /** Why the view could not be loaded (NOT_FOUND, BAD_USER_INPUT, or the API being down). */
  error: ApiError | null;
  focus: EntitySummary | null;
  mode: Mode;
  /** The main view as the API answered it (its truncated / totalNodes drive the banner). */
  base: GraphView | null;
  /** What the canvas draws. */
  graph: GraphView | null;
  layout: LayoutRequest;
  places: Readonly<Record<string, Place>>;
  details: Readonly<Record<string, Load<EntityDetails>>>;
  /** Set while the API cannot be reached (or its database does not answer); drives the banner. */
  apiProblem: ApiError | null;
}

const LANG_STORAGE = 'chainscope.lang';
/** Neighbourhood views (and expansions) go at most this deep (the API's cap). */
export const NEIGHBORHOOD_MAX_DEPTH = 3;

let state: AppState = {
  lang: localStorage.getItem(LANG_STORAGE) === 'zh' ? 'zh' : 'en',
  params: parseParams(location.search),
  status: 'idle',
  busy: false,
  error: null,
  focus: null,
  mode: 'chain',
  base: null,
  graph: null,
  layout: { seq: 0, mode: 'none' },
  places: {},
  details: {},
  apiProblem: null,
};

const listeners = new Set<() => void>();

function set(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function getState(): AppState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useSyncExternalStore(subscribe, () => selector(state));
}

// Answers already fetched, so back/forward and collapsing are instant. Errors are not kept.
const summaries = new Map<string, EntitySummary>();
const views = new Map<string, GraphView>();
let loadedBaseKey: string | null = null;
let loadedExpansions: string[] = [];
let loadedDrawnKey: string | null = null;
let generation = 0;
let inflight: AbortController | null = null;

function layout(mode: LayoutRequest['mode'], anchor?: string): LayoutRequest {
  return { seq: state.layout.seq + 1, mode, anchor };
}

function modeOf(focus: EntitySummary): Mode {
  return CHAIN_KINDS.includes(focus.kind) ? 'chain' : 'neighborhood';
}

async function cached(key: string, fetchView: () => Promise<GraphView>): Promise<GraphView> {
  const hit = views.get(key);
  if (hit) return hit;
  const view = await fetchView();
  views.set(key, view);
  return view;
}

function expansionKey(id: string): string {
  return `expand:${id}`;
}

function fetchExpansion(id: string, signal: AbortSignal): Promise<GraphView> {
  return cached(expansionKey(id), () => api.neighborhood(id, 1, [], signal));
}

async function fetchBase(p: ViewParams, focus: EntitySummary, signal: AbortSignal): Promise<GraphView> {
  return cached(`base:${baseKey(p)}`, () =>
    modeOf(focus) === 'chain'
      ? api.supplyChain({
        id: focus.id, direction: DIRECTIONS[p.dir], depth: p.depth, kinds: p.kinds, regionId: p.region, clusterId: p.cluster,
      }, signal)
      : api.neighborhood(focus.id, Math.min(p.depth, NEIGHBORHOOD_MAX_DEPTH), p.kinds, signal));
}

async function fetchSummary(id: string, signal: AbortSignal): Promise<EntitySummary> {
  const hit = summaries.get(id);
  if (hit) return hit;
  const summary = await api.entitySummary(id, signal);
  summaries.set(id, summary);
  return summary;
}

/** Brings the loaded data in line with state.params, fetching only what is missing. */
async function sync(): Promise<void> {
  const p = state.params;
  const gen = ++generation;
  if (!p.focus) {
    inflight?.abort();
    loadedBaseKey = null;
    loadedDrawnKey = null;
    set({ status: 'idle', busy: false, error: null, focus: null, base: null, graph: null });
    return;
  }
  const key = baseKey(p);
  const baseChanged = key !== loadedBaseKey || !state.base;
  // Selecting a node changes the URL but not what is drawn.
  const drawnKey = JSON.stringify([key, p.expand, p.hide]);
  if (drawnKey === loadedDrawnKey && state.status === 'ready') {
    inflight?.abort();
    if (state.busy) set({ busy: false });
    return;
  }
  const expanded = new Set(loadedExpansions);
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  set(baseChanged ? { status: 'loading', busy: true, error: null } : { busy: true });
  try {
    const focus = await fetchSummary(p.focus, controller.signal);
    const [base, ...expansions] = await Promise.all([
      fetchBase(p, focus, controller.signal),
      // A link may name an expanded node that has since been deleted: it is left out, not fatal.
      ...p.expand.map((id) => fetchExpansion(id, controller.signal).catch((error: unknown) => {
        if (isRefusal(error)) return null;
        throw error;
      })),
    ]);
    if (gen !== generation) return;
    const found = expansions.filter((view): view is GraphView => view !== null);
    if (found.length < expansions.length) {
      navigate({ expand: p.expand.filter((_, i) => expansions[i]) }, { push: false });
      return;
    }
    const added = p.expand.filter((id) => !expanded.has(id));
    const request = baseChanged ? layout('full')
      : added.length ? layout(added.length === 1 ? 'around' : 'full', added[0])
        : layout('none');
    loadedBaseKey = key;
    loadedExpansions = [...p.expand];
    loadedDrawnKey = drawnKey;
    set({
      status: 'ready', busy: false, error: null, focus, mode: modeOf(focus), base: base!,
      // The focus stays drawn whatever the link says (the app itself never hides it).
      graph: composeView(base!, found, new Set(p.hide.filter((id) => id !== p.focus))), layout: request,
    });
    void learnPlaces(base!, [p.region, p.cluster]);
  } catch (error) {
    if (isAbort(error) || gen !== generation) return;
    loadedBaseKey = null;
    loadedDrawnKey = null;
    const apiError = toApiError(error);
    // A region or cluster filter that no longer exists (or never did) is dropped, not the view.
    const filter = FILTER_OF_ARGUMENT[apiError.argument ?? ''];
    if (filter && apiError.kind === 'not-found') {
      navigate({ [filter]: null }, { push: false });
      return;
    }
    // When the API is down the last graph stays on screen under the banner; a bad id clears it.
    const clear = isRefusal(apiError);
    set({ status: 'error', busy: false, error: apiError, ...(clear ? { focus: null, base: null, graph: null } : {}) });
  }
}

const FILTER_OF_ARGUMENT: Record<string, 'region' | 'cluster'> = { 'filter.regionId': 'region', 'filter.clusterId': 'cluster' };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('other', error instanceof Error ? error.message : String(error));
}

/** Names (and parents) of the regions and clusters in view, for the filter menus. */
async function learnPlaces(view: GraphView, chosen: (string | null)[]): Promise<void> {
  let unknown = [...new Set([...chosen, ...view.nodes.flatMap((n) => [n.regionId, ...n.clusterIds])])]
    .filter((id): id is string => !!id && !state.places[id]);
  // Each round learns one level of the region tree; countries sit a few levels up.
  for (let round = 0; unknown.length && round < 4; round++) {
    let found;
    try {
      found = await api.places(unknown.slice(0, 100));
    } catch {
      return; // The filter menus fall back to what the nodes say; the view itself is unaffected.
    }
    const places = { ...state.places };
    for (const p of found) {
      const parent = p.relations[0]?.node ?? null;
      places[p.id] = {
        id: p.id, kind: p.kind === 'CLUSTER' ? 'CLUSTER' : 'REGION', name: p.name, nameZh: p.nameZh,
        level: p.level ?? null, parentId: parent?.id ?? null,
      };
    }
    set({ places });
    unknown = found.map((p) => p.relations[0]?.node.id).filter((id): id is string => !!id && !places[id]);
  }
}

function writeUrl(params: ViewParams, push: boolean): void {
  const url = `${location.pathname}${toSearch(params)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Changes the view. A new focus, direction, depth or filter is a new history entry; the rest replaces it. */
export function navigate(patch: Partial<ViewParams>, options: { push?: boolean } = {}): void {
  const params = { ...state.params, ...patch };
  params.kinds = [...params.kinds].sort();
  const push = options.push ?? baseKey(params) !== baseKey(state.params);
  writeUrl(params, push);
  set({ params });
  void sync();
}

export const actions = {
  home(): void {
    navigate(DEFAULT_PARAMS, { push: true });
  },
  /** Opens the chain view of an entity chosen in search or in the details panel. */
  focusOn(entity: EntitySummary): void {
    summaries.set(entity.id, entity);
    // Two hops around a lab or a person already reach most of the graph: start a neighbourhood at one.
    const depth = CHAIN_KINDS.includes(entity.kind) ? state.params.depth : 1;
    navigate({ focus: entity.id, depth, expand: [], hide: [], sel: null, region: null, cluster: null }, { push: true });
  },
  select(id: string | null): void {
    if (id === state.params.sel) return;
    navigate({ sel: id }, { push: false });
  },
  expand(id: string): void {
    const { expand, hide } = state.params;
    if (expand.includes(id)) return;
    navigate({ expand: [...expand, id], hide: hide.filter((h) => h !== id) }, { push: false });
  },
  collapse(id: string): void {
    navigate({ expand: state.params.expand.filter((e) => e !== id) }, { push: false });
  },
  remove(id: string): void {
    const { hide, sel, focus } = state.params;
    if (id === focus || hide.includes(id)) return;
    navigate({ hide: [...hide, id], sel: sel === id ? null : sel }, { push: false });
  },
  restoreHidden(): void {
    navigate({ hide: [] }, { push: false });
  },
  relayout(): void {
    set({ layout: layout('full') });
  },
  async retry(): Promise<void> {
    try {
      await api.ping();
    } catch {
      return; // still down: the banner stays
    }
    if (state.status === 'error' || !state.graph) void sync();
    for (const [id, load] of Object.entries(state.details)) {
      if (load.status === 'error') void actions.loadDetails(id, true);
    }
  },
  setLang(lang: Lang): void {
    localStorage.setItem(LANG_STORAGE, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    set({ lang });
  },
  /** Loads an entity's details; `again` fetches them anew, keeping the old ones on screen meanwhile. */
  async loadDetails(id: string, force = false, again = false): Promise<void> {
    if (!force && !again && state.details[id] && state.details[id].status !== 'error') return;
    if (!again) set({ details: { ...state.details, [id]: { status: 'loading' } } });
    let load: Load<EntityDetails>;
    try {
      load = { status: 'ready', value: await api.entityDetails(id) };
    } catch (error) {
      load = { status: 'error', error: toApiError(error) };
    }
    set({ details: { ...state.details, [id]: load } });
  },
  /** After an edit: forgets every answer fetched so far and loads the view and the open details again. */
  refresh(): void {
    summaries.clear();
    views.clear();
    loadedDrawnKey = null;
    const shown = state.params.sel ?? state.params.focus;
    const kept = shown ? state.details[shown] : undefined;
    set({ details: shown && kept ? { [shown]: kept } : {} });
    if (shown) void actions.loadDetails(shown, false, true);
    void sync();
  },
  /** Draws a view without asking the API (the browser tests' big synthetic graph). */
  showGraph(view: GraphView): void {
    ++generation;
    inflight?.abort();
    loadedBaseKey = null;
    loadedDrawnKey = null;
    set({ status: 'ready', busy: false, error: null, focus: null, mode: 'chain', base: view, graph: view, layout: layout('full') });
  },
};

export function startStore(): void {
  onApiHealth((problem) => {
    if (problem !== state.apiProblem && (problem || state.apiProblem)) set({ apiProblem: problem });
  });
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  window.addEventListener('popstate', () => {
    set({ params: parseParams(location.search) });
    void sync();
  });
  void sync();
}
