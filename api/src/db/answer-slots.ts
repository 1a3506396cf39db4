// How many answer statements (pilot partners, chain gaps, industrial adopters: 50–400 ms of
// Neo4j's time each) one API process runs at once; the rest wait their turn. Neo4j Community
// runs each statement on one core and shares the cores among all running ones, so under a
// burst of answers every statement slowed down together and the light queries (search, views)
// queued behind them: at 100k companies, 100 clients and 2 cores, a load test's first run after
// a start timed out 18–24 requests at 10 s with no limit or 4, 0–1 with 2 (p99 131–142 ms
// against 220–233).
import pLimit, { type LimitFunction } from 'p-limit';
import { codedError, errorCode } from '../graphql/errors.ts';
import { answersWaiting } from '../observability/metrics.ts';

/** The statements that count as answers: each run takes a slot. */
export const ANSWER_STATEMENTS = new Set(['pilot-partners', 'chain-gaps', 'industrial-adopters']);

export class AnswerSlots {
  private readonly limit: LimitFunction;
  /** Statements that found the database unavailable so far, and the latest one's error. */
  private outages = 0;
  private lastOutage: unknown;

  /** @param waitMs how long a statement may wait for a slot before the caller is told the server is busy */
  constructor(concurrency: number, private readonly waitMs: number) {
    this.limit = pLimit(concurrency);
  }

  /**
   * Runs `work` in a slot, once one is free within waitMs. `work` reports a database it cannot
   * reach as a SERVICE_UNAVAILABLE error; the statements waiting at that moment then fail with it
   * at once instead of each trying in turn: a database that does not answer makes every try wait
   * out the driver's connection or acquisition timeout (up to 1 s), so ten queued answers, two at
   * a time, were told after 12 s with the 3 s acquisition timeout of before.
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const outagesBefore = this.outages;
    const busy = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(codedError('SERVICE_UNAVAILABLE', 'The server is busy with other answers; try again shortly'));
      }, this.waitMs);
    });
    // A statement whose caller gave up still passes through its slot, doing nothing.
    answersWaiting.inc();
    const queued = this.limit(async () => {
      answersWaiting.dec();
      clearTimeout(timer);
      if (gaveUp) return undefined as T;
      if (this.outages !== outagesBefore) throw this.lastOutage;
      try {
        return await work();
      } catch (error) {
        if (errorCode(error) === 'SERVICE_UNAVAILABLE') {
          this.outages += 1;
          this.lastOutage = error;
        }
        throw error;
      }
    });
    return Promise.race([queued, busy]);
  }
}
