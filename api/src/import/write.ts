// Writes a validated dataset in UNWIND batches, one transaction per batch, nodes before
// relationships. Every batch is an idempotent upsert, so an interrupted import can be re-run.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import { INTEGER_PROPS } from '../domain.ts';
import type { NodeRow, RelationshipRow, ValidDataset } from './validate.ts';

export interface FileCounts { file: string; created: number; updated: number; unchanged: number; rejected: number }

export const BATCH_SIZE = 5_000;

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
    for (const group of upsertGroups(dataset, now)) {
      const fileCounts = counts.get(group.file) ?? { file: group.file, created: 0, updated: 0, unchanged: 0, rejected: 0 };
      counts.set(group.file, fileCounts);
      for (let start = 0; start < group.rows.length; start += BATCH_SIZE) {
        const batch = { ...group, rows: group.rows.slice(start, start + BATCH_SIZE) };
        const result = await session.executeWrite((tx) => upsert(tx, batch));
        fileCounts.created += result.created;
        fileCounts.updated += result.updated;
        fileCounts.unchanged += result.unchanged;
        written += batch.rows.length;
        onProgress(written, total);
      }
    }
  } finally {
    await session.close();
  }
  return counts;
}

export interface UpsertGroup { file: string; query: 'upsert-nodes' | 'upsert-relationships'; params: Record<string, unknown>; rows: unknown[] }

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

export async function upsert(tx: ManagedTransaction, group: UpsertGroup): Promise<Omit<FileCounts, 'file' | 'rejected'>> {
  const record = (await tx.run(cypher(group.query), { ...group.params, rows: group.rows })).records[0]!;
  return { created: record.get('created') as number, updated: record.get('updated') as number, unchanged: record.get('unchanged') as number };
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
