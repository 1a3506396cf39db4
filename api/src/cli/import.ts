// npm run import -- <file-or-folder> [--partial] [--rejects FILE] [--dry-run]
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { importPath } from '../import/import-dataset.ts';
import { ImportRejected, formatProblem } from '../import/problems.ts';
import { formatReport } from '../import/report.ts';

const usage = 'usage: npm run import -- <file-or-folder> [--partial] [--rejects rejected.csv] [--dry-run]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, rejects: { type: 'string' } },
});
const target = positionals[0];
if (!target || !fs.existsSync(target)) {
  process.stderr.write(`${target ? `no such file or folder: ${target}\n` : ''}${usage}\n`);
  process.exit(2);
}

const db = await connect(loadConfig());
const bar = new SingleBar({ format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s', hideCursor: true }, Presets.shades_classic);
const started = Date.now();
try {
  const report = await importPath(db.driver, db.name, target, {
    partial: values.partial,
    dryRun: values['dry-run'],
    audit: { actor: `cli:${os.userInfo().username}`, action: 'IMPORT', entityId: null, details: {} },
    onProgress(written, total) {
      if (!bar.isActive) bar.start(total, 0, { speed: 0 });
      bar.update(written, { speed: Math.round(written / Math.max((Date.now() - started) / 1000, 0.001)) });
    },
  });
  bar.stop();
  process.stdout.write(formatReport(report));
  if (report.rejected.length) {
    const rejects = values.rejects ?? 'rejected.csv';
    fs.writeFileSync(rejects, stringify(report.rejected.map((r) => ({ file: r.file, line: r.line, field: r.field, reason: r.message, row: JSON.stringify(r.values) })), { header: true }));
    process.stdout.write(`${report.rejected.length} problem(s); rejected rows with reasons written to ${rejects}\n`);
    for (const problem of report.rejected.slice(0, 20)) process.stdout.write(`  ${formatProblem(problem)}\n`);
  }
  if (values['dry-run']) process.stdout.write('dry run: nothing was written\n');
} catch (error) {
  bar.stop();
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof ImportRejected ? 3 : 1;
} finally {
  await db.close();
}
