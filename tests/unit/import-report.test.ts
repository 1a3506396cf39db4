import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../api/src/import/import-dataset.ts';
import { formatReport } from '../../api/src/import/report.ts';

const report = (written: boolean, offline?: { importerSeconds: number }): ImportReport => ({
  files: [{ file: 'nodes/Company.csv', created: written ? 3 : 0, updated: 0, unchanged: 1, rejected: 2 }],
  nodes: 4, relationships: 100_000, rejected: [], written, seconds: 4,
  phases: { validateSeconds: 1, nodeSeconds: 1, relationshipSeconds: 2 }, offline,
});

describe('the import report', () => {
  it('counts created, updated, unchanged and rejected rows per file, with the write rates', () => {
    const text = formatReport(report(true));
    expect(text).toMatch(/^file\s+created\s+updated\s+unchanged\s+rejected$/m);
    expect(text).toMatch(/^nodes\/Company\.csv\s+3\s+0\s+1\s+2$/m);
    expect(text).toContain('relationships in 2.0 s (50000/s)');
  });

  it('shows only the rejected rows of a dry run, where nothing was created', () => {
    const text = formatReport(report(false));
    expect(text).toMatch(/^file\s+rejected$/m);
    expect(text).toMatch(/^nodes\/Company\.csv\s+2$/m);
    expect(text).toMatch(/^validated 4 nodes and 100000 relationships/m);
  });

  it('gives the offline importer its own rate', () => {
    expect(formatReport(report(true, { importerSeconds: 4 }))).toContain("by Neo4j's offline importer in 4.0 s (25000 relationships/s, nodes included)");
  });
});
