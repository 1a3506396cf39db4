import type { ImportReport } from './import-dataset.ts';

const WIDTHS = { created: 8, updated: 8, unchanged: 10, rejected: 9 };

/** The per-file table an import prints. */
export function formatReport(report: ImportReport): string {
  // Nothing written (a dry run): created, updated and unchanged would all read 0, so only the rejected rows are shown.
  const columns = report.written ? (['created', 'updated', 'unchanged', 'rejected'] as const) : (['rejected'] as const);
  const line = (file: string, cell: (column: (typeof columns)[number]) => string) =>
    [file.padEnd(48), ...columns.map((column) => cell(column).padStart(WIDTHS[column]))].join(' ');
  const header = line('file', (column) => column);
  const rows = report.files.map((f) => line(f.file, (column) => String(f[column])));
  const total = report.nodes + report.relationships;
  const rate = (count: number, seconds: number) => Math.round(count / Math.max(seconds, 0.001));
  const { validateSeconds, nodeSeconds, relationshipSeconds } = report.phases;
  const phases = !report.written ? []
    : report.offline
      ? [
        `  read and validated in ${validateSeconds.toFixed(1)} s; written into the empty database by Neo4j's offline importer in ${report.offline.importerSeconds.toFixed(1)} s (${rate(report.relationships, report.offline.importerSeconds)} relationships/s, nodes included)`,
        `  the write took ${nodeSeconds.toFixed(1)} s with the CSV files for the importer, the database's restart and its index build`,
      ]
      : [
        `  read and validated in ${validateSeconds.toFixed(1)} s; nodes written in ${nodeSeconds.toFixed(1)} s (${rate(report.nodes, nodeSeconds)}/s), relationships in ${relationshipSeconds.toFixed(1)} s (${rate(report.relationships, relationshipSeconds)}/s)`,
        ...(report.offlineRefusal ? [`  written in transactions: Neo4j's offline importer was not used because ${report.offlineRefusal}`] : []),
      ];
  return [
    header, ...rows,
    `${report.written ? 'wrote' : 'validated'} ${report.nodes} nodes and ${report.relationships} relationships in ${report.seconds.toFixed(1)} s (${rate(total, report.seconds)} rows/s)`,
    ...phases, '',
  ].join('\n');
}
