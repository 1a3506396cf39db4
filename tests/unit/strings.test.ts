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

  it('reads a count given as a number or as text', () => {
    expect(text('en', 'employeesCount', { count: 1 })).toBe('1 employee');
    expect(text('en', 'employeesCount', { count: 12000 })).toBe('12,000 employees');
    expect(text('en', 'employeesCount', { count: '1' })).toBe('1 employee');
    expect(text('en', 'employeesCount', { count: '12,000' })).toBe('12,000 employees');
  });

  it('leaves Chinese and strings without a count as they are', () => {
    expect(text('zh', 'hops', { count: 1 })).toBe('1 跳');
    expect(text('en', 'importRefused', { problems: 1 })).toBe('Import refused, nothing was written. Problems: 1');
    expect(text('en', 'searchFailed', { message: 'x' })).toBe('Search failed: x');
  });
});

describe('numbers in strings', () => {
  it('groups thousands in both languages, and leaves text as given', () => {
    expect(text('en', 'localCount', { count: 1526 })).toBe('1,526 local');
    expect(text('zh', 'localCount', { count: 1526 })).toBe('本地 1,526 家');
    expect(text('en', 'inboundShareValue', { pct: 68, outside: 1357, total: 2000 })).toBe('68% from outside (1,357 of the 2,000 counted; there are more)');
    expect(text('en', 'truncated', { shown: 500, total: '2342+' })).toBe('Showing 500 of 2342+ — narrow the filters');
  });
});
