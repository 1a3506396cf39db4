import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../api/src/config.ts';
import { cypher, schemaStatements } from '../../api/src/db/cypher-files.ts';

describe('cypher files', () => {
  it('fills integer bounds and refuses anything else', () => {
    expect(cypher('supply-chain', { depth: 3 })).toContain('[:SUPPLIES*1..3]');
    expect(() => cypher('supply-chain', {})).toThrow(/needs an integer, a label or relationship types for \{\{depth\}\}/);
    expect(() => cypher('supply-chain', { depth: 2.5 })).toThrow(/needs an integer/);
  });

  it('fills only labels and relationship types of the domain model by name', () => {
    expect(cypher('create-relationships', { type: 'SUPPLIES' })).toContain('CREATE (a)-[r:SUPPLIES]->(b)');
    expect(() => cypher('create-relationships', { type: 'SUPPLIES]->() DETACH DELETE a //' })).toThrow(/needs an integer, a label or relationship types/);
    expect(cypher('connection-path', { maxHops: 4, businessTypes: 'SUPPLIES|WORKS_AT', anyTypes: 'SUPPLIES' })).toContain('[:SUPPLIES|WORKS_AT*1..4]');
    expect(() => cypher('connection-path', { maxHops: 4, businessTypes: 'SUPPLIES|WORKS_AT]-(x) DETACH DELETE x //', anyTypes: 'SUPPLIES' })).toThrow(/for \{\{businessTypes\}\}/);
    expect(() => cypher('upsert-nodes', { label: 'Planet' })).toThrow(/for \{\{label\}\}/);
  });

  it('names the missing statement', () => {
    expect(() => cypher('no-such-query')).toThrow(/no Cypher statement named no-such-query/);
  });

  it('keeps every statement parameterised: no placeholder is left after rendering', () => {
    expect(cypher('connection-path', { maxHops: 4, businessTypes: 'SUPPLIES', anyTypes: 'SUPPLIES|LOCATED_IN' })).not.toMatch(/\{\{/);
  });

  it('ends the GraphView statements with the shared view-elements part', () => {
    for (const text of [cypher('supply-chain', { depth: 3 }), cypher('graph-elements')]) {
      expect(text).not.toMatch(/\{\{/);
      expect(text).toMatch(/WITH header, core, \[entry IN core \| entry\[0\]\] AS coreNodes[\s\S]*AS node\s*$/);
    }
  });

  it('sends statements without their comment lines, code intact', () => {
    const read = (file: string) => fs.readFileSync(path.join(ROOT, 'cypher', file), 'utf8').replaceAll('{{depth}}', '3');
    const source = read('queries/supply-chain.cypher') + read('partials/view-elements.cypher');
    const code = source.split('\n').filter((line) => !/^\s*\/\//.test(line));
    const text = cypher('supply-chain', { depth: 3 });
    expect(source).toMatch(/^\/\/ The supplyChain view/m);
    expect(text).not.toMatch(/^\s*\/\//m);
    const kept = (lines: string[]) => lines.filter((line) => line.trim() && !line.startsWith('{{>'));
    expect(kept(text.split('\n'))).toEqual(kept(code));
  });

  it('has one uniqueness constraint for every id, drops the old ones a kind, and the full-text index', () => {
    const statements = schemaStatements().join('\n');
    expect(statements).toMatch(/CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE/);
    for (const label of ['Company', 'Lab', 'Talent', 'Technology', 'Chain', 'Segment', 'Cluster', 'Region', 'Policy', 'Incubator']) {
      expect(statements).toMatch(new RegExp(`DROP CONSTRAINT ${label.toLowerCase()}_id IF EXISTS`));
      expect(statements).not.toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE`));
    }
    expect(statements).toMatch(/FULLTEXT INDEX entity_names[\s\S]*'cjk'/);
  });

  it('looks an id up through :Entity, the one index of ids, whatever the kind', () => {
    const files = fs.readdirSync(path.join(ROOT, 'cypher'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.cypher') && !file.startsWith('schema'));
    const lookups = files.flatMap((file) => [...fs.readFileSync(path.join(ROOT, 'cypher', file), 'utf8')
      .matchAll(/\(\w*((?::\w+)+) \{id:/g)].map((match) => `${file}: ${match[1]}`));
    expect(lookups.length).toBeGreaterThan(20);
    // GraphMeta is not an entity: it has a constraint of its own.
    expect(lookups.filter((lookup) => !/:(Entity|GraphMeta)\b/.test(lookup.split(': ')[1]!))).toEqual([]);
  });
});
