// chainGaps' inbound supplies and talent, counted per segment for every region at once and kept
// in Neo4j (cypher/import/refresh-gap-counts.cypher), so a question reads them instead of walking
// tens of thousands of relationships. Counts are stamped with the graph's version and read only
// while it holds; after a write chainGaps walks the graph as before (the same answer, slower)
// until the counts are taken again, here, in the background. An edit through the API keeps the
// counts of the segments it cannot have altered current (beginEdit, keepUntouchedGapCounts), so
// only its own segments are walked and counted again. Kept in Neo4j, not in the process, so every
// API replica reads the same counts.
import type { Driver, Transaction } from 'neo4j-driver';
import { log } from '../log.ts';
import { gapCountRuns } from '../observability/metrics.ts';
import { cypher } from './cypher-files.ts';
import { managedWrite, readTransaction } from './neo4j.ts';

/** One segment's count at 100,000 companies takes 0.1–2.5 s (up to 10 s on a cold page cache). */
const SEGMENT_TIMEOUT_MS = 120_000;

/**
 * After a failed run, requests are let go for this long: a database that refuses the writes (a
 * read-only user, a read replica) or is down is not asked again on every chainGaps.
 */
export const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * After a run the graph changed under, requests are let go for this long: during an import or a
 * burst of edits each run would be outdated by the next write, and at 100,000 companies a run is
 * ~21 s of a Neo4j core the writes need.
 */
export const PAUSE_AFTER_CHANGE_MS = 5_000;

export interface GapCountsReport {
  /** Segments counted (those whose counts were stale). */
  segments: number;
  seconds: number;
  /** The graph changed during the run, so it stopped: what it counted is already stale. */
  interrupted: boolean;
}

/**
 * Counts every segment whose counts are not current, one segment a transaction, and stops when
 * a segment's count was stamped with another version than the one before (a write landed).
 * `stopped` is asked before each segment (the keeper's shutdown).
 */
export async function refreshGapCounts(driver: Driver, database: string, stopped: () => boolean | Promise<boolean> = () => false): Promise<GapCountsReport> {
  const started = performance.now();
  const stale = await readTransaction(driver, database, cypher('stale-gap-counts'), {}, SEGMENT_TIMEOUT_MS);
  let segments = 0;
  let firstVersion: string | undefined;
  let interrupted = false;
  for (const { id } of stale) {
    if (await stopped()) break;
    const result = await managedWrite(driver, database, (tx) => tx.run(cypher('refresh-gap-counts'), { segmentId: id }), SEGMENT_TIMEOUT_MS);
    // Counted meanwhile by another process, or the segment is gone.
    if (!result.records.length) continue;
    segments++;
    const version = result.records[0]!.get('version') as string;
    firstVersion ??= version;
    if (version !== firstVersion) {
      interrupted = true;
      break;
    }
  }
  if (!interrupted && !(await stopped())) await managedWrite(driver, database, (tx) => tx.run(cypher('delete-orphan-gap-counts')), SEGMENT_TIMEOUT_MS);
  return { segments, seconds: (performance.now() - started) / 1000, interrupted };
}

/** What an edit changes: these relationships (by type and ends), and every relationship of the entity it deletes. */
export interface EditedRelationships {
  relationships: { type: string; from: string; to: string }[];
  deletedEntityId?: string;
}

/** What keepUntouchedGapCounts needs: the version before the edit, and the segments it may alter (null: any). */
export interface BegunEdit { before: string; touched: string[] | null }

/**
 * First in an edit's transaction, before its change: takes the GraphMeta lock, counts the write
 * (the response caches' version moves), and reads the version and the segments the change may alter.
 */
export async function beginEdit(tx: Transaction, change: EditedRelationships): Promise<BegunEdit> {
  // Locked first: with no other Chainscope write able to commit, the version read is the one the edit starts from.
  await tx.run(cypher('lock-graph-meta'));
  const [version] = (await tx.run(cypher('graph-version'))).records;
  await tx.run(cypher('mark-written'));
  const [touched] = (await tx.run(cypher('segments-touched'), { relationships: change.relationships, entityId: change.deletedEntityId ?? null })).records;
  return { before: version!.get('version') as string, touched: touched!.get('segments') as string[] | null };
}

/** Last in an edit's transaction: the counts of the segments it did not touch stay current. */
export async function keepUntouchedGapCounts(tx: Transaction, begun: BegunEdit): Promise<void> {
  if (begun.touched) await tx.run(cypher('carry-gap-counts'), { before: begun.before, touched: begun.touched });
}

/**
 * Runs refreshGapCounts when asked (chainGaps asks when it had to walk a segment): one run at a
 * time in this process, and one more after it when asked meanwhile, since the graph may have
 * changed after the running one read its version.
 */
export class GapCountsKeeper {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private quietUntil = 0;

  constructor(private readonly driver: Driver, private readonly database: string) {}

  request(): void {
    if (this.stopped || Date.now() < this.quietUntil) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }

  /** Resolves when no count is running (the current segment's is finished, none starts after). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Resolves once the counts asked for so far are taken (tests and the benchmark wait on it). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    const timer = gapCountRuns.startTimer();
    try {
      const report = await refreshGapCounts(this.driver, this.database, () => this.stopped);
      timer({ outcome: report.interrupted ? 'interrupted' : 'done' });
      if (report.interrupted) {
        // The next chainGaps after the pause asks again; until then the writes have the cores.
        this.again = false;
        this.quietUntil = Date.now() + PAUSE_AFTER_CHANGE_MS;
      }
      if (report.segments) log.info(report, report.interrupted ? 'chainGaps counts: the graph changed while they were taken; left for later' : 'chainGaps counts taken again');
    } catch (error) {
      timer({ outcome: 'failed' });
      // The walk answers meanwhile; the first chainGaps that needs the counts after the pause asks again.
      this.quietUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
      log.warn({ err: error, retryAfterSeconds: RETRY_AFTER_FAILURE_MS / 1000 }, 'chainGaps counts could not be taken; chainGaps walks the graph until they are');
    }
  }
}
