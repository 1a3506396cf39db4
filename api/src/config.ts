// All configuration comes from the environment (README, "Configuration"); it is checked once here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { StartupProblem } from './startup-problem.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Answer statements a process runs at once unless configured (db/answer-slots.ts): the cores of the machine measured on. */
export const DEFAULT_ANSWER_CONCURRENCY = 2;

const schema = z.object({
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt://, neo4j://, neo4j+s:// or bolt+s://').optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().default('neo4j'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  CHAINSCOPE_DATA_DIR: z.string().default(path.join(ROOT, '.neo4j-local')),
  CHAINSCOPE_NEO4J_HEAP: z.string().regex(/^\d+[kmg]?$/i, 'e.g. 1g or 512m').default('1g'),
  CHAINSCOPE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  CHAINSCOPE_RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  CHAINSCOPE_ANSWER_CONCURRENCY: z.coerce.number().int().min(1).default(DEFAULT_ANSWER_CONCURRENCY),
  CHAINSCOPE_SEED: z.enum(['auto', 'never']).default('auto'),
  CHAINSCOPE_READS: z.enum(['public', 'keyed']).default('public'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new StartupProblem(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
