import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from 'graphql';
import { keptAnswer, memorySize } from '../../api/src/graphql/use-response-cache.ts';

type Sendable = ExecutionResult & { stringify: (sent: ExecutionResult) => string };

describe('keptAnswer', () => {
  const data = { supplyChain: { nodes: [{ id: 'c-1', kind: 'COMPANY' }], edges: [] } };
  const kept = keptAnswer({ data }, JSON.stringify(data)) as Sendable;

  it('holds the JSON, not the objects of the answer', () => {
    expect(kept.data).not.toBe(data);
    expect(kept.data).toEqual({});
  });

  it('is sent as the answer it was made from, with the extensions of the request that gets it', () => {
    // Telemetry copies the result to add its extensions, as it does on a cache hit.
    const sent = { ...kept, extensions: { cypherQueries: 0 } };
    expect(JSON.parse(kept.stringify(sent))).toEqual({ data, extensions: { cypherQueries: 0 } });
  });

  it('sends the same answer again, whatever extensions each request carries', () => {
    // The body of the last sending is kept and the data text becomes a slice of it.
    const bodies = [{ cypherQueries: 0 }, { cypherQueries: 0 }, { cypherQueries: 2, note: 'x' }, undefined, { cypherQueries: 0 }]
      .map((extensions) => JSON.parse(kept.stringify({ ...kept, ...(extensions ? { extensions } : {}) })));
    expect(bodies).toEqual([
      { data, extensions: { cypherQueries: 0 } },
      { data, extensions: { cypherQueries: 0 } },
      { data, extensions: { cypherQueries: 2, note: 'x' } },
      { data },
      { data, extensions: { cypherQueries: 0 } },
    ]);
  });
});

describe('memorySize', () => {
  it('counts a byte a character for Latin-1 text and two for any other', () => {
    expect(memorySize('{"name":"Wafer Fab Co."}')).toBe(24);
    expect(memorySize('{"name":"Caf\u00e9"}')).toBe(15);
    // One Chinese name makes V8 hold the whole answer two bytes a character.
    expect(memorySize('{"name":"Wafer","nameZh":"\u6676\u5706"}')).toBe(2 * 30);
  });
});
