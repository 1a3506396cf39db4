// The small shape-and-colour mark of a kind, as drawn in the graph: legend, search, details.
import type { EntityKind } from '../api/types.ts';
import { KIND_STYLES } from './kinds.ts';

export function KindIcon({ kind, size = 16 }: { kind: EntityKind; size?: number }) {
  const { color, shape } = KIND_STYLES[kind];
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" className="kind-icon">
      {shape === 'ellipse'
        ? <circle cx="10" cy="10" r="8" fill={color} />
        : <polygon points={SHAPES[shape]} fill={color} strokeLinejoin="round" stroke={color} strokeWidth={shape === 'round-rectangle' ? 3 : 0} />}
    </svg>
  );
}

/** Each node shape as an SVG polygon in a 20×20 box. */
const SHAPES = {
  'round-rectangle': '3,5 17,5 17,15 3,15',
  rectangle: '2,5 18,5 18,15 2,15',
  barrel: '3,4 17,4 19,10 17,16 3,16 1,10',
  diamond: '10,1 19,10 10,19 1,10',
  ellipse: '',
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
  triangle: '10,2 19,18 1,18',
  tag: '1,4 14,4 19,10 14,16 1,16',
  star: '10,1 12.6,7 19,7.3 14,11.5 15.6,18 10,14.4 4.4,18 6,11.5 1,7.3 7.4,7',
} as const;
