import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from '../../api/src/graphql/search-query.ts';

describe('toLuceneQuery', () => {
  it('matches Latin words as prefixes, all required', () => {
    expect(toLuceneQuery('Wafer Fab')).toBe('wafer* AND fab*');
  });

  it('matches Chinese runs as bigram phrases and single characters as prefixes', () => {
    expect(toLuceneQuery('晶圆')).toBe('"晶圆"');
    expect(toLuceneQuery('晶')).toBe('晶*');
    expect(toLuceneQuery('晶圆fab')).toBe('"晶圆" AND fab*');
  });

  it('turns Lucene and Cypher syntax into plain words', () => {
    expect(toLuceneQuery('a") OR 1=1 // MATCH (n) DETACH DELETE n *?~^')).toBe(
      'a* AND or* AND 1* AND 1* AND match* AND n* AND detach* AND delete* AND n*',
    );
    expect(toLuceneQuery('AND OR NOT')).toBe('and* AND or* AND not*');
  });

  it('returns nothing for input without letters or digits', () => {
    expect(toLuceneQuery('  *?~"\\ ')).toBeUndefined();
  });

  it('normalises full-width characters', () => {
    expect(toLuceneQuery('ＳＭＩＣ')).toBe('smic*');
  });
});
