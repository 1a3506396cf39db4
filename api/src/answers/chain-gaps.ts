// Classifies each segment of a chain seen from a region (rules in the README, "Chain gaps").
export type GapKind = 'MISSING' | 'SINGLE_SUPPLIER' | 'EXTERNAL_DEPENDENCY' | 'TALENT_SHORTAGE';

export interface SegmentEvidence {
  /** All local companies of the segment (the answer lists only the largest). */
  localCount: number;
  inbound: number;
  inboundFromOutside: number;
  localExperts: number;
  localAdopters: number;
}

/** Every gap that applies to a segment, most serious first. */
export function gapKinds(s: SegmentEvidence): GapKind[] {
  const kinds: GapKind[] = [];
  if (s.localCount === 0) kinds.push('MISSING');
  if (s.localCount === 1) kinds.push('SINGLE_SUPPLIER');
  // MISSING already says everything comes from outside; the share matters where someone is local.
  if (s.localCount > 0 && s.inbound > 0 && s.inboundFromOutside / s.inbound > 0.5) kinds.push('EXTERNAL_DEPENDENCY');
  if (s.localAdopters > 0 && s.localExperts * 2 < s.localAdopters) kinds.push('TALENT_SHORTAGE');
  return kinds;
}

export const GAP_KINDS: GapKind[] = ['MISSING', 'SINGLE_SUPPLIER', 'EXTERNAL_DEPENDENCY', 'TALENT_SHORTAGE'];

export function summarise(segments: { gaps: GapKind[]; localCount: number }[]) {
  const covered = segments.filter((s) => s.localCount > 0).length;
  return {
    coverage: segments.length ? Math.round((covered / segments.length) * 1000) / 1000 : 0,
    counts: GAP_KINDS.map((kind) => ({ kind, count: segments.filter((s) => s.gaps[0] === kind).length })),
  };
}
