// Errors the API returns on purpose: each has a code clients can branch on and a message that
// names what was wrong. Anything else is masked by Yoga and logged.
// Built with Yoga's own helper so the error class is the one Yoga checks when masking (under
// vitest, graphql's ESM and CJS builds can both be loaded, and instanceof would then fail).
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RESOURCE_LIMIT'
  // Something unexpected, told on purpose only where the client must still learn what was saved.
  | 'INTERNAL_SERVER_ERROR';

export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

/** The code of an error the API made, read from its extensions (not by class: see above), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An error that says the database failed: unreachable, or a transaction it ended or that ran out of time. */
export function isDatabaseFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT';
}

export function badInput(argument: string, message: string): GraphQLError {
  return codedError('BAD_USER_INPUT', `Argument "${argument}" ${message}`, { argument });
}

/** `what` names the kind looked for when the id may name an entity of another kind ("region"). */
export function notFound(argument: string, id: string, what = 'entity'): GraphQLError {
  return codedError('NOT_FOUND', `No ${what} with id "${id}" (argument "${argument}")`, { argument });
}
