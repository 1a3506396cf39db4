// npm run db: only the local Neo4j, until Ctrl-C. npm start and npm test reuse it while it runs.
import { loadConfig } from '../config.ts';
import { exitOnStartupProblem } from '../startup-problem.ts';
import { startLocalNeo4j } from './local-neo4j.ts';

try {
  const config = loadConfig();
  const db = await startLocalNeo4j({ dataDir: config.CHAINSCOPE_DATA_DIR, heap: config.CHAINSCOPE_NEO4J_HEAP });
  if (!db.owned) process.exit(0);
  process.stdout.write(`NEO4J_URI=${db.uri}\nPress Ctrl-C to stop.\n`);
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  exitOnStartupProblem(error);
}
