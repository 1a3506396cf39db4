// Yoga plugin: who is calling (from "Authorization: Bearer KEY" or "X-API-Key: KEY") and, when
// reads are keyed, refusing anonymous queries. Mutations check their role in the resolver.
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError } from '../graphql/errors.ts';
import { hasRole, type ApiKeys, type Caller, type Role } from './api-keys.ts';

export function keyFrom(request: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer ?? request.headers.get('x-api-key') ?? undefined;
}

/** The caller, or undefined when no key was sent; a key that is not ours is refused. */
export function identify(keys: ApiKeys, request: Request): Caller | undefined {
  const key = keyFrom(request);
  if (key === undefined) return undefined;
  const caller = keys.identify(key);
  if (!caller) throw codedError('UNAUTHENTICATED', 'The API key is not valid');
  return caller;
}

export function requireRole(caller: Caller | undefined, role: Role, action: string): Caller {
  if (!caller) throw codedError('UNAUTHENTICATED', `${action} needs an API key with the ${role} role`);
  if (!hasRole(caller, role)) throw codedError('FORBIDDEN', `${action} needs the ${role} role; key "${caller.name}" is a ${caller.role}`);
  return caller;
}

export function useKeyedReads(readsKeyed: boolean): Plugin<{ caller?: Caller }> {
  return {
    onExecute({ args }) {
      if (!readsKeyed) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'query') requireRole(args.contextValue.caller, 'viewer', 'Reading');
    },
  };
}
