import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte } from '../../api/src/utf8.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('firstInvalidUtf8Byte', () => {
  it('finds nothing in UTF-8, Chinese and a real U+FFFD included', () => {
    expect(firstInvalidUtf8Byte(bytes('晶圆制造 wafer \uFFFD ok'))).toBeUndefined();
    expect(firstInvalidUtf8Byte(bytes(''))).toBeUndefined();
  });

  it.each([
    ['a lone continuation byte', bytes('ab', [0x80], 'c'), 2],
    ['an overlong encoding', bytes('晶', [0xc0, 0xaf]), 3],
    ['a bad byte after a real U+FFFD', bytes('a\uFFFDb', [0xff]), 5],
    ['a sequence cut short by the end', bytes('abc', [0xe6, 0x99]), 3],
    ['a surrogate encoded in UTF-8', bytes('x', [0xed, 0xa0, 0x80]), 1],
  ])('names the offset of %s', (_, input, offset) => {
    expect(firstInvalidUtf8Byte(input)).toBe(offset);
  });

  it('counts across the slices it decodes, with a character split between two of them', () => {
    // 16 MB slices: a 3-byte character straddles the first boundary.
    const head = Buffer.alloc((1 << 24) - 1, 0x61);
    const input = bytes(head.toString('latin1'), '晶', 'xy', [0xfe]);
    expect(firstInvalidUtf8Byte(input)).toBe((1 << 24) - 1 + 3 + 2);
  });
});
