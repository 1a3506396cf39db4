// Which editor the details panel shows: a company's fields, its links, or a new company. Kept
// outside the panel so a "New company" button elsewhere (NewCompanyButton) can open it too.
import { useSyncExternalStore } from 'react';

export type EditMode = 'fields' | 'links' | 'create';

/** The entity being edited (null for a new company) and how. */
export interface Editing { id: string | null; mode: EditMode }

let editing: Editing | null = null;
const listeners = new Set<() => void>();

export function setEditing(next: Editing | null): void {
  editing = next;
  for (const listener of listeners) listener();
}

/** Closes an entity's editor when the panel shows another entity (a new company's form stays). */
export function keepEditingOnly(id: string | null): void {
  if (editing && editing.mode !== 'create' && editing.id !== id) setEditing(null);
}

export function useEditing(): Editing | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => editing);
}
