// Sorts an entity's relations into the lists the details panel shows.
import type { Relation, RelationCount } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';

export type GroupKey = Extract<StringKey, 'suppliers' | 'customers' | 'companies' | 'labs' | 'technologies' | 'people' | 'segments' | 'places' | 'otherRelations'>;

export const GROUP_ORDER: GroupKey[] = ['suppliers', 'customers', 'companies', 'labs', 'technologies', 'people', 'segments', 'places', 'otherRelations'];

export function groupOf(r: Pick<Relation, 'type' | 'direction'> & { node: Pick<Relation['node'], 'kind'> }): GroupKey {
  if (r.type === 'SUPPLIES') return r.direction === 'IN' ? 'suppliers' : 'customers';
  switch (r.node.kind) {
    // A region's or cluster's companies, a technology's users, a lab's transfers, a person's employer.
    case 'COMPANY': return 'companies';
    case 'LAB': return 'labs';
    case 'TECHNOLOGY': return 'technologies';
    case 'TALENT': return 'people';
    case 'SEGMENT':
    case 'CHAIN': return 'segments';
    case 'REGION':
    case 'CLUSTER': return 'places';
    default: return 'otherRelations';
  }
}

export function groupRelations(relations: Relation[]): Map<GroupKey, Relation[]> {
  const groups = new Map<GroupKey, Relation[]>(GROUP_ORDER.map((g) => [g, []]));
  for (const r of relations) groups.get(groupOf(r))!.push(r);
  return groups;
}

/** How many relations each list has in all (the details list at most 300 of them). */
export function groupCounts(counts: RelationCount[]): Map<GroupKey, number> {
  const totals = new Map<GroupKey, number>(GROUP_ORDER.map((g) => [g, 0]));
  for (const c of counts) {
    const group = groupOf({ type: c.type, direction: c.direction, node: { kind: c.kind } });
    totals.set(group, totals.get(group)! + c.count);
  }
  return totals;
}
