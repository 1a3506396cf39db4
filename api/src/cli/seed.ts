// npm run seed: (re)load the sample dataset; idempotent, so running it twice changes nothing.
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { formatReport } from '../import/report.ts';
import { seedSample } from '../seed.ts';

const config = loadConfig();
const db = await connect(config);
try {
  process.stdout.write(formatReport(await seedSample(db.driver, db.name)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
