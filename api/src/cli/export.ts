// npm run export -- <folder> [--chain ID | --region ID | --search TEXT]
import { openDatabase } from './open-database.ts';
import { exportGraph, type ExportScope } from '../export/export-graph.ts';
import { exitWithUsage, parseCliArgs } from './parse-cli-args.ts';

const usage = 'usage: npm run export -- <folder> [--chain ID | --region ID | --search TEXT]';
const { values, positionals } = parseCliArgs({
  allowPositionals: true,
  options: { chain: { type: 'string' }, region: { type: 'string' }, search: { type: 'string' } },
}, usage);
const folder = positionals[0];
if (!folder || positionals.length > 1) exitWithUsage(usage);
const given = (['chain', 'region', 'search'] as const).filter((option) => values[option] !== undefined);
if (given.length > 1) exitWithUsage(usage, `give one of --chain, --region and --search, not ${given.map((o) => `--${o}`).join(' and ')}`);
for (const option of given) {
  if (!values[option]!.trim()) exitWithUsage(usage, `--${option} takes ${option === 'search' ? 'a text' : 'an id'} (got an empty one)`);
}
const scope: ExportScope = values.chain !== undefined ? { kind: 'chain', id: values.chain }
  : values.region !== undefined ? { kind: 'region', id: values.region }
  : values.search !== undefined ? { kind: 'search', text: values.search }
  : { kind: 'all' };

const db = await openDatabase();
try {
  const report = await exportGraph(db.driver, db.name, folder, scope);
  for (const f of report.files) process.stdout.write(`${f.file}: ${f.rows} rows\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
