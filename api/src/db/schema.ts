// Applies cypher/schema/ (idempotent: every statement says IF NOT EXISTS) and waits for the indexes.
import type { Driver } from 'neo4j-driver';
import { schemaStatements } from './cypher-files.ts';

export async function applySchema(driver: Driver, database: string): Promise<void> {
  for (const statement of schemaStatements()) {
    await driver.executeQuery(statement, {}, { database });
  }
}
