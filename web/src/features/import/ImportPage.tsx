// The Import page: choose or drop CSV/JSON files in the import format, validate them (a dry run
// of importDataset) and read the report, then import, which is allowed only when the dry run
// found no problems, or with "write valid rows only" (partial).
import { useState, type DragEvent } from 'react';
import { mayBeSaved } from '../../api/client.ts';
import { importDataset, type ImportReport } from '../../api/mutations.ts';
import { useT } from '../../i18n/useT.ts';
import { actions } from '../../store/store.ts';
import { ErrorNote } from '../auth/ErrorNote.tsx';
import { ImportReportView } from './ImportReportView.tsx';

type Result = { dryRun: boolean; report: ImportReport };

/** Adds files, a later file replacing an earlier one of the same name (the name says what it holds). */
function addFiles(current: File[], added: FileList | null): File[] {
  const byName = new Map(current.map((f) => [f.name, f]));
  for (const f of added ?? []) byName.set(f.name, f);
  return [...byName.values()];
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

export default function ImportPage() {
  const t = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [partial, setPartial] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [busy, setBusy] = useState<'validate' | 'import' | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const choose = (next: File[]) => {
    setFiles(next);
    setResult(null);
    setFailure(null);
  };
  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'validate' : 'import');
    setFailure(null);
    try {
      const report = await importDataset(files, { dryRun, partial: !dryRun && partial });
      setResult({ dryRun, report });
      if (report.written) actions.refresh();
    } catch (error) {
      setResult(null);
      setFailure(error);
      // Rows an interrupted import saved are in the graph: the explorer reads it again.
      if (mayBeSaved(error)) actions.refresh();
    } finally {
      setBusy(null);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    choose(addFiles(files, e.dataTransfer.files));
  };

  const dry = result?.dryRun ? result.report : null;
  const importable = !!dry && dry.nodes + dry.relationships > 0 && (dry.problemCount === 0 || partial);
  return (
    <div className="import-page" data-testid="import-page">
      <header className="import-page__header">
        <h1>{t('importTitle')}</h1>
      </header>
      <p className="muted">{t('importIntro')}</p>
      <div
        className={`dropzone${dropping ? ' dropzone--over' : ''}`} data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        <label className="dropzone__choose">
          <input
            type="file" multiple accept=".csv,.json,text/csv,application/json" data-testid="import-input"
            onChange={(e) => {
              choose(addFiles(files, e.target.files));
              e.target.value = '';
            }}
          />
          <span className="button">{t('importChoose')}</span>
        </label>
        <span className="muted">{t('importDrop')}</span>
      </div>
      {files.length === 0 ? <p className="muted">{t('importNoFiles')}</p> : (
        <ul className="import-files" data-testid="import-file-list">
          {files.map((f) => (
            <li key={f.name} data-file={f.name}>
              <span>{f.name}</span> <span className="muted">{size(f.size)}</span>
              <button type="button" className="link" onClick={() => choose(files.filter((x) => x !== f))}>{t('importRemoveFile')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="import-page__actions">
        <button type="button" data-testid="import-validate" disabled={!files.length || !!busy} onClick={() => void run(true)}>
          {busy === 'validate' ? t('importValidating') : t('importValidate')}
        </button>
        <label className="import-page__partial" title={t('importPartialHint')}>
          <input type="checkbox" data-testid="import-partial" checked={partial} onChange={(e) => setPartial(e.target.checked)} />
          {t('importPartial')}
        </label>
        <button type="button" className="primary" data-testid="import-run" disabled={!importable || !!busy} onClick={() => void run(false)}>
          {busy === 'import' ? t('importRunning') : t('importRun')}
        </button>
        {files.length > 0 && !importable && !busy && (
          <span className="muted" data-testid="import-hint">{t(dry ? 'importNeedsClean' : 'importNeedsValidate')}</span>
        )}
      </div>
      <ErrorNote error={failure} of="import" />
      {result && <ImportReportView report={result.report} dryRun={result.dryRun} />}
    </div>
  );
}
