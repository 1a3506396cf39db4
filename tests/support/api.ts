// Talks to the API the way a client does (HTTP semantics through Yoga's fetch), over the test Neo4j.
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../api/src/db/neo4j.ts';
import { createGraphQL } from '../../api/src/graphql/yoga.ts';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  extensions?: { cypherQueries?: number };
}

export function testDriver(uri = inject('neo4jUri')): Driver {
  return createDriver(uri, process.env);
}

export function apiClient(driver: Driver) {
  const yoga = createGraphQL({ driver, database: inject('neo4jDatabase'), queryTimeoutMs: 10_000 });
  return async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}
