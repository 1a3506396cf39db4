// The driver and the one way the API reads: named Cypher statements, parameters, read routing.
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Result, type Transaction } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { codedError } from '../graphql/errors.ts';
import { neo4jInFlight } from '../observability/metrics.ts';
import { ANSWER_STATEMENTS, type AnswerSlots } from './answer-slots.ts';
import { cypher } from './cypher-files.ts';

/** How long a managed transaction (an import's batches) keeps retrying transient errors. */
const MANAGED_RETRY_MS = 5_000;

export function createDriver(uri: string, config: Pick<Config, 'NEO4J_USER' | 'NEO4J_PASSWORD'>): Driver {
  const auth = config.NEO4J_USER ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD ?? '') : undefined;
  return neo4j.driver(uri, auth, {
    // Counts and years fit comfortably in a double; the API never sees Neo4j Integer objects.
    disableLosslessIntegers: true,
    // Fail fast when the database is away: callers get SERVICE_UNAVAILABLE within about a
    // second, not a hung request; the driver reconnects by itself when it is back. The connection
    // timeout ends at the TCP connect, so a server that takes connections but does not answer
    // (hung, or behind a proxy) is bounded by the acquisition timeout: 3 s kept callers waiting
    // that long. A pool that lends no connection for a second is overloaded anyway (the load test
    // at 100 connections never waits).
    connectionTimeout: 800,
    connectionAcquisitionTimeout: 1_000,
    // Managed transactions (imports) retry transient errors for a while; the API's own reads and
    // edits use explicit transactions (readTransaction, writeTransaction) that fail at once.
    maxTransactionRetryTime: MANAGED_RETRY_MS,
    userAgent: 'chainscope',
  });
}

export type Row = Record<string, unknown>;

/** Reads for one request; counts the Cypher statements it runs (the no-N+1 check uses this). */
export class GraphReader {
  queryCount = 0;
  /**
   * What ran, so a benchmark can replay the same statements straight through the driver; the
   * statements of one group ran side by side (readSideBySide), the groups one after another.
   */
  readonly recorded: { name: string; params: Record<string, unknown>; bounds: Record<string, number | string>; group: number }[] = [];
  private groups = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
    /** Shared by the process's requests: answer statements wait here for a turn. */
    private readonly slots: AnswerSlots,
  ) {}

  async read(name: string, params: Record<string, unknown>, bounds: Record<string, number | string> = {}, group = this.groups++): Promise<Row[]> {
    this.queryCount += 1;
    this.recorded.push({ name, params, bounds, group });
    // Failures are translated here, so the answer slots can tell an unreachable database.
    const run = async () => {
      neo4jInFlight.inc();
      try {
        return await readTransaction(this.driver, this.database, cypher(name, bounds), integerParams(params), this.timeoutMs);
      } catch (error) {
        throw translateError(error);
      } finally {
        neo4jInFlight.dec();
      }
    };
    return ANSWER_STATEMENTS.has(name) ? this.slots.run(run) : run();
  }

  /**
   * One statement once per parameter set, all at the same time: Neo4j Community runs a statement
   * on one core, so a heavy answer split in parts finishes sooner on a multi-core server.
   */
  async readSideBySide(name: string, paramSets: Record<string, unknown>[], bounds: Record<string, number | string> = {}): Promise<Row[][]> {
    const group = this.groups++;
    return Promise.all(paramSets.map((params) => this.read(name, params, bounds, group)));
  }
}

/**
 * One statement as an auto-commit read transaction (routed to a reader in a cluster): one
 * round trip (RUN and PULL pipelined) where an explicit BEGIN, RUN, COMMIT took three. Unlike
 * the driver's managed transactions, which wait about a second before giving up on an
 * unreachable server even with retries off, this fails at once (SERVICE_UNAVAILABLE fast).
 * With a timeout, the caller is also told if the database does not answer at all (withDeadline).
 */
export async function readTransaction(driver: Driver, database: string, text: string, params: Record<string, unknown>, timeoutMs?: number): Promise<Row[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const rows = rowsOf(session.run(text, params, timeoutMs ? { timeout: timeoutMs } : undefined)).finally(() => session.close());
  return withDeadline(rows, timeoutMs);
}

/** How long past its transaction timeout a statement may go unanswered before its caller is told. */
export const NO_ANSWER_GRACE_MS = 1_000;

/**
 * `work`, or SERVICE_UNAVAILABLE once the database has left it unanswered for its transaction
 * timeout and a grace: a server that is frozen (a long GC pause, a suspended VM) or cut off by the
 * network never enforces its own timeout, and a pooled connection to it waits for ever (a frozen
 * local Neo4j held every request that reached it until it was thawed). The statement itself is
 * left to finish or fail when the server answers; a write's `giveUp` stops it from committing
 * and says what became of the change.
 */
function withDeadline<T>(work: Promise<T>, timeoutMs: number | undefined, giveUp: (silence: string) => Error = unanswered): Promise<T> {
  if (!timeoutMs) return work;
  const ms = timeoutMs + NO_ANSWER_GRACE_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(giveUp(`The graph database did not answer within ${(ms / 1000).toFixed(1)} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function unanswered(silence: string): Error {
  return codedError('SERVICE_UNAVAILABLE', `${silence}; try again shortly`);
}

/**
 * A write's commit that the database did not confirm: the connection broke or the deadline came
 * after the commit was sent, so the change may or may not have been made.
 */
export class CommitUnconfirmed extends Error {}

/**
 * A result's rows, read as they stream in. The driver's result observers stay reachable from
 * the old generation until the next full collection, and awaiting a result hangs all its records
 * on one: every young-generation collection then copied the rows of all recent statements
 * (~2.5 MB and ~5 ms each under a stream of 500-node views). This observer lets go of the rows
 * and of the promise once the result is complete.
 */
function rowsOf(result: Result): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    let rows: Row[] | null = [];
    let done: ((rows: Row[]) => void) | null = resolve;
    let fail: ((error: unknown) => void) | null = reject;
    const release = () => {
      const kept = rows ?? [];
      rows = null;
      done = null;
      fail = null;
      return kept;
    };
    result.subscribe({
      onNext: (record) => void rows?.push(rowOf(record)),
      onCompleted: () => {
        const settle = done;
        settle?.(release());
      },
      onError: (error) => {
        const settle = fail;
        release();
        settle?.(error);
      },
    });
  });
}

/**
 * A record as a plain object. The driver's own toObject walks a down-levelled generator that
 * leaves ~370 bytes of garbage a row: 0.7 MB for a 500-node view, a tenth of all the request
 * allocates, and so a share of its young-generation collections.
 */
export function rowOf(record: Neo4jRecord): Row {
  const row: Row = {};
  const keys = record.keys;
  for (let i = 0; i < keys.length; i += 1) row[keys[i] as string] = record.get(i);
  return row;
}

/**
 * Work in an explicit write transaction: committed when it returns, rolled back when it throws.
 * With a timeout, a database that does not answer is reported as withDeadline says, and the work,
 * if the server wakes up later, is rolled back rather than committed behind the caller's back.
 * A transaction Neo4j ends as a deadlock's victim is run again (it was rolled back whole, and the
 * other side has its locks now): two edits taking the same nodes' locks in opposite orders are
 * both legitimate, and the caller should not see "Unexpected error" for either.
 */
export async function writeTransaction<T>(driver: Driver, database: string, work: (tx: Transaction) => Promise<T>, timeoutMs?: number): Promise<T> {
  let abandoned = false;
  let committing = false;
  const attempt = async () => {
    committing = false;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const tx = await session.beginTransaction(timeoutMs ? { timeout: timeoutMs } : undefined);
      try {
        const result = await work(tx);
        if (abandoned) throw new Error('abandoned: the caller was told the database did not answer');
        committing = true;
        await tx.commit().catch((error: unknown) => {
          throw error instanceof Neo4jError && UNAVAILABLE.has(error.code)
            ? new CommitUnconfirmed('The graph database stopped answering while the change was being committed') : error;
        });
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    } finally {
      await session.close();
    }
  };
  const run = async () => {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (abandoned || tries >= DEADLOCK_TRIES || !isDeadlock(error)) throw error;
        // A short random pause, so the two sides do not meet again in the same order.
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * tries));
      }
    }
  };
  return withDeadline(run(), timeoutMs, (silence) => {
    abandoned = true;
    // Before the commit is sent the work can no longer commit: it is rolled back when the server
    // answers (or ends it at its own timeout). A commit already sent may still be made.
    return committing ? new CommitUnconfirmed(silence)
      : codedError('SERVICE_UNAVAILABLE', `${silence}; the change was not saved, send it again shortly`, { saved: 'NO' });
  });
}

/**
 * Work in a managed write transaction, which the driver retries on transient errors for
 * MANAGED_RETRY_MS: an import's batches, each idempotent. With a timeout, each try runs with it as
 * its transaction timeout (a batch waiting on another's locks ends instead of holding the import
 * and the locks it has), and a database that leaves the whole, retries included, unanswered is
 * reported as withDeadline says; its session is then left to close whenever the server answers.
 * Once the work has committed, a failing close changes nothing and is not reported.
 */
export async function managedWrite<T>(driver: Driver, database: string, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
  const session = driver.session({ database });
  let result: T;
  try {
    result = await withDeadline(session.executeWrite(work, timeoutMs ? { timeout: timeoutMs } : undefined), timeoutMs && timeoutMs + MANAGED_RETRY_MS);
  } catch (error) {
    void session.close().catch(() => {});
    throw error;
  }
  await session.close().catch(() => {});
  return result;
}

/** Tries of a write transaction that keeps losing deadlocks, all within its one deadline. */
const DEADLOCK_TRIES = 4;

function isDeadlock(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.TransientError.Transaction.DeadlockDetected';
}

/** JS numbers travel as floats; limits and counts must reach Cypher as integers. */
export function integerParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]),
  );
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Database failures as coded GraphQL errors; no stack trace or Cypher reaches the client. */
export function translateError(error: unknown): unknown {
  if (error instanceof CommitUnconfirmed) {
    return codedError('SERVICE_UNAVAILABLE', `${error.message}; the change may have been saved: check before sending it again`, { saved: 'UNKNOWN' });
  }
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE.has(error.code)) return codedError('SERVICE_UNAVAILABLE', 'The graph database is unreachable; try again shortly');
    // Something other than Neo4j's Bolt port at the URI (its HTTP port, a proxy, another service):
    // the driver says ProtocolError, or, for an HTTP answer, gives no code at all.
    if (error.code === 'ProtocolError' || error.message.startsWith('Server responded HTTP')) {
      return codedError('SERVICE_UNAVAILABLE', 'The graph database answered, but not in Bolt; check NEO4J_URI (Bolt is port 7687, not HTTP\'s 7474)');
    }
    if (error.message.startsWith('Connection acquisition timed out')) {
      return codedError('SERVICE_UNAVAILABLE', 'The graph database is too busy; try again shortly');
    }
    if (/MemoryPoolOutOfMemoryError|MemoryLimitExceeded/.test(error.code)) {
      return codedError('RESOURCE_LIMIT', 'The query needed more memory than the database allows; narrow it (a smaller region or depth)');
    }
    if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(error.code)) {
      return codedError('TIMEOUT', 'The query took longer than the configured limit (CHAINSCOPE_QUERY_TIMEOUT_MS)');
    }
    // A transaction the server ended (its timeout passed while it waited, or the database is
    // stopping) is told on its next statement or lock as "terminated": nothing of it was kept.
    if (/Transaction\.(LockClientStopped|Terminated|TransactionTerminated)$/.test(error.code)) {
      return codedError('TIMEOUT', 'The database ended the transaction before it finished (the configured limit, CHAINSCOPE_QUERY_TIMEOUT_MS, passed, or the database is stopping); nothing of it was kept: try again');
    }
  }
  return error;
}
