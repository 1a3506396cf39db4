// How much of what local buyers get from a segment comes from outside the region.
import type { SegmentGap } from '../../api/types.ts';

/** The outside share of the inbound supplies counted, in whole percent (0 with none). */
export function outsidePercent(s: Pick<SegmentGap, 'inboundSupplies' | 'inboundFromOutside'>): number {
  return s.inboundSupplies ? Math.round((100 * s.inboundFromOutside) / s.inboundSupplies) : 0;
}
