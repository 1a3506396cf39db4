// Writes a validated dataset in UNWIND batches, one transaction per batch, nodes before
// relationships. Every batch is an idempotent upsert, so an interrupted import can be re-run.
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import { INTEGER_PROPS } from '../domain.ts';
import type { NodeRow, RelationshipRow, ValidDataset } from './validate.ts';

export interface FileCounts { file: string; created: number; updated: number; unchanged: number; rejected: number }

export const BATCH_SIZE = 10_000;

export async function writeDataset(
  driver: Driver,
  database: string,
  dataset: ValidDataset,
  onProgress: (written: number, total: number) => void = () => {},
): Promise<Map<string, FileCounts>> {
  const counts = new Map<string, FileCounts>();
  const total = dataset.nodes.length + dataset.relationships.length;
  let written = 0;
  const now = new Date().toISOString();
  const session = driver.session({ database });
  try {
    // Ids this import created: a relationship touching one cannot exist yet, so it is created
    // without the existence check (most of the time of a first load goes there otherwise).
    const createdIds = new Set<string>();
    for (const group of upsertGroups(dataset, now)) {
      const fileCounts = counts.get(group.file) ?? { file: group.file, created: 0, updated: 0, unchanged: 0, rejected: 0 };
      counts.set(group.file, fileCounts);
      for (let start = 0; start < group.rows.length; start += BATCH_SIZE) {
        const rows = group.rows.slice(start, start + BATCH_SIZE);
        const fresh = (r: unknown) => group.query === 'upsert-relationships' && (createdIds.has((r as RelRow).from) || createdIds.has((r as RelRow).to));
        const batches: UpsertGroup[] = [
          { ...group, query: 'create-relationships', rows: rows.filter(fresh) },
          { ...group, rows: rows.filter((r) => !fresh(r)) },
        ];
        let result = { created: 0, updated: 0, unchanged: 0 };
        await session.executeWrite(async (tx) => {
          result = { created: 0, updated: 0, unchanged: 0 }; // a retried transaction counts afresh
          for (const batch of batches.filter((b) => b.rows.length)) {
            const counted = await upsert(tx, batch);
            for (const id of counted.createdIds ?? []) createdIds.add(id);
            result.created += counted.created;
            result.updated += counted.updated;
            result.unchanged += counted.unchanged;
          }
        });
        fileCounts.created += result.created;
        fileCounts.updated += result.updated;
        fileCounts.unchanged += result.unchanged;
        written += rows.length;
        onProgress(written, total);
      }
    }
  } finally {
    await session.close();
  }
  return counts;
}

export interface UpsertGroup { file: string; query: 'upsert-nodes' | 'upsert-relationships' | 'create-relationships'; params: Record<string, unknown>; rows: unknown[] }

interface RelRow { from: string; to: string }

/** The dataset as batches of one file and one label or type, nodes first. */
export function upsertGroups(dataset: ValidDataset, now: string): UpsertGroup[] {
  return [
    ...groupBy(dataset.nodes, (n) => `${n.file}\u0000${n.label}`).map((rows): UpsertGroup => ({
      file: rows[0]!.file, query: 'upsert-nodes', params: { label: rows[0]!.label, now },
      rows: rows.map((n: NodeRow) => ({ id: n.id, props: storable(n.props) })),
    })),
    ...groupBy(dataset.relationships, (r) => `${r.file}\u0000${r.type}`).map((rows): UpsertGroup => ({
      file: rows[0]!.file, query: 'upsert-relationships', params: { type: rows[0]!.type },
      rows: rows.map((r: RelationshipRow) => ({ from: r.from, to: r.to, props: storable(r.props) })),
    })),
  ];
}

export async function upsert(tx: ManagedTransaction | Transaction, group: UpsertGroup): Promise<Omit<FileCounts, 'file' | 'rejected'> & { createdIds?: string[] }> {
  const names: Record<string, string> = group.query === 'upsert-nodes' ? { label: group.params.label as string } : { type: group.params.type as string };
  const record = (await tx.run(cypher(group.query, names), { ...group.params, rows: group.rows })).records[0]!;
  return {
    created: record.get('created') as number,
    updated: record.get('updated') as number,
    unchanged: record.get('unchanged') as number,
    createdIds: group.query === 'upsert-nodes' ? (record.get('createdIds') as string[]) : undefined,
  };
}

function storable(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, INTEGER_PROPS.has(k) && typeof v === 'number' ? neo4j.int(v) : v]),
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
