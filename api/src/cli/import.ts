// npm run import -- <file-or-folder> [--partial] [--rejects FILE] [--dry-run] [--transactional] [--timeout MS]
import fs from 'node:fs';
import { openDatabase } from './open-database.ts';
import { importWithProgress } from '../import/import-with-progress.ts';
import { ImportRejected } from '../import/problems.ts';
import { exitWithUsage, parseCliArgs, wholeNumber } from './parse-cli-args.ts';

const usage = 'usage: npm run import -- <file-or-folder> [--partial] [--rejects rejected.csv] [--dry-run] [--transactional] [--timeout MS]';
const { values, positionals } = parseCliArgs({
  allowPositionals: true,
  options: {
    partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, rejects: { type: 'string' }, transactional: { type: 'boolean' }, timeout: { type: 'string' },
  },
}, usage);
const target = positionals[0];
if (!target || !fs.existsSync(target)) exitWithUsage(usage, target ? `no such file or folder: ${target}` : undefined);

// No timeout unless asked for: whoever runs the command watches it. With one, each statement
// written in transactions (into a database others use) gives up when held that long.
const timeoutMs = values.timeout === undefined ? undefined : wholeNumber(values.timeout, 'timeout', usage);

const db = await openDatabase();
try {
  await importWithProgress(db, target, {
    partial: values.partial, dryRun: values['dry-run'], rejects: values.rejects, transactional: values.transactional, timeoutMs,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof ImportRejected ? 3 : 1;
} finally {
  await db.close();
}
