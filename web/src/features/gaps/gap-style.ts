// The colour of each gap kind, in the flow, the matrix and the legend.
import type { GapKind } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';

export type GapShade = GapKind | 'COVERED';

export const GAP_SHADES: GapShade[] = ['MISSING', 'SINGLE_SUPPLIER', 'EXTERNAL_DEPENDENCY', 'TALENT_SHORTAGE', 'COVERED'];

export const GAP_STYLES: Record<GapShade, { color: string; background: string; name: StringKey; hint: StringKey }> = {
  MISSING: { color: '#b91c1c', background: '#fee2e2', name: 'gapMissing', hint: 'gapMissingHint' },
  SINGLE_SUPPLIER: { color: '#c2410c', background: '#ffedd5', name: 'gapSingle', hint: 'gapSingleHint' },
  EXTERNAL_DEPENDENCY: { color: '#7c3aed', background: '#ede9fe', name: 'gapExternal', hint: 'gapExternalHint' },
  TALENT_SHORTAGE: { color: '#0369a1', background: '#e0f2fe', name: 'gapTalent', hint: 'gapTalentHint' },
  COVERED: { color: '#15803d', background: '#dcfce7', name: 'gapCovered', hint: 'gapCoveredHint' },
};

export function shadeOf(gap: GapKind | null): GapShade {
  return gap ?? 'COVERED';
}
