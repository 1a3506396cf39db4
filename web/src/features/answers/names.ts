// Names for the ids in an answer view's URL (the pickers' chips), asked once per id and kept.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { entitySummary } from '../../api/queries.ts';
import type { EntitySummary } from '../../api/types.ts';

/** An entity, or null when the API says there is none with that id. */
const known = new Map<string, EntitySummary | null>();
const asking = new Set<string>();

export function rememberEntity(entity: EntitySummary): void {
  known.set(entity.id, entity);
}

export function useEntities(ids: readonly string[]): ReadonlyMap<string, EntitySummary | null> {
  const [, setVersion] = useState(0);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const id of ids) {
      if (known.has(id) || asking.has(id)) continue;
      asking.add(id);
      entitySummary(id).then(
        (entity) => known.set(id, entity ?? null),
        // An unknown id shows as such; when the API is down the id is asked again next time.
        (error: unknown) => {
          if (error instanceof ApiError && error.kind === 'not-found') known.set(id, null);
        },
      ).finally(() => {
        asking.delete(id);
        if (live) setVersion((v) => v + 1);
      });
    }
    return () => {
      live = false;
    };
  }, [key]);
  return known;
}
