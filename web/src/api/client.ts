// The one way the web app talks to the API: POST a GraphQL document to /graphql and get typed
// data back, or an ApiError that says whether the API could not be reached or refused the query.

export type ApiErrorKind = 'unreachable' | 'unavailable' | 'not-found' | 'bad-input' | 'unauthenticated' | 'other';

export class ApiError extends Error {
  constructor(readonly kind: ApiErrorKind, message: string, readonly code?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const KIND_OF_CODE: Record<string, ApiErrorKind> = {
  NOT_FOUND: 'not-found',
  BAD_USER_INPUT: 'bad-input',
  SERVICE_UNAVAILABLE: 'unavailable',
  TIMEOUT: 'unavailable',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'unauthenticated',
};

const API_KEY_STORAGE = 'chainscope.apiKey';

/** A key for servers that require one for reads (CHAINSCOPE_READS=keyed); kept for the tab only. */
export function setApiKey(key: string): void {
  if (key) sessionStorage.setItem(API_KEY_STORAGE, key);
  else sessionStorage.removeItem(API_KEY_STORAGE);
}

type HealthListener = (problem: ApiError | null) => void;
const healthListeners = new Set<HealthListener>();

/** Hears after every request whether the API answered, so one banner can say when it does not. */
export function onApiHealth(listener: HealthListener): () => void {
  healthListeners.add(listener);
  return () => healthListeners.delete(listener);
}

function report(problem: ApiError | null): void {
  for (const listener of healthListeners) listener(problem);
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  try {
    const data = await request<T>(query, variables, signal);
    report(null);
    return data;
  } catch (error) {
    if (error instanceof ApiError) report(['unreachable', 'unavailable', 'unauthenticated'].includes(error.kind) ? error : null);
    throw error;
  }
}

async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const key = sessionStorage.getItem(API_KEY_STORAGE);
  if (key) headers['x-api-key'] = key;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('unreachable', error instanceof Error ? error.message : String(error));
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    // A proxy or a stopped dev server answers with HTML or nothing: the API itself is not there.
    throw new ApiError('unreachable', `HTTP ${response.status} without a GraphQL answer`);
  }
  const [first] = body.errors ?? [];
  if (first) {
    const code = first.extensions?.code;
    throw new ApiError((code && KIND_OF_CODE[code]) || 'other', first.message, code);
  }
  if (!body.data) throw new ApiError('other', `HTTP ${response.status} without data`);
  return body.data;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
