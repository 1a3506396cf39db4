// The one way the web app talks to the API: POST a GraphQL document (or a multipart upload) to
// /graphql with the API key, and get typed data back, or an ApiError that says whether the API
// could not be reached or refused the query.

export type ApiErrorKind = 'unreachable' | 'unavailable' | 'not-found' | 'bad-input' | 'unauthenticated' | 'forbidden' | 'other';

/** What became of a change whose request failed: rolled back, saved, not known, or (an import) saved in part. */
export type SavedState = 'NO' | 'YES' | 'UNKNOWN' | 'PARTIAL';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly code?: string,
    /** For BAD_USER_INPUT: the argument at fault, e.g. "input.stage". */
    readonly argument?: string,
    /** For a failed change: whether it was saved all the same (the API's extensions.saved). */
    readonly saved?: SavedState,
    /** The field the error is about, e.g. ["r2"] for the third alias of a batched query. */
    readonly path?: readonly (string | number)[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string; saved?: SavedState } }[];
}

const KIND_OF_CODE: Record<string, ApiErrorKind> = {
  NOT_FOUND: 'not-found',
  BAD_USER_INPUT: 'bad-input',
  SERVICE_UNAVAILABLE: 'unavailable',
  TIMEOUT: 'unavailable',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
};

const API_KEY_STORAGE = 'chainscope.apiKey';
const keyListeners = new Set<() => void>();

/**
 * The API key sent with every request (editing needs one with the editor role; servers with
 * CHAINSCOPE_READS=keyed need one for reading). Kept in localStorage; an empty key clears it.
 */
export function setApiKey(key: string): void {
  if (key) localStorage.setItem(API_KEY_STORAGE, key);
  else localStorage.removeItem(API_KEY_STORAGE);
  for (const listener of keyListeners) listener();
}

export function hasApiKey(): boolean {
  return !!localStorage.getItem(API_KEY_STORAGE);
}

/** Hears when the key is set or cleared (here or in another tab). */
export function onApiKeyChange(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === API_KEY_STORAGE) listener();
  };
  keyListeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    keyListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
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

/**
 * A mutation: like gql, but a refused key (UNAUTHENTICATED, FORBIDDEN) or bad input is the
 * caller's to show beside the form, not the reading banner's.
 */
export async function mutate<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return reportOutage(() => request<T>(query, variables));
}

/**
 * A mutation with files, as a GraphQL multipart request (operations, map, then one part per
 * file): `files` go to the list variable `fileVariable`, in order.
 */
export async function upload<T>(query: string, variables: Record<string, unknown>, fileVariable: string, files: File[]): Promise<T> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, [fileVariable]: files.map(() => null) } }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map((_, i) => [String(i), [`variables.${fileVariable}.${i}`]]))));
  files.forEach((file, i) => form.append(String(i), file, file.name));
  return reportOutage(() => send<T>(form, {}));
}

async function reportOutage<T>(run: () => Promise<T>): Promise<T> {
  try {
    const data = await run();
    report(null);
    return data;
  } catch (error) {
    if (error instanceof ApiError && (error.kind === 'unreachable' || error.kind === 'unavailable')) report(error);
    throw error;
  }
}

function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  return send<T>(JSON.stringify({ query, variables }), { 'content-type': 'application/json' }, signal);
}

async function send<T>(payload: string | FormData, headers: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const key = localStorage.getItem(API_KEY_STORAGE);
  const all: Record<string, string> = { ...headers, accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers: all, body: payload, signal });
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
    throw new ApiError((code && KIND_OF_CODE[code]) || 'other', first.message, code, first.extensions?.argument, first.extensions?.saved, first.path);
  }
  if (!body.data) throw new ApiError('other', `HTTP ${response.status} without data`);
  return body.data;
}

/** The API refused the question itself (an unknown id, a bad argument): asking again will not help. */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.kind === 'not-found' || error.kind === 'bad-input');
}

/** A failed change that may be in the database all the same: what is shown should be read again. */
export function mayBeSaved(error: unknown): boolean {
  return error instanceof ApiError && (error.saved === 'YES' || error.saved === 'UNKNOWN' || error.saved === 'PARTIAL');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
