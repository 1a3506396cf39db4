// Limits on what one GraphQL document may ask (GraphQL Armor), each refusal coded
// QUERY_TOO_COMPLEX with the limit it hit, so clients can tell it from a bad argument.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Cost counts list arguments (first), so relations(first: 500) with its fields costs about 21k.
export const QUERY_LIMITS = { depth: 12, aliases: 20, cost: 50_000, tokens: 3_000, directives: 30 } as const;

function tag(limit: keyof typeof QUERY_LIMITS) {
  return {
    propagateOnRejection: true,
    onReject: [(_: unknown, error: GraphQLError) => {
      Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX', limit });
      // Armor words every refusal as a syntax error; the document's syntax was fine.
      error.message = error.message.replace(/^Syntax Error: /, '');
    }],
  };
}

export function useQueryLimits(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ...tag('depth') },
    maxAliases: { n: QUERY_LIMITS.aliases, ...tag('aliases') },
    costLimit: { maxCost: QUERY_LIMITS.cost, ...tag('cost') },
    maxTokens: { n: QUERY_LIMITS.tokens, ...tag('tokens') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...tag('directives') },
    // Field suggestions help people writing queries; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().plugins as Plugin[];
}
