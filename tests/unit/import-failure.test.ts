// What a client is told of an import that failed with rows saved: the database failure's code and
// words when it is one the API knows, and otherwise only that it was unexpected (its text may hold
// Cypher), always with what became of the rows.
import { describe, expect, it, vi } from 'vitest';
import { log } from '../../api/src/log.ts';
import { codedError } from '../../api/src/graphql/errors.ts';
import { importFailure } from '../../api/src/graphql/mutation-resolvers.ts';
import { ImportInterrupted, ImportUnaudited } from '../../api/src/import/import-dataset.ts';

const internal = new Error("Node(4711) already exists with label `Entity` and property `id` = 'co-x' (MATCH (n:Entity {id: $id}) …)");

describe('importFailure', () => {
  it('keeps a known database failure\'s code and words', () => {
    const reason = codedError('TIMEOUT', 'The query took longer than the configured limit (CHAINSCOPE_QUERY_TIMEOUT_MS)');
    const told = importFailure(new ImportInterrupted(0, 10, reason));
    expect(told.extensions).toMatchObject({ code: 'TIMEOUT', saved: 'UNKNOWN', rowsSaved: 0 });
    expect(told.message).toContain('stopped before any of its 10 rows were confirmed saved; some may be (The query took longer');

    const unaudited = importFailure(new ImportUnaudited(10, codedError('SERVICE_UNAVAILABLE', 'The graph database is unreachable; try again shortly')));
    expect(unaudited.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', saved: 'YES', rowsSaved: 10 });
    expect(unaudited.message).toContain('All 10 rows of the import are saved');
  });

  it('names any other reason only as unexpected, and still says what is saved', () => {
    // What the client is not told goes to the server log (and not to the test's output).
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const partial = importFailure(new ImportInterrupted(3, 10, internal));
    expect(partial.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', saved: 'PARTIAL', rowsSaved: 3 });
    expect(partial.message).toContain('at least 3 of its 10 rows are saved');
    expect(partial.message).toContain('an unexpected error, written to the server log');
    expect(partial.message).not.toMatch(/4711|MATCH|co-x/);

    const unaudited = importFailure(new ImportUnaudited(10, internal));
    expect(unaudited.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', saved: 'YES', rowsSaved: 10 });
    expect(unaudited.message).not.toMatch(/4711|MATCH|co-x/);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith({ err: internal }, 'import failed unexpectedly');
    logged.mockRestore();
  });
});
