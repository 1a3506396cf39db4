import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, NEO4J_DATABASE: 'neo4j', CHAINSCOPE_ANSWER_CONCURRENCY: 2 });
    expect(config.NEO4J_URI).toBeUndefined();
  });
  it('accepts routing and secure URIs', () => {
    for (const uri of ['neo4j://db:7687', 'neo4j+s://x.databases.neo4j.io', 'bolt://127.0.0.1:7687']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI: must start with bolt:\/\//);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ CHAINSCOPE_ANSWER_CONCURRENCY: '0' })).toThrow(/CHAINSCOPE_ANSWER_CONCURRENCY/);
  });
});
