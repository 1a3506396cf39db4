// The view lives in the URL (?focus=ID&dir=both&depth=2&…): a link or a reload gives the same view.
import { ENTITY_KINDS, type Direction, type EntityKind } from '../api/types.ts';

export type Dir = 'both' | 'up' | 'down';

export interface ViewParams {
  focus: string | null;
  dir: Dir;
  depth: number;
  /** Context kinds to add (chain views) or the only kinds to show (neighbourhood views). */
  kinds: EntityKind[];
  region: string | null;
  cluster: string | null;
  /** Nodes whose neighbours were added, in the order they were expanded. */
  expand: string[];
  /** Nodes the user removed from the view. */
  hide: string[];
  /** The node whose details are open (the focus when null). */
  sel: string | null;
}

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 5;

export const DEFAULT_PARAMS: ViewParams = {
  focus: null, dir: 'both', depth: 2, kinds: [], region: null, cluster: null, expand: [], hide: [], sel: null,
};

export const DIRECTIONS: Record<Dir, Direction> = { both: 'BOTH', up: 'UPSTREAM', down: 'DOWNSTREAM' };

const list = (value: string | null) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function parseParams(search: string): ViewParams {
  const q = new URLSearchParams(search);
  const dir = q.get('dir');
  const depth = Number(q.get('depth'));
  const kinds = list(q.get('kinds')?.toUpperCase() ?? null).filter((k): k is EntityKind =>
    (ENTITY_KINDS as readonly string[]).includes(k));
  return {
    focus: q.get('focus') || null,
    dir: dir === 'up' || dir === 'down' ? dir : 'both',
    depth: Number.isInteger(depth) && depth >= MIN_DEPTH && depth <= MAX_DEPTH ? depth : DEFAULT_PARAMS.depth,
    kinds: [...new Set(kinds)],
    region: q.get('region') || null,
    cluster: q.get('cluster') || null,
    expand: [...new Set(list(q.get('expand')))],
    hide: [...new Set(list(q.get('hide')))],
    sel: q.get('sel') || null,
  };
}

export function toSearch(params: ViewParams): string {
  if (!params.focus) return '';
  const q = new URLSearchParams();
  q.set('focus', params.focus);
  q.set('dir', params.dir);
  q.set('depth', String(params.depth));
  if (params.kinds.length) q.set('kinds', params.kinds.map((k) => k.toLowerCase()).join(','));
  if (params.region) q.set('region', params.region);
  if (params.cluster) q.set('cluster', params.cluster);
  if (params.expand.length) q.set('expand', params.expand.join(','));
  if (params.hide.length) q.set('hide', params.hide.join(','));
  if (params.sel) q.set('sel', params.sel);
  return `?${q.toString().replaceAll('%2C', ',')}`;
}

/** The part of the params that decides what the API is asked for the main view. */
export function baseKey(p: ViewParams): string {
  return JSON.stringify([p.focus, p.dir, p.depth, p.kinds, p.region, p.cluster]);
}
