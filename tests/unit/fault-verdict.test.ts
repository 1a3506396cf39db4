// The fault drill's verdict (shared by the test suite's short drill and npm run faulttest): each
// target the issue sets is checked, and an unmet one is named with its figure.
import { describe, expect, it } from 'vitest';
import { unmetTargets, type DrillReport } from '../support/fault-drill.ts';

const passing: DrillReport = {
  requestsWhileUp: 40, requestsWhileDown: 12, downAnsweredUnavailable: 12, downOtherOutcomes: [], slowestDownAnswerMs: 20, recoveryMs: 900,
  acknowledgedWrites: 20, acknowledgedMissing: [], failedWrites: 3, failedButPresent: [], failedButCommitted: 0, misleadingFailures: [], uncodedErrors: [],
  frozenOutcomes: { SERVICE_UNAVAILABLE: 6, ok: 2 }, slowestFrozenAnswerMs: 2_600, slowestFrozenRequest: 'read SERVICE_UNAVAILABLE',
  slowestEarlyFrozenAnswerMs: 2_600, earlyFrozenRequests: 4, thawRecoveryMs: 300, serverCrashed: false,
};

describe('unmetTargets', () => {
  it('is empty for a drill that met every target', () => {
    expect(unmetTargets(passing, 1_500)).toEqual([]);
  });

  it.each([
    [{ serverCrashed: true }, 'the server crashed'],
    [{ downOtherOutcomes: ['TIMEOUT'] }, 'while down, answers other than SERVICE_UNAVAILABLE: TIMEOUT'],
    [{ slowestDownAnswerMs: 1_200 }, 'while down, the slowest answer took 1200 ms'],
    [{ recoveryMs: 6_000 }, "answering again took 6000 ms after Neo4j's return"],
    [{ acknowledgedMissing: ['co-1'] }, 'acknowledged writes missing: co-1'],
    [{ failedButPresent: ['co-2'] }, 'failed writes half-applied: co-2'],
    [{ misleadingFailures: ['co-3'] }, 'failed writes told otherwise than what became of them: co-3'],
    [{ uncodedErrors: ['Unexpected error.'] }, 'errors without a code: Unexpected error.'],
    [{ frozenOutcomes: { 'no answer': 1 } }, 'while frozen, outcomes other than ok and SERVICE_UNAVAILABLE: no answer'],
    [{ slowestEarlyFrozenAnswerMs: 3_500 }, 'while frozen, a request sent early took 3500 ms'],
    [{ thawRecoveryMs: 5_000 }, 'answering again took 5000 ms after the thaw'],
  ] as [Partial<DrillReport>, string][])('names an unmet target: %j', (change, named) => {
    expect(unmetTargets({ ...passing, ...change }, 1_500)).toEqual([named]);
  });
});
