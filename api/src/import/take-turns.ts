// Imports through the API (importDataset) run in the server's own process, and reading,
// validating and preparing a big upload takes seconds of JavaScript. Its long loops give the
// event loop a turn every few milliseconds, so other requests are answered meanwhile: before,
// a 39 MB upload held every other request for 7.7 s.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest a loop keeps the event loop to itself. */
const SLICE_MS = 10;
/** Calls between looks at the clock (a row takes about a microsecond). */
const CALLS_PER_LOOK = 256;

/**
 * A `turn` for one long loop, called once per item: when the loop has had the event loop for
 * SLICE_MS it returns a promise to await, which yields it (I/O, timers, other requests), and
 * otherwise undefined, not to be awaited: awaiting undefined still suspends the loop for a
 * microtask, ~60 ns a row (4M of them in a 100k-company import).
 */
export function takeTurns(): () => Promise<void> | undefined {
  let calls = 0;
  let since = performance.now();
  return () => {
    calls += 1;
    if (calls % CALLS_PER_LOOK !== 0 || performance.now() - since < SLICE_MS) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
