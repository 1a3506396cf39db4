// Every GraphQL document the web app sends is valid against the API's schema, so a renamed or
// removed field fails here rather than in a user's browser. No browser or database needed.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, test } from 'vitest';
import * as queries from '../../web/src/api/queries.ts';

const schema = buildSchema(
  fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'api', 'src', 'graphql', 'schema.graphql'), 'utf8'),
);

const documents: Record<string, string> = {
  ...Object.fromEntries(Object.entries(queries as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')),
  placesDocument: queries.placesDocument(3),
};

describe('web GraphQL documents', () => {
  test('there are documents to check', () => {
    expect(Object.keys(documents)).toEqual(expect.arrayContaining(['SEARCH', 'SUPPLY_CHAIN', 'NEIGHBORHOOD', 'ENTITY_DETAILS']));
  });

  test.each(Object.entries(documents))('%s is valid against schema.graphql', (_, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
