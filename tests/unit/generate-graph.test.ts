// The synthetic graph generator (npm run generate): deterministic for a seed, the sample's
// shape, a realistic skew, and always a graph the importer accepts as it is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../api/src/import/problems.ts';
import { listInputFiles, readInputFile } from '../../api/src/import/read-files.ts';
import { validate, type ValidDataset } from '../../api/src/import/validate.ts';
import { SAMPLE_DIR } from '../../api/src/seed.ts';
import { generateGraph } from '../../seed-data/generator/generate-graph.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-generate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function generate(name: string, companies: number, seed: number) {
  const out = path.join(tmp, name);
  return { out, report: generateGraph({ companies, seed, out, sampleDir: SAMPLE_DIR }) };
}

/** The folder's files (names relative to it) and their SHA-256. */
function digests(dir: string): Record<string, string> {
  return Object.fromEntries(listInputFiles(dir).map((file) => [
    path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
  ]));
}

/** The files as the importer reads and validates them, with no database to look ends up in. */
async function imported(dir: string): Promise<{ dataset: ValidDataset; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files = [];
  for (const file of listInputFiles(dir)) {
    const input = await readInputFile(file, fs.readFileSync(file), problems);
    if (input) files.push(input);
  }
  const dataset = await validate(files, () => ({ source: 'test', asOf: '2026-01-01' }), async () => new Map(), problems);
  return { dataset, problems };
}

const names = (dir: string) => listInputFiles(dir).map((file) => path.relative(dir, file)).sort();

describe('npm run generate', () => {
  const { out, report } = generate('g5000', 5_000, 3);

  it('writes the same files for the same seed, and other ones for another seed', () => {
    const again = generate('g5000-again', 5_000, 3);
    const other = generate('g5000-other', 5_000, 4);
    expect(digests(again.out)).toEqual(digests(out));
    expect(digests(other.out)['relationships/SUPPLIES.csv']).not.toBe(digests(out)['relationships/SUPPLIES.csv']);
  });

  it("has the sample's labels and relationship types, and over ten relationships a company", () => {
    expect(names(out)).toEqual(names(SAMPLE_DIR));
    expect(report.files).toBe(names(SAMPLE_DIR).length);
    expect(report.relationships / 5_000).toBeGreaterThan(10);
  });

  it('is accepted by the importer as it is: unique ids, every end present, no relationship twice', async () => {
    const { dataset, problems } = await imported(out);
    expect(problems).toEqual([]);
    expect(dataset.nodes).toHaveLength(report.nodes);
    expect(dataset.relationships).toHaveLength(report.relationships);
  });

  it('makes supplies follow FEEDS, and a few buyers hubs', async () => {
    const { dataset } = await imported(out);
    const of = (type: string) => dataset.relationships.filter((r) => r.type === type);
    const segmentsOf = new Map<string, string[]>();
    for (const r of of('OPERATES_IN')) segmentsOf.set(r.from, [...(segmentsOf.get(r.from) ?? []), r.to]);
    const feeds = new Set(of('FEEDS').map((r) => `${r.from}>${r.to}`));
    const supplies = of('SUPPLIES');
    const alongFeeds = supplies.filter((s) =>
      segmentsOf.get(s.from)!.some((a) => segmentsOf.get(s.to)!.some((b) => feeds.has(`${a}>${b}`))));
    // 90 % where the seller's segment feeds another; those at the end of a chain sell to anyone.
    expect(alongFeeds.length / supplies.length).toBeGreaterThan(0.7);

    const suppliers = new Map<string, number>();
    for (const s of supplies) suppliers.set(s.to, (suppliers.get(s.to) ?? 0) + 1);
    const counts = [...suppliers.values()].sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]!);
  });

  it('puts regions in a hierarchy: generated districts lie WITHIN cities', async () => {
    const { dataset } = await imported(out);
    const levels = new Map(dataset.nodes.filter((n) => n.label === 'Region').map((n) => [n.id, n.props.level]));
    const districts = dataset.nodes.filter((n) => n.label === 'Region' && n.props.level === 'district' && n.id.startsWith('gen-'));
    expect(districts.length).toBeGreaterThan(0);
    const within = new Map(dataset.relationships.filter((r) => r.type === 'WITHIN').map((r) => [r.from, r.to]));
    for (const d of districts) expect(['city', 'zone']).toContain(levels.get(within.get(d.id)!));
  });
});
