// Options for the region and cluster filters: what the API told us about the places seen in
// views (regions with their parents, so a city or province can be chosen), else what nodes say.
import type { GraphView } from '../../api/types.ts';
import { displayName, inLanguage, type Lang } from '../../i18n/strings.ts';
import type { Place } from '../../store/store.ts';

export interface Option { id: string; label: string }

/** Regions as a tree (country, province, city, district…), indented by depth. */
export function regionOptions(places: Readonly<Record<string, Place>>, view: GraphView | null, lang: Lang): Option[] {
  const regions = Object.values(places).filter((p) => p.kind === 'REGION');
  const known = new Set(regions.map((r) => r.id));
  const children = new Map<string | null, Place[]>();
  for (const r of regions) {
    const parent = r.parentId && known.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const options: Option[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const r of list) {
      options.push({ id: r.id, label: `${'\u00a0\u00a0'.repeat(depth)}${displayName(r, lang)}` });
      if (depth < 8) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  for (const n of view?.nodes ?? []) {
    if (n.regionId && !known.has(n.regionId)) {
      known.add(n.regionId);
      options.push({ id: n.regionId, label: inLanguage(n.regionName, n.regionNameZh, lang) ?? n.regionId });
    }
  }
  return options;
}

export function clusterOptions(places: Readonly<Record<string, Place>>, view: GraphView | null, lang: Lang): Option[] {
  const options = new Map<string, Option>();
  for (const p of Object.values(places)) {
    if (p.kind === 'CLUSTER') options.set(p.id, { id: p.id, label: displayName(p, lang) });
  }
  for (const id of (view?.nodes ?? []).flatMap((n) => n.clusterIds)) {
    if (!options.has(id)) options.set(id, { id, label: id });
  }
  return [...options.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Keeps the chosen value listed even before its name is known (e.g. straight from a link). */
export function withCurrent(options: Option[], current: string | null): Option[] {
  return current && !options.some((o) => o.id === current) ? [{ id: current, label: current }, ...options] : options;
}
