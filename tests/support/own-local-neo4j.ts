// Starts a local Neo4j in the data folder given as its argument, says "READY <uri>" and then
// only waits: the test that runs it kills it to see the server does not outlive it.
import { startLocalNeo4j } from '../../api/src/db/local-neo4j.ts';

const local = await startLocalNeo4j({ dataDir: process.argv[2]!, heap: '512m', say: () => {} });
process.stdout.write(`READY ${local.uri}\n`);
setInterval(() => {}, 60_000);
