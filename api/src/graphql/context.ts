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
  relationsLoader(types: string[], direction: string | null, first: number): { load(id: string): Promise<RelationRecord[]> };
  /** relationCounts of a whole GraphQL level in one query. */
  relationCountsLoader: DataLoader<string, RelationCountRecord[]>;
  /** chainGaps' counts, taken again in the background when a question found them stale. */
  gapCounts: GapCountsKeeper;
}

export function createContext(driver: Driver, database: string, timeoutMs: number, slots: AnswerSlots, gapCounts: GapCountsKeeper, caller?: Caller): Context {
  const reader = new GraphReader(driver, database, timeoutMs, slots);
  const loaders = new Map<string, DataLoader<string, ListedRelations>>();
  /** The ids each unfiltered relations(first: …) loader was asked for: its statement counted their every relation. */
  const unfiltered = new Map<DataLoader<string, ListedRelations>, Set<string>>();
  const listedLoader = (types: string[], direction: string | null, first: number) => {
    const key = JSON.stringify([types, direction, first]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows: Row[] = await reader.read('relations', { ids, types, direction, perNode: first });
        const byId = new Map(rows.map((r) => [r.id as string, { relations: r.relations, counts: r.counts } as ListedRelations]));
        return ids.map((id) => byId.get(id) ?? { relations: [], counts: [] });
      });
      loaders.set(key, loader);
      if (!types.length && direction === null) unfiltered.set(loader, new Set());
    }
    return loader;
  };
  return {
    driver,
    database,
    caller,
    reader,
    editor: new GraphEditor(driver, database, timeoutMs),
    queryTimeoutMs: timeoutMs,
    gapCounts,
    relationsLoader: (types, direction, first) => ({
      load: async (id) => {
        const loader = listedLoader(types, direction, first);
        unfiltered.get(loader)?.add(id);
        return (await loader.load(id)).relations;
      },
    }),
    // Sibling fields are resolved before either loader sends its batch, so when relationCounts sits
    // beside an unfiltered relations list (the details panel) the counts come with the list's
    // statement instead of walking a hub's relations a second time. Otherwise they are counted alone.
    relationCountsLoader: new DataLoader(async (ids) => {
      const listing = [...unfiltered].find(([, asked]) => ids.every((id) => asked.has(id)))?.[0];
      if (listing) return Promise.all(ids.map(async (id) => (await listing.load(id)).counts));
      const rows: Row[] = await reader.read('relation-counts', { ids });
      const byId = new Map(rows.map((r) => [r.id as string, r.counts as RelationCountRecord[]]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}

/** One node's relations as relations.cypher lists them, and the size of each group they were drawn from. */
interface ListedRelations { relations: RelationRecord[]; counts: RelationCountRecord[] }
