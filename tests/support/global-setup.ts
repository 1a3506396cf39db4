// Starts the local Neo4j once per test run (or uses NEO4J_URI), applies the schema and loads the
// sample dataset, then hands the URI to the test files. The test database lives in .neo4j-test,
// apart from the one `npm start` uses.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, loadConfig } from '../../api/src/config.ts';
import { connect, type Database } from '../../api/src/db/connect.ts';
import { seedSample } from '../../api/src/seed.ts';

let db: Database | undefined;

export const TEST_DATA_DIR = path.join(ROOT, '.neo4j-test');

export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, CHAINSCOPE_DATA_DIR: process.env.CHAINSCOPE_DATA_DIR ?? TEST_DATA_DIR });
  db = await connect(config, (line) => process.stderr.write(`[neo4j] ${line}\n`));
  await seedSample(db.driver, db.name);
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jDatabase', db.name);
  project.provide('neo4jDataDir', config.CHAINSCOPE_DATA_DIR);
  return async () => {
    await db?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDatabase: string;
    neo4jDataDir: string;
  }
}
