// Search results grouped by kind, in a fixed order, keeping the API's ranking inside each group.
import { ENTITY_KINDS, type EntityKind, type EntitySummary } from '../../api/types.ts';

export interface ResultGroup { kind: EntityKind; items: EntitySummary[] }

/** Groups ordered by their best-ranked member, so the best match stays near the top. */
export function groupByKind(results: EntitySummary[]): ResultGroup[] {
  const groups = new Map<EntityKind, EntitySummary[]>();
  for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => firstIndex(results, a) - firstIndex(results, b) || ENTITY_KINDS.indexOf(a) - ENTITY_KINDS.indexOf(b))
    .map(([kind, items]) => ({ kind, items }));
}

function firstIndex(results: EntitySummary[], kind: EntityKind): number {
  return results.findIndex((r) => r.kind === kind);
}
