import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';

// graphql-js cuts type, field and enum names out of the SDL text. One character beyond Latin-1
// anywhere in that text (an en dash in a description was enough) makes the whole text, and so
// every name cut from it, a two-byte string; enum values then make every answer's JSON two-byte:
// twice the memory and slower to write. A 500-node view's answer is 278 kB.
describe('schema.graphql', () => {
  it('holds Latin-1 characters only, so the names graphql-js takes from it stay one-byte', () => {
    const text = fs.readFileSync(path.join(ROOT, 'api', 'src', 'graphql', 'schema.graphql'), 'utf8');
    const beyond = text.split('\n').flatMap((line, i) => (/[^\u0000-\u00ff]/.test(line) ? [`line ${i + 1}: ${line.trim()}`] : []));
    expect(beyond).toEqual([]);
  });
});
