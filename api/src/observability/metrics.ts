// Prometheus metrics, served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'chainscope_' });

export const requestDuration = new Histogram({
  name: 'chainscope_graphql_request_duration_seconds',
  help: 'GraphQL request latency by root field and outcome',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const requestErrors = new Counter({
  name: 'chainscope_graphql_errors_total',
  help: 'GraphQL errors by root field and code',
  labelNames: ['operation', 'code'] as const,
  registers: [registry],
});

export const neo4jInFlight = new Gauge({
  name: 'chainscope_neo4j_transactions_in_use',
  help: 'Neo4j transactions (and so pooled connections) the API holds right now',
  registers: [registry],
});

export const answersWaiting = new Gauge({
  name: 'chainscope_answer_statements_waiting',
  help: 'Answer statements waiting for one of the CHAINSCOPE_ANSWER_CONCURRENCY slots',
  registers: [registry],
});

export const responseCacheLookups = new Counter({
  name: 'chainscope_response_cache_lookups_total',
  help: 'Queries answered from the response cache (hit), by sharing a running identical query (shared) or by Neo4j (miss)',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const importsRunning = new Gauge({
  name: 'chainscope_imports_running',
  help: 'importDataset uploads being read, validated or written (at most one a process)',
  registers: [registry],
});

export const chainGapSegments = new Counter({
  name: 'chainscope_chain_gaps_segments_total',
  help: 'chainGaps segments answered from the counts kept in Neo4j (kept) or by walking the graph because they were stale (walked)',
  labelNames: ['counts'] as const,
  registers: [registry],
});

export const gapCountRuns = new Histogram({
  name: 'chainscope_gap_counts_run_seconds',
  help: 'Background runs that take chainGaps counts again, by outcome',
  labelNames: ['outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});
