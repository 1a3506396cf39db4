// The GraphQL endpoint: one schema (schema.graphql) and the resolvers, composed with Yoga plugins.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { createContext, type Context } from './context.ts';
import { entityQueries, entityResolvers } from './entity-resolvers.ts';
import { graphQueries } from './graph-resolvers.ts';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.graphql'), 'utf8');

export interface YogaOptions { driver: Driver; database: string; queryTimeoutMs: number }

/** Reports how many Cypher statements a request ran, in the response's extensions. */
function useCypherCount(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const count = (args.contextValue as Context).reader.queryCount;
          setResult({ ...result, extensions: { ...result.extensions, cypherQueries: count } });
        },
      };
    },
  };
}

export function createGraphQL(options: YogaOptions) {
  return createYoga<object, Context>({
    schema: createSchema({
      typeDefs,
      resolvers: { Query: { ...entityQueries, ...graphQueries }, ...entityResolvers },
    }),
    context: () => createContext(options.driver, options.database, options.queryTimeoutMs),
    plugins: [useCypherCount()],
    graphqlEndpoint: '/graphql',
    landingPage: false,
  });
}
