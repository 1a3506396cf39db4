// npm run generate -- --companies 100000 [--seed 42] [--out DIR] [--load [--transactional]]
import path from 'node:path';
import { ROOT } from '../../api/src/config.ts';
import { openDatabase } from '../../api/src/cli/open-database.ts';
import { importWithProgress } from '../../api/src/import/import-with-progress.ts';
import { exitWithUsage, parseCliArgs } from '../../api/src/cli/parse-cli-args.ts';
import { generateGraph } from './generate-graph.ts';

const usage = 'usage: npm run generate -- --companies N (10–5,000,000) [--seed 42] [--out DIR] [--load [--transactional]]';
const { values } = parseCliArgs({
  options: {
    companies: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    load: { type: 'boolean' },
    transactional: { type: 'boolean' },
  },
}, usage);
const companies = Number(values.companies);
const seed = Number(values.seed);
if (!Number.isInteger(companies) || companies < 10 || companies > 5_000_000 || !Number.isInteger(seed)) exitWithUsage(usage);
const out = values.out ?? path.join(ROOT, 'seed-data', 'generated', `companies-${companies}-seed-${seed}`);
const started = Date.now();
let report;
try {
  report = generateGraph({ companies, seed, out, sampleDir: path.join(ROOT, 'seed-data', 'sample') });
} catch (error) {
  // A folder that cannot be written (a file in the way, no permission, a full disk).
  process.stderr.write(`could not write the graph to ${out}: ${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`wrote ${report.nodes} nodes and ${report.relationships} relationships in ${report.files} files to ${path.relative(process.cwd(), out)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

if (values.load) {
  const db = await openDatabase();
  try {
    await importWithProgress(db, out, { transactional: values.transactional });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
