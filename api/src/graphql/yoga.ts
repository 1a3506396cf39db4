// The GraphQL endpoint: one schema (schema.graphql) and the resolvers, composed with Yoga plugins.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { ApiKeys } from '../auth/api-keys.ts';
import { DEFAULT_ANSWER_CONCURRENCY } from '../config.ts';
import { AnswerSlots } from '../db/answer-slots.ts';
import { identify, useKeyedReads } from '../auth/use-api-keys.ts';
import { answerQueries, answerResolvers } from '../answers/resolvers.ts';
import { log } from '../log.ts';
import { GapCountsKeeper } from '../db/gap-counts.ts';
import { GraphVersion } from '../db/graph-version.ts';
import { NO_ANSWER_GRACE_MS } from '../db/neo4j.ts';
import { useTelemetry } from '../observability/use-telemetry.ts';
import { createContext, type Context } from './context.ts';
import { useQueryLimits } from './use-limits.ts';
import { useResponseCache } from './use-response-cache.ts';
import { entityQueries, entityResolvers } from './entity-resolvers.ts';
import { graphQueries } from './graph-resolvers.ts';
import { auditQueries, importReportResolvers, mutationResolvers } from './mutation-resolvers.ts';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.graphql'), 'utf8');

export interface YogaOptions {
  driver: Driver;
  database: string;
  queryTimeoutMs: number;
  apiKeys?: ApiKeys;
  /** When true, queries need a key with at least the viewer role (CHAINSCOPE_READS=keyed). */
  readsKeyed?: boolean;
  /** How long a query's answer may be served from memory; 0 (the default here) turns the cache off. */
  responseCacheTtlMs?: number;
  /** Answer statements this process runs at once (db/answer-slots.ts). */
  answerConcurrency?: number;
  /** Takes chainGaps' counts again when they are stale; main.ts stops it before closing the driver. */
  gapCounts?: GapCountsKeeper;
  /** Sees each request's context (the benchmark reads the Cypher a request ran). */
  onContext?: (context: Context) => void;
}

export function createGraphQL(options: YogaOptions) {
  const keys = options.apiKeys ?? new ApiKeys([]);
  const ttl = options.responseCacheTtlMs ?? 0;
  const slots = new AnswerSlots(options.answerConcurrency ?? DEFAULT_ANSWER_CONCURRENCY, options.queryTimeoutMs);
  const gapCounts = options.gapCounts ?? new GapCountsKeeper(options.driver, options.database);
  const cache = ttl > 0 ? [useResponseCache(new GraphVersion(options.driver, options.database), ttl, options.queryTimeoutMs + NO_ANSWER_GRACE_MS)] : [];
  return createYoga<object, Context>({
    schema: createSchema({
      typeDefs,
      resolvers: {
        Query: { ...entityQueries, ...graphQueries, ...answerQueries, ...auditQueries },
        Mutation: mutationResolvers,
        ...entityResolvers,
        ...answerResolvers,
        ...importReportResolvers,
      },
    }),
    context: ({ request }) => {
      const context = createContext(options.driver, options.database, options.queryTimeoutMs, slots, gapCounts, identify(keys, request));
      options.onContext?.(context);
      return context;
    },
    // graphql-jit compiles each operation once (cached by document) into plain functions: a
    // 500-node view resolves ~14,000 fields, which the generic executor made a third of the time.
    // The cache comes after the checks (limits, keys), so only an allowed request reaches it.
    plugins: [...useQueryLimits(), useTelemetry(), useKeyedReads(options.readsKeyed ?? false), ...cache, useGraphQlJit()],
    // Coded errors are answers, not faults: only unexpected ones are logged as errors.
    logging: {
      debug: (...args) => log.debug({ args }, 'yoga'),
      info: (...args) => log.info({ args }, 'yoga'),
      warn: (...args) => log.warn({ args }, 'yoga'),
      error: (...args) => log.error({ err: args.find((a) => a instanceof Error) ?? args }, 'unexpected error'),
    },
    // http-server.ts refuses a body over its limit (or without a length) before Yoga sees it and
    // hands JSON bodies over whole; Yoga's own limit would pipe every body through a stream again
    // (and refuse uploads over 25 MB, below the documented 50).
    maxRequestBodySize: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
  });
}
