/** One thing wrong with the input, located precisely enough to fix it. */
export interface Problem {
  file: string;
  /** CSV line (header = 1) or JSON item number; 0 when it concerns the whole file. */
  line: number;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line ? `line ${p.line}` : '', p.field ? `field "${p.field}"` : ''].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

export class ImportRejected extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `Import refused, nothing was written; ${problems.length} problem(s):\n` +
        problems.slice(0, 50).map((p) => `  ${formatProblem(p)}`).join('\n') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
    );
  }
}
