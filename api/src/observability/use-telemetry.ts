// One structured log line and metrics per GraphQL request: root field, duration, how many
// Cypher statements it ran and the outcome. The Cypher count also goes into the response's
// extensions (tests and benchmarks read it there).
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.ts';
import { log } from '../log.ts';
import { requestDuration, requestErrors } from './metrics.ts';

interface Trace { started: number; operation: string; cypherQueries: number; codes: string[] }

function rootField(document: DocumentNode, operationName?: string | null): string {
  const operation = getOperationAST(document, operationName);
  const first = operation?.selectionSet.selections[0];
  return first?.kind === 'Field' ? first.name.value : operation?.operation ?? 'unknown';
}

function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * A badly typed variable is reported without a code; it is bad input, named by the variable.
 * The error is replaced, not changed: graphql-jit's errors do not let their extensions be set.
 */
function codeVariableError(error: GraphQLError): GraphQLError {
  const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
  if (!variable || error.extensions?.code) return error;
  return createGraphQLError(error.message, {
    nodes: error.nodes, path: error.path, originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', argument: variable },
  });
}

/**
 * Yoga reports a malformed multipart upload (its operations or map not JSON) without a code and
 * as a 200; an error that came before execution (no path) and has no code is the request's fault.
 */
function codeRequestError(error: GraphQLError): GraphQLError {
  if (error.extensions?.code || error.path) return error;
  return createGraphQLError(error.message, {
    nodes: error.nodes, originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

export function useTelemetry(): Plugin<Context> {
  const traces = new WeakMap<Request, Trace>();
  return {
    onRequest({ request }) {
      traces.set(request, { started: performance.now(), operation: 'invalid', cypherQueries: 0, codes: [] });
    },
    onExecute({ args }) {
      const trace = traces.get((args.contextValue as Context & { request: Request }).request);
      if (trace) trace.operation = rootField(args.document, args.operationName);
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const cypherQueries = (args.contextValue as Context).reader.queryCount;
          if (trace) trace.cypherQueries = cypherQueries;
          setResult({ ...result, extensions: { ...result.extensions, cypherQueries } });
        },
      };
    },
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult;
      const coded = single.errors ? { ...single, errors: single.errors.map((error) => codeRequestError(codeVariableError(error))) } : single;
      if (coded !== single) setResult(coded);
      const trace = traces.get(request);
      if (trace) trace.codes = errorCodes(coded);
    },
    onResponse({ request, response }) {
      const trace = traces.get(request);
      if (!trace || !new URL(request.url).pathname.startsWith('/graphql') || request.method === 'GET' && response.headers.get('content-type')?.includes('text/html')) return;
      const seconds = (performance.now() - trace.started) / 1000;
      const outcome = trace.codes.length ? 'error' : 'ok';
      requestDuration.observe({ operation: trace.operation, outcome }, seconds);
      for (const code of trace.codes) requestErrors.inc({ operation: trace.operation, code });
      log.info({
        operation: trace.operation,
        ms: Math.round(seconds * 10_000) / 10,
        cypherQueries: trace.cypherQueries,
        outcome,
        status: response.status,
        ...(trace.codes.length ? { errors: trace.codes } : {}),
      }, 'graphql');
    },
  };
}
