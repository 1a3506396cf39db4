// npm run seed: (re)load the sample dataset; idempotent, so running it twice changes nothing.
import { openDatabase } from './open-database.ts';
import { formatReport } from '../import/report.ts';
import { seedSample } from '../seed.ts';

const db = await openDatabase();
try {
  process.stdout.write(formatReport(await seedSample(db.driver, db.name)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
