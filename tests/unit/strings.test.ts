// The interface's strings: counts read in the English singular or plural, Chinese unchanged.
import { describe, expect, it } from 'vitest';
import { text } from '../../web/src/i18n/strings.ts';

describe('text', () => {
  it('says one hop, path and result, and more of them in the plural', () => {
    expect(text('en', 'hops', { count: 1 })).toBe('1 hop');
    expect(text('en', 'hops', { count: 4 })).toBe('4 hops');
    expect(text('en', 'pathsFound', { count: 0 })).toBe('0 paths');
    expect(text('en', 'resultsShown', { count: 1 })).toBe('1 result');
    expect(text('en', 'distance', { count: 1 })).toBe('1 hop from the focus');
    expect(text('en', 'localAlumni', { count: 1 })).toBe('1 local alumnus');
    expect(text('en', 'localAlumni', { count: 3 })).toBe('3 local alumni');
  });

  it('reads a count given as text, formatted or not', () => {
    expect(text('en', 'employeesCount', { count: '1' })).toBe('1 employee');
    expect(text('en', 'employeesCount', { count: '12,000' })).toBe('12,000 employees');
  });

  it('leaves Chinese and strings without a count as they are', () => {
    expect(text('zh', 'hops', { count: 1 })).toBe('1 跳');
    expect(text('en', 'importRefused', { problems: 1 })).toBe('Import refused, nothing was written. Problems: 1');
    expect(text('en', 'searchFailed', { message: 'x' })).toBe('Search failed: x');
  });
});
