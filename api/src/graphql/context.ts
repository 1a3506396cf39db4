// Per-request state: the reader (which counts Cypher statements) and batching loaders.
import DataLoader from 'dataloader';
import type { Driver } from 'neo4j-driver';
import type { Caller } from '../auth/api-keys.ts';
import type { AnswerSlots } from '../db/answer-slots.ts';
import type { GapCountsKeeper } from '../db/gap-counts.ts';
import { GraphReader, type Row } from '../db/neo4j.ts';
import { GraphEditor } from '../edit/edit-graph.ts';

export interface EntityRecord { id: string; label: string; props: Record<string, unknown>; degree: number }
export interface RelationRecord { type: string; direction: 'OUT' | 'IN'; props: Record<string, unknown>; node: EntityRecord }
export interface RelationCountRecord { type: string; direction: 'OUT' | 'IN'; label: string; count: number }

export interface Context {
  driver: Driver;
  database: string;
  /** The API key's owner; undefined for anonymous requests. */
  caller?: Caller;
  reader: GraphReader;
  editor: GraphEditor;
  /** The transaction timeout of every statement a request runs (CHAINSCOPE_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
  /** One loader per distinct relations(...) arguments, so a whole GraphQL level is one query. */
  relationsLoader(types: string[], direction: string | null, first: number): DataLoader<string, RelationRecord[]>;
  /** relationCounts of a whole GraphQL level in one query. */
  relationCountsLoader: DataLoader<string, RelationCountRecord[]>;
  /** chainGaps' counts, taken again in the background when a question found them stale. */
  gapCounts: GapCountsKeeper;
}

export function createContext(driver: Driver, database: string, timeoutMs: number, slots: AnswerSlots, gapCounts: GapCountsKeeper, caller?: Caller): Context {
  const reader = new GraphReader(driver, database, timeoutMs, slots);
  const loaders = new Map<string, DataLoader<string, RelationRecord[]>>();
  return {
    driver,
    database,
    caller,
    reader,
    editor: new GraphEditor(driver, database, timeoutMs),
    queryTimeoutMs: timeoutMs,
    gapCounts,
    relationsLoader(types, direction, first) {
      const key = JSON.stringify([types, direction, first]);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows: Row[] = await reader.read('relations', { ids, types, direction, perNode: first });
          const byId = new Map(rows.map((r) => [r.id as string, r.relations as RelationRecord[]]));
          return ids.map((id) => byId.get(id) ?? []);
        });
        loaders.set(key, loader);
      }
      return loader;
    },
    relationCountsLoader: new DataLoader(async (ids) => {
      const rows: Row[] = await reader.read('relation-counts', { ids });
      const byId = new Map(rows.map((r) => [r.id as string, r.counts as RelationCountRecord[]]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}
