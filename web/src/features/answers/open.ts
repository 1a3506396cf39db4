// Opening an entity of an answer in the explorer (the chain view with its details).
import type { EntitySummary, GraphNode } from '../../api/types.ts';
import { actions } from '../../store/store.ts';

export function openInExplore(entity: EntitySummary): void {
  actions.focusOn({ id: entity.id, kind: entity.kind, name: entity.name, nameZh: entity.nameZh });
}

export function summaryOf(node: GraphNode): EntitySummary {
  return { id: node.id, kind: node.kind, name: node.label, nameZh: node.labelZh };
}
