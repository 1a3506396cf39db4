// Answers to queries, kept in memory and keyed by the graph's version (db/graph-version.ts), the
// query text and its variables: the same question about the same graph is answered without
// Neo4j. It runs where execution starts, after the request has been parsed, validated, limited
// and (with keyed reads) authorised, so a cached answer goes only where a fresh one would.
// A mutation through this process makes the version unknown until it has been read again;
// writes elsewhere (another replica, an import) are seen within VERSION_POLL_MS, and an entry
// never outlives the TTL (writes made outside Chainscope that add or remove nothing).
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { GraphVersion } from '../db/graph-version.ts';
import { responseCacheLookups } from '../observability/metrics.ts';

/** Memory for answers per process, measured as their JSON (a 500-node view is ~300 kB). */
const MAX_BYTES = 128 << 20;

export function useResponseCache(version: GraphVersion, ttlMs: number): Plugin<YogaInitialContext> {
  const cache = new LRUCache<string, ExecutionResult>({ maxSize: MAX_BYTES, sizeCalculation: (result) => JSON.stringify(result).length, ttl: ttlMs });
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') return { onExecuteDone: () => version.changed() };
      const current = version.current;
      if (operation !== 'query' || current === null) return;
      const key = JSON.stringify([current, args.operationName ?? null, args.contextValue.params.query, args.variableValues ?? {}]);
      const cached = cache.get(key);
      responseCacheLookups.inc({ result: cached ? 'hit' : 'miss' });
      if (cached) return setResultAndStopExecution(cached);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          cache.set(key, result);
        },
      };
    },
  };
}
