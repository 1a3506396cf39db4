// Answers to queries, kept in memory and keyed by the graph's version (db/graph-version.ts), the
// query text and its variables: the same question about the same graph is answered without
// Neo4j. It runs where execution starts, after the request has been parsed, validated, limited
// and (with keyed reads) authorised, so a cached answer goes only where a fresh one would.
// A mutation through this process makes the version unknown until it has been read again;
// writes elsewhere (another replica, an import) are seen within VERSION_POLL_MS, and an entry
// never outlives the TTL (writes made outside Chainscope that add or remove nothing).
// The same question asked again while its first asking is still running waits for that answer
// rather than running it a second time (a miss storm after a start or an expiry would otherwise
// send dozens of identical heavy statements to Neo4j at once); an error is shared, not cached.
import { setTimeout as delay } from 'node:timers/promises';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { GraphVersion } from '../db/graph-version.ts';
import { responseCacheLookups } from '../observability/metrics.ts';

/** Memory for answers per process, measured as their JSON (a 500-node view is ~300 kB). */
const MAX_BYTES = 128 << 20;

/**
 * maxWaitMs bounds how long a repeated question waits for the first asking (it then runs its own):
 * the bound on a one-statement asking, its query timeout and the no-answer grace. With the query
 * timeout alone, a question repeated while Neo4j was frozen gave up on the first asking just
 * before it was told SERVICE_UNAVAILABLE, then waited out a deadline of its own (4 s, not 2.5).
 */
export function useResponseCache(version: GraphVersion, ttlMs: number, maxWaitMs: number): Plugin<YogaInitialContext> {
  const cache = new LRUCache<string, ExecutionResult>({ maxSize: MAX_BYTES, ttl: ttlMs });
  const running = new Map<string, Promise<ExecutionResult | undefined>>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') return { onExecuteDone: () => version.changed() };
      const current = version.current;
      if (operation !== 'query' || current === null) return;
      const key = JSON.stringify([current, args.operationName ?? null, args.contextValue.params.query, args.variableValues ?? {}]);
      const cached = cache.get(key);
      if (cached) {
        responseCacheLookups.inc({ result: 'hit' });
        return setResultAndStopExecution(cached);
      }
      const first = running.get(key);
      if (first) {
        const giveUp = new AbortController();
        const shared = await Promise.race([first, delay(maxWaitMs, undefined, { ref: false, signal: giveUp.signal }).catch(() => undefined)]);
        giveUp.abort();
        responseCacheLookups.inc({ result: shared ? 'shared' : 'miss' });
        if (shared) return setResultAndStopExecution(shared);
        // The first asking failed or never finished: the next one asks afresh.
        if (running.get(key) === first) running.delete(key);
        return;
      }
      responseCacheLookups.inc({ result: 'miss' });
      let settle!: (result: ExecutionResult | undefined) => void;
      running.set(key, new Promise((resolve) => (settle = resolve)));
      return {
        onExecuteDone({ result, setResult }) {
          running.delete(key);
          if (Symbol.asyncIterator in result) return settle(undefined);
          if (result.errors?.length) return settle(result);
          const dataText = JSON.stringify(result.data);
          // This first asking is sent from the same text: one serialisation of the data in all.
          setResult(withDataText(result, dataText));
          const kept = keptAnswer(result, dataText);
          settle(kept);
          cache.set(key, kept, { size: memorySize(dataText) });
        },
      };
    },
  };
}

/**
 * Bytes a string takes in memory: V8 holds a string one byte a character while every character
 * fits in Latin-1, two bytes otherwise (an answer with a Chinese name in it).
 */
export function memorySize(text: string): number {
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

/**
 * What the cache keeps of an answer: its JSON alone, with an empty stand-in for the data that
 * only names the text. Keeping the data's objects as well took 2.6 times the memory of the JSON
 * that MAX_BYTES counts (300 views: 31.6 MB of JSON grew the heap by 81.6 MB; now 33.2).
 */
export function keptAnswer(result: ExecutionResult, dataText: string): ExecutionResult {
  return withDataText({ ...result, data: {} }, dataText);
}

/**
 * The answer with its data already written as JSON, for Yoga to send as it is (each of Yoga's
 * result processors serialises a result with its own `stringify` when it has one). A hit then
 * costs no second pass over a 300 kB view; the extensions (this request's cypherQueries: 0) are
 * written fresh. It knows its result by the data object it was made with: a result whose data
 * another plugin replaced is serialised in full.
 */
function withDataText(result: ExecutionResult, dataText: string): ExecutionResult {
  const { data } = result;
  // The body last sent, kept: every hit carries the same extensions, and a body joined anew is a
  // rope that Buffer.byteLength (for the Content-Length) flattens, copying the whole answer each
  // time (200 kB: 195 µs, against 26 µs for a body kept). The data text then becomes a slice of
  // that body, so the answer is held once, not twice.
  let last: { extensions: string; body: string } | undefined;
  const stringify = (sent: ExecutionResult) => {
    if (sent.data !== data || sent.errors?.length) return JSON.stringify(sent);
    const extensions = sent.extensions ? `,"extensions":${JSON.stringify(sent.extensions)}` : '';
    if (last?.extensions !== extensions) {
      const body = `{"data":${dataText}${extensions}}`;
      dataText = body.slice('{"data":'.length, '{"data":'.length + dataText.length);
      last = { extensions, body };
    }
    return last.body;
  };
  return Object.assign({ ...result }, { stringify });
}
