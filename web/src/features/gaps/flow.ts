// Where each segment of a chain goes in the Gaps view: in columns upstream to downstream along
// FEEDS (one column right of the furthest segment that feeds it), and within a column near the
// segments it is linked to (a few barycentre sweeps, as layered graph layouts do), so fewer
// links cross. The matrix and the CSV list segments in the same order.
import type { SegmentGap } from '../../api/types.ts';

const TIERS = ['upstream', 'midstream', 'downstream'];

export function segmentColumns(segments: readonly SegmentGap[]): Map<string, number> {
  const ids = new Set(segments.map((s) => s.segment.id));
  const feeders = new Map<string, string[]>();
  for (const s of segments) {
    for (const to of s.feeds) if (ids.has(to)) feeders.set(to, [...(feeders.get(to) ?? []), s.segment.id]);
  }
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const place = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a FEEDS cycle: cut it here rather than loop
    visiting.add(id);
    const c = Math.max(-1, ...(feeders.get(id) ?? []).map(place)) + 1;
    visiting.delete(id);
    column.set(id, c);
    return c;
  };
  for (const s of segments) place(s.segment.id);
  return column;
}

function tierIndex(tier: string | null): number {
  const i = TIERS.indexOf(tier ?? '');
  return i < 0 ? TIERS.length : i;
}

const SWEEPS = 4;

export function flowColumns(segments: readonly SegmentGap[]): SegmentGap[][] {
  const column = segmentColumns(segments);
  const byColumn: SegmentGap[][] = [];
  for (const s of segments) (byColumn[column.get(s.segment.id)!] ??= []).push(s);
  const columns = byColumn.filter(Boolean).map((c) => c.sort((a, b) =>
    tierIndex(a.segment.tier) - tierIndex(b.segment.tier) || a.segment.name.localeCompare(b.segment.name)));

  const feeders = new Map<string, string[]>();
  for (const s of segments) for (const to of s.feeds) feeders.set(to, [...(feeders.get(to) ?? []), s.segment.id]);
  // Relative height of each segment in its column, 0 (top) to 1 (bottom).
  const height = new Map<string, number>();
  const measure = (c: SegmentGap[]) => c.forEach((s, i) => height.set(s.segment.id, c.length > 1 ? i / (c.length - 1) : 0.5));
  columns.forEach(measure);
  const sortBy = (c: SegmentGap[], linked: (s: SegmentGap) => string[]) => {
    const centre = new Map(c.map((s, i) => {
      const hs = linked(s).map((id) => height.get(id)).filter((h) => h !== undefined);
      return [s.segment.id, hs.length ? hs.reduce((a, b) => a + b, 0) / hs.length : height.get(s.segment.id) ?? i];
    }));
    c.sort((a, b) => centre.get(a.segment.id)! - centre.get(b.segment.id)!); // stable: ties keep tier and name order
    measure(c);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const c of columns.slice(1)) sortBy(c, (s) => feeders.get(s.segment.id) ?? []);
    for (const c of columns.slice(0, -1).reverse()) sortBy(c, (s) => s.feeds);
  }
  return columns;
}
