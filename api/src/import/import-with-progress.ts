// The import as the command line shows it: a progress bar with throughput, the per-file report,
// and rejected rows (with --partial) written to a CSV file. Used by npm run import and generate.
import fs from 'node:fs';
import os from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../db/connect.ts';
import { importPath, type ImportReport } from './import-dataset.ts';
import { formatProblem } from './problems.ts';
import { formatReport } from './report.ts';

export interface ProgressOptions {
  partial?: boolean;
  dryRun?: boolean;
  rejects?: string;
  /** Write in transactions even into an empty local database (no offline importer). */
  transactional?: boolean;
  /** Transaction timeout of each statement (see ImportOptions.timeoutMs); none when unset. */
  timeoutMs?: number;
}

export async function importWithProgress(db: Database, target: string, options: ProgressOptions = {}): Promise<ImportReport> {
  const bar = new SingleBar(
    // Without a terminal (CI, logs) the bar prints a line every 5 s instead of redrawing.
    { format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 },
    Presets.shades_classic,
  );
  const started = Date.now();
  try {
    const report = await importPath(db.driver, db.name, target, {
      partial: options.partial,
      dryRun: options.dryRun,
      timeoutMs: options.timeoutMs,
      localServer: options.transactional ? undefined : db.local,
      onNotice: (line) => process.stderr.write(`${line}\n`),
      audit: { actor: `cli:${os.userInfo().username}`, action: 'IMPORT', entityId: null, details: {} },
      onProgress(written, total) {
        if (!bar.isActive) bar.start(total, 0, { speed: 0 });
        bar.update(written, { speed: Math.round(written / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
    });
    bar.stop();
    process.stdout.write(formatReport(report));
    if (report.rejected.length) {
      const rejects = options.rejects ?? 'rejected.csv';
      fs.writeFileSync(rejects, stringify(report.rejected.map((r) => ({ file: r.file, line: r.line, field: r.field, reason: r.message, row: JSON.stringify(r.values) })), { header: true }));
      process.stdout.write(`${report.rejected.length} problem(s); rejected rows with reasons written to ${rejects}\n`);
      for (const problem of report.rejected.slice(0, 20)) process.stdout.write(`  ${formatProblem(problem)}\n`);
    }
    if (options.dryRun) process.stdout.write('dry run: nothing was written\n');
    return report;
  } finally {
    bar.stop();
  }
}
