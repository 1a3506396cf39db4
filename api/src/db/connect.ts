// Chooses the database: the server at NEO4J_URI, or the local embedded one started on demand.
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { createDriver } from './neo4j.ts';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.ts';
import { applySchema } from './schema.ts';
import { StartupProblem } from '../startup-problem.ts';

export interface Database {
  driver: Driver;
  uri: string;
  name: string;
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export async function connect(config: Config, say?: (line: string) => void): Promise<Database> {
  const local = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({ dataDir: config.CHAINSCOPE_DATA_DIR, heap: config.CHAINSCOPE_NEO4J_HEAP, say });
  const uri = config.NEO4J_URI ?? local!.uri;
  const driver = createDriver(uri, config);
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
    await applySchema(driver, config.NEO4J_DATABASE);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw new StartupProblem(`Cannot use the Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return {
    driver, uri, name: config.NEO4J_DATABASE, local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
