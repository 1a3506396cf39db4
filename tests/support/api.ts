// Talks to the API the way a client does (HTTP semantics through Yoga's fetch), over the test Neo4j.
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ApiKeys, digest } from '../../api/src/auth/api-keys.ts';
import type { GapCountsKeeper } from '../../api/src/db/gap-counts.ts';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { createGraphQL } from '../../api/src/graphql/yoga.ts';
import { apiMessageIn } from '../../web/src/i18n/api-messages.ts';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  extensions?: { cypherQueries?: number };
}

export function testDriver(uri = inject('neo4jUri')): Driver {
  return createDriver(uri, process.env);
}

/** Keys the tests use, one per role. */
export const KEYS = { viewer: 'test-viewer-key', editor: 'test-editor-key', admin: 'test-admin-key' } as const;

/** The test keys (one per role), as the server knows them. */
export function testApiKeys(): ApiKeys {
  return new ApiKeys(Object.entries(KEYS).map(([role, key]) => ({ name: `${role}-tester`, role: role as keyof typeof KEYS, sha256: digest(key) })));
}

export function apiClient(driver: Driver, options: { readsKeyed?: boolean; responseCacheTtlMs?: number; gapCounts?: GapCountsKeeper } = {}) {
  const apiKeys = testApiKeys();
  const yoga = createGraphQL({ driver, database: inject('neo4jDatabase'), queryTimeoutMs: 10_000, apiKeys, ...options });
  return async <T = any>(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<GraphQLResponse<T>> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

/** An upload as the GraphQL multipart request spec has it: each file, by name, becomes one of `variables.files`. */
export function importForm(query: string, files: Record<string, Buffer | string>, variables: Record<string, unknown> = {}): FormData {
  const names = Object.keys(files);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, files: names.map(() => null) } }));
  form.append('map', JSON.stringify(Object.fromEntries(names.map((_, i) => [String(i), [`variables.files.${i}`]]))));
  names.forEach((name, i) => {
    const contents = files[name]!;
    form.append(String(i), new Blob([typeof contents === 'string' ? contents : new Uint8Array(contents)]), name);
  });
  return form;
}

/** A fingerprint of the whole graph (ids, properties, relationships), to show a refused write changed nothing. */
export async function graphFingerprint(driver: Driver): Promise<string> {
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY n.id, type(r), m.id ' +
      'RETURN count(DISTINCT n) AS nodes, count(r) AS rels, collect(DISTINCT n.id + coalesce(toString(n.updatedAt), "")) AS ids, collect(type(r) + m.id + coalesce(toString(r.confidence), "") + coalesce(r.product, "")) AS relationships',
    {}, { database: inject('neo4jDatabase') },
  );
  return JSON.stringify(records[0]!.toObject());
}

/**
 * The English left in an API message as the Chinese interface shows it (web/src/i18n/api-messages.ts):
 * runs of two English words, once quoted ids and names, the values given and the argument's name are set aside.
 */
export function untranslated(message: string): string[] {
  const zh = apiMessageIn('zh', message).replace(/“[^”]*”|（原值 .*?）|参数 \S+/gs, '');
  return zh.match(/[A-Za-z]{3,} [A-Za-z]{3,}/g) ?? [];
}
