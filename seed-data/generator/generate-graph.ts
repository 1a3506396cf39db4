// Synthetic graphs of any size with the sample's shape: its chains, segments (FEEDS) and region
// tree, plus generated districts, companies, labs, talent, technologies, policies and incubators
// in the sample's proportions. Deterministic for a seed. Supply links mostly follow FEEDS and
// pick buyers with a heavy-tailed (Zipf-like) preference, so a few hubs get many suppliers.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { makeFolder } from '../../api/src/make-folder.ts';

export interface GenerateOptions { companies: number; seed: number; out: string; sampleDir: string }
export interface GenerateReport { nodes: number; relationships: number; files: number }

/** mulberry32: a tiny, fast, seedable PRNG; enough for test data and benchmark draws. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = Record<string, string | number | boolean>;

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

/** Weighted picks by rank (weight 1/(rank+1)^s) from a fixed list, in O(log n). */
class ZipfPicker<T> {
  private readonly cumulative: Float64Array;
  constructor(private readonly items: T[], exponent: number, private readonly random: () => number) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((_, i) => {
      sum += 1 / (i + 1) ** exponent;
      this.cumulative[i] = sum;
    });
  }
  pick(): T {
    const target = this.random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

const NAMED = ['id', 'name', 'nameZh', 'aliases', 'description', 'source'];
const COLUMNS: Record<string, string[]> = {
  Segment: [...NAMED, 'tier'],
  Company: [...NAMED, 'stage', 'founded', 'employees', 'listed'],
  Lab: [...NAMED, 'kind', 'parent'],
  Talent: [...NAMED, 'title', 'field', 'returnee'],
  Technology: [...NAMED, 'trl'],
  Region: [...NAMED, 'level'],
  Cluster: NAMED,
  Policy: [...NAMED, 'issuer', 'funding', 'validFrom', 'validTo'],
  Incubator: [...NAMED, 'model'],
};
const PROVENANCE = ['from', 'to', 'source', 'confidence', 'asOf'];
/** Rows a file gathers before they are written. */
const ROWS_PER_WRITE = 10_000;
const REL_COLUMNS: Record<string, string[]> = {
  SUPPLIES: [...PROVENANCE, 'product', 'share', 'since'],
  DEVELOPS: [...PROVENANCE, 'trl'],
  TRANSFERRED_TO: [...PROVENANCE, 'kind', 'year'],
  WORKS_AT: [...PROVENANCE, 'role', 'since', 'until'],
  INCUBATES: [...PROVENANCE, 'since'],
};

export function generateGraph(options: GenerateOptions): GenerateReport {
  const random = prng(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const choose = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const width = String(options.companies).length;
  const files = new CsvFiles(options.out);
  const addNode = (label: string, row: Row) => files.node(label, COLUMNS[label] ?? NAMED, { source: 'synthetic', ...row });
  const link = (type: string, from: string, to: string, props: Row = {}) =>
    files.relationship(type, REL_COLUMNS[type] ?? PROVENANCE, { from, to, source: 'synthetic', confidence: Math.round((0.5 + random() / 2) * 100) / 100, asOf: `2025-0${int(1, 9)}-1${int(0, 9)}`, ...props });

  // The sample's templates: chains, segments, FEEDS, PART_OF and the region tree.
  const sample = (file: string) => readCsv(path.join(options.sampleDir, file));
  const segments = sample('nodes/Segment.csv');
  const regionsBase = sample('nodes/Region.csv');
  for (const [label, file] of [['Chain', 'nodes/Chain.csv'], ['Segment', 'nodes/Segment.csv'], ['Region', 'nodes/Region.csv']] as const) {
    for (const row of sample(file)) addNode(label, row);
  }
  for (const type of ['FEEDS', 'PART_OF', 'WITHIN'] as const) {
    for (const row of sample(`relationships/${type}.csv`)) link(type, row.from!, row.to!, { source: row.source!, confidence: Number(row.confidence), asOf: row.asOf! });
  }
  const feeds = new Map<string, string[]>();
  for (const row of sample('relationships/FEEDS.csv')) feeds.set(row.from!, [...(feeds.get(row.from!) ?? []), row.to!]);

  // Generated districts under every city, so companies spread over a deeper hierarchy.
  const cities = regionsBase.filter((r) => r.level === 'city' || r.level === 'zone');
  const places: string[] = [];
  const districtCount = Math.max(1, Math.round(options.companies / 2_000));
  for (const city of cities) {
    places.push(city.id!);
    for (let d = 1; d <= districtCount; d += 1) {
      const id = `gen-${city.id}-d${d}`;
      addNode('Region', { id, name: `${city.name} District ${d}`, nameZh: `${city.nameZh ?? city.name}第${d}区`, level: 'district' });
      link('WITHIN', id, city.id!);
      places.push(id);
    }
  }
  const placePicker = new ZipfPicker(places, 0.6, random);

  // Clusters: one per chain in each of the largest cities.
  const clusters: string[] = [];
  for (const city of cities.slice(0, 8)) {
    for (const chain of sample('nodes/Chain.csv')) {
      const id = `gen-cl-${city.id}-${chain.id}`;
      addNode('Cluster', { id, name: `${city.name} ${chain.name} cluster`, nameZh: `${city.nameZh ?? city.name}${chain.nameZh ?? ''}产业集群` });
      link('LOCATED_IN', id, city.id!);
      link('FOCUSES_ON', id, chain.id!);
      clusters.push(id);
    }
  }

  // Technologies, each applying to one or two segments.
  const technologies: string[] = [];
  const techsBySegment = new Map<string, string[]>();
  for (let i = 1; i <= Math.max(10, Math.round(options.companies / 4)); i += 1) {
    const id = `gen-tech-${pad(i, width)}`;
    const segment = choose(segments).id!;
    addNode('Technology', { id, name: `Technology ${i}`, nameZh: `技术${i}`, trl: int(1, 9) });
    link('APPLIES_TO', id, segment);
    (techsBySegment.get(segment) ?? techsBySegment.set(segment, []).get(segment)!).push(id);
    technologies.push(id);
  }

  // Companies: stage and size are skewed (many small firms, few large ones).
  const companiesBySegment = new Map<string, string[]>();
  const companies: { id: string; segment: string }[] = [];
  for (let i = 1; i <= options.companies; i += 1) {
    const id = `gen-co-${pad(i, width)}`;
    const size = random();
    const stage = size < 0.45 ? 'startup' : size < 0.85 ? 'scaleup' : 'enterprise';
    const employees = stage === 'startup' ? int(3, 80) : stage === 'scaleup' ? int(80, 1500) : int(1500, 60_000);
    addNode('Company', {
      id, name: `Company ${i}`, ...(chance(0.4) ? { nameZh: `企业${i}` } : {}),
      stage, founded: int(1980, 2025), employees, listed: stage === 'enterprise' && chance(0.6),
    });
    const segment = choose(segments).id!;
    link('OPERATES_IN', id, segment);
    if (chance(0.25)) link('OPERATES_IN', id, choose(segments).id!);
    link('LOCATED_IN', id, placePicker.pick());
    if (chance(0.3)) link('MEMBER_OF', id, choose(clusters));
    const techs = techsBySegment.get(segment) ?? technologies;
    const used = new Set<string>();
    for (let k = int(0, 3); k > 0; k -= 1) used.add(choose(techs));
    for (const tech of used) link(chance(0.6) ? 'USES' : 'NEEDS', id, tech);
    (companiesBySegment.get(segment) ?? companiesBySegment.set(segment, []).get(segment)!).push(id);
    companies.push({ id, segment });
  }

  // Supplies: about 6.5 customers per company, 90 % along FEEDS, buyers picked with a heavy tail.
  const buyersBySegment = new Map([...companiesBySegment].map(([s, ids]) => [s, new ZipfPicker(ids, 1.0, random)]));
  const allBuyers = new ZipfPicker(companies.map((c) => c.id), 1.0, random);
  for (const { id, segment } of companies) {
    const customers = new Set<string>();
    const downstream = feeds.get(segment) ?? [];
    for (let k = Math.round(-Math.log(1 - random()) * 6.5); k > 0; k -= 1) {
      const buyers = downstream.length && chance(0.9) ? buyersBySegment.get(choose(downstream)) : undefined;
      const buyer = (buyers ?? allBuyers).pick();
      if (buyer !== id) customers.add(buyer);
    }
    for (const buyer of customers) {
      link('SUPPLIES', id, buyer, { product: `${segment.replace(/^seg-/, '').replace(/-/g, ' ')} supply`, share: Math.round(random() * 50) / 100, since: int(2005, 2025) });
    }
  }

  // Labs, talent, policies and incubators in the sample's proportions.
  const labs: string[] = [];
  for (let i = 1; i <= Math.max(5, Math.round(options.companies / 10)); i += 1) {
    const id = `gen-lab-${pad(i, width)}`;
    addNode('Lab', { id, name: `Lab ${i}`, nameZh: `实验室${i}`, kind: choose(['university', 'institute', 'corporate']) });
    link('LOCATED_IN', id, placePicker.pick());
    for (let k = int(1, 3); k > 0; k -= 1) link('DEVELOPS', id, choose(technologies), { trl: int(1, 9) });
    if (chance(0.5)) link('TRANSFERRED_TO', id, choose(companies).id, { kind: choose(['license', 'spin-out', 'joint-development']), year: int(2010, 2025) });
    labs.push(id);
  }
  for (let i = 1; i <= Math.max(10, Math.round(options.companies / 3)); i += 1) {
    const id = `gen-tal-${pad(i, width)}`;
    addNode('Talent', { id, name: `Person ${i}`, title: choose(['engineer', 'founder', 'professor', 'scientist']), returnee: chance(0.2) });
    link('EXPERT_IN', id, choose(technologies));
    if (chance(0.5)) link('EXPERT_IN', id, choose(technologies));
    link('ALUMNUS_OF', id, choose(labs));
    link('WORKS_AT', id, choose(companies).id, { role: 'engineer', since: int(2015, 2025) });
    if (chance(0.3)) link('WORKS_AT', id, choose(companies).id, { role: 'engineer', since: int(2005, 2010), until: int(2011, 2014) });
  }
  for (let i = 1; i <= Math.max(3, Math.round(options.companies / 20)); i += 1) {
    const id = `gen-pol-${pad(i, width)}`;
    addNode('Policy', { id, name: `Policy ${i}`, nameZh: `政策${i}`, issuer: 'synthetic', funding: int(1, 500) * 1_000_000, validFrom: '2024-01-01', validTo: '2028-12-31' });
    link('ISSUED_BY', id, choose(places));
    link('TARGETS', id, choose(segments).id!);
  }
  for (let i = 1; i <= Math.max(2, Math.round(options.companies / 40)); i += 1) {
    const id = `gen-inc-${pad(i, width)}`;
    addNode('Incubator', { id, name: `Incubator ${i}`, model: choose(['incubator', 'accelerator', 'investor-incubator']) });
    link('LOCATED_IN', id, placePicker.pick());
    for (let k = int(3, 8); k > 0; k -= 1) link('INCUBATES', id, choose(companies).id, { since: int(2015, 2025) });
  }
  return files.close();
}

interface OpenFile { fd: number; columns: string[]; pending: Row[]; from: unknown; ends: Set<unknown> }

/**
 * The generated files, written as rows come: a million companies make 12 million relationships,
 * more than fits in memory at once (and SUPPLIES alone would pass V8's longest string).
 */
class CsvFiles {
  private readonly open = new Map<string, OpenFile>();
  private nodes = 0;
  private relationships = 0;

  constructor(private readonly out: string) {
    fs.rmSync(out, { recursive: true, force: true });
    makeFolder(path.join(out, 'nodes'));
    makeFolder(path.join(out, 'relationships'));
  }

  node(label: string, columns: string[], row: Row): void {
    this.append(this.file('nodes', label, columns), row);
    this.nodes += 1;
  }

  /**
   * A relationship once per (from, type, to), as the importer requires: a repeat is dropped.
   * Each node's relationships of a type are made together (in its own turn of the loops above),
   * so a repeat can only follow the same `from`; remembering that node's ends keeps the memory
   * flat (a set of every pair held 2 GB more for a million companies). A test checks that every
   * generated graph validates, duplicates included.
   */
  relationship(type: string, columns: string[], row: Row): void {
    const file = this.file('relationships', type, columns);
    if (file.from !== row.from) {
      file.from = row.from;
      file.ends.clear();
    }
    if (file.ends.has(row.to)) return;
    file.ends.add(row.to);
    this.append(file, row);
    this.relationships += 1;
  }

  close(): GenerateReport {
    for (const file of this.open.values()) {
      this.flush(file);
      fs.closeSync(file.fd);
    }
    return { nodes: this.nodes, relationships: this.relationships, files: this.open.size };
  }

  private file(folder: 'nodes' | 'relationships', name: string, columns: string[]): OpenFile {
    const key = `${folder}/${name}`;
    let file = this.open.get(key);
    if (!file) {
      const fd = fs.openSync(path.join(this.out, folder, `${name}.csv`), 'w');
      fs.writeSync(fd, stringify([], { header: true, columns }));
      this.open.set(key, (file = { fd, columns, pending: [], from: undefined, ends: new Set() }));
    }
    return file;
  }

  private append(file: OpenFile, row: Row): void {
    file.pending.push(row);
    if (file.pending.length >= ROWS_PER_WRITE) this.flush(file);
  }

  private flush(file: OpenFile): void {
    if (!file.pending.length) return;
    fs.writeSync(file.fd, stringify(file.pending.map((r) => file.columns.map((c) => r[c] ?? '')), { cast: { boolean: (b) => String(b) } }));
    file.pending = [];
  }
}
