// An import report: per-file counts and every problem with its file, line and field.
import type { ImportReport } from '../../api/mutations.ts';
import { useApiMessage, useT } from '../../i18n/useT.ts';

/** `dryRun`: nothing was written, so only the rejected rows per file mean anything. */
export function ImportReportView({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const t = useT();
  const apiMessage = useApiMessage();
  const counts = { nodes: report.nodes, relationships: report.relationships, problems: report.problemCount, seconds: report.seconds.toFixed(1) };
  const summary = dryRun ? t('importValid', counts)
    : report.written ? t('importWritten', counts)
      : report.files.length === 0 && report.problemCount ? t('importRefused', counts)
        : t('importNothingWritten');
  return (
    <section className="import-report" data-testid={dryRun ? 'dry-run-report' : 'import-report'} data-written={report.written}>
      <h2>{t(dryRun ? 'importDryRunTitle' : 'importResultTitle')}</h2>
      <p className={`import-report__summary${report.problemCount ? ' import-report__summary--problems' : ''}`} data-testid="import-summary">{summary}</p>
      {report.files.length > 0 && (
        <table className="import-table" data-testid="import-files">
          <thead>
            <tr>
              <th>{t('importFile')}</th>
              {!dryRun && <><th>{t('importCreated')}</th><th>{t('importUpdated')}</th><th>{t('importUnchanged')}</th></>}
              <th>{t('importRejected')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f) => (
              <tr key={f.file} data-testid="import-file-row" data-file={f.file}>
                <td>{f.file}</td>
                {!dryRun && <><td data-col="created">{f.created}</td><td data-col="updated">{f.updated}</td><td data-col="unchanged">{f.unchanged}</td></>}
                <td data-col="rejected" className={f.rejected ? 'bad' : undefined}>{f.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('importProblems', { count: report.problemCount })}</h3>
      {report.problems.length < report.problemCount && (
        <p className="muted" data-testid="import-problems-cut">{t('importProblemsCut', { shown: report.problems.length, total: report.problemCount })}</p>
      )}
      {report.problemCount === 0 ? <p className="muted" data-testid="import-no-problems">{t('importNoProblems')}</p> : (
        <table className="import-table import-table--problems" data-testid="import-problems">
          <thead>
            <tr><th>{t('importFile')}</th><th>{t('importLine')}</th><th>{t('importField')}</th><th>{t('importMessage')}</th></tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i} data-testid="import-problem" data-file={p.file} data-line={p.line} data-field={p.field}>
                <td>{p.file}</td>
                <td>{p.line || t('importWholeFile')}</td>
                <td>{p.field ? <code>{p.field}</code> : ''}</td>
                <td>{apiMessage(p.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
