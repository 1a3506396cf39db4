// The sample dataset goes in through the importer like any user data.
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { ROOT } from './config.ts';
import { cypher } from './db/cypher-files.ts';
import { importPath, type ImportReport } from './import/import-dataset.ts';

export const SAMPLE_DIR = path.join(ROOT, 'seed-data', 'sample');

export async function graphCounts(driver: Driver, database: string): Promise<{ nodes: number; relationships: number }> {
  const result = await driver.executeQuery(cypher('count-graph'), {}, { database, routing: neo4j.routing.READ });
  const record = result.records[0]!;
  return { nodes: record.get('nodes') as number, relationships: record.get('relationships') as number };
}

export async function seedSample(driver: Driver, database: string): Promise<ImportReport> {
  return importPath(driver, database, SAMPLE_DIR);
}

/** Loads the sample only into an empty database, so user data is never mixed with it. */
export async function seedIfEmpty(driver: Driver, database: string): Promise<ImportReport | undefined> {
  const { nodes } = await graphCounts(driver, database);
  return nodes === 0 ? seedSample(driver, database) : undefined;
}
