// writeTransaction (api/src/db/neo4j.ts): it runs again a transaction Neo4j ended as a deadlock's
// victim (two writers that lock the same two nodes in opposite orders both succeed, each change
// applied once), and a write given up at its deadline before its commit says it was not saved
// and is not.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NO_ANSWER_GRACE_MS, writeTransaction } from '../../api/src/db/neo4j.ts';
import { testDriver } from '../support/api.ts';

const driver = testDriver(inject('neo4jUri'));
const database = inject('neo4jDatabase');
const ids = [`deadlock-probe-a-${Date.now()}`, `deadlock-probe-b-${Date.now()}`];

beforeAll(async () => {
  await driver.executeQuery('UNWIND $ids AS id CREATE (:DeadlockProbe {id: id, writes: 0})', { ids }, { database });
});

afterAll(async () => {
  await driver.executeQuery('MATCH (p:DeadlockProbe) WHERE p.id IN $ids DELETE p', { ids }, { database });
  await driver.close();
});

/** A probe's write count as stored. */
async function writesOf(id: string): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (p:DeadlockProbe {id: $id}) RETURN p.writes AS writes', { id }, { database });
  return Number(records[0]!.get('writes'));
}

const bump = 'MATCH (p:DeadlockProbe {id: $id}) SET p.writes = p.writes + 1';

/** Resolves once both writers hold their first lock. */
function meeting(): { arrive(): Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const bothThere = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive() {
      arrived += 1;
      if (arrived === 2) open();
      return bothThere;
    },
  };
}

describe('writeTransaction', () => {
  it('runs a deadlock victim again, so both crossing writers succeed once each', async () => {
    const meet = meeting();
    const attempts = [0, 0];
    const writer = (first: string, second: string, me: number) => writeTransaction(driver, database, async (tx) => {
      attempts[me]! += 1;
      await tx.run(bump, { id: first });
      // Only the first attempts wait for each other: that crossing is the deadlock.
      if (attempts[me] === 1) await meet.arrive();
      await tx.run(bump, { id: second });
      return me;
    }, 10_000);
    const results = await Promise.allSettled([writer(ids[0]!, ids[1]!, 0), writer(ids[1]!, ids[0]!, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // One side lost the deadlock and ran again: three attempts in all.
    expect(attempts[0]! + attempts[1]!).toBe(3);
    expect([await writesOf(ids[0]!), await writesOf(ids[1]!)]).toEqual([2, 2]);
  });

  it('does not run again work that failed for another reason, and applies none of it', async () => {
    const before = await writesOf(ids[0]!);
    let attempts = 0;
    await expect(writeTransaction(driver, database, async (tx) => {
      attempts += 1;
      await tx.run(bump, { id: ids[0] });
      await tx.run('RETURN 1 / 0');
    }, 10_000)).rejects.toThrow(/by zero/i);
    expect(attempts).toBe(1);
    expect(await writesOf(ids[0]!)).toBe(before);
  });

  it('gives up on a write that outlasts its deadline, says it was not saved, and never commits it', async () => {
    const before = await writesOf(ids[1]!);
    const timeoutMs = 300;
    let finished!: () => void;
    const workDone = new Promise<void>((resolve) => (finished = resolve));
    const started = performance.now();
    const write = writeTransaction(driver, database, async (tx) => {
      await tx.run(bump, { id: ids[1] });
      // The work outlasts the deadline (a stand-in for a server that stopped answering).
      await new Promise((resolve) => setTimeout(resolve, timeoutMs + NO_ANSWER_GRACE_MS + 700));
      finished();
    }, timeoutMs);
    await expect(write).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', saved: 'NO' } });
    await expect(write).rejects.toThrow(/not saved/);
    expect(performance.now() - started).toBeLessThan(timeoutMs + NO_ANSWER_GRACE_MS + 600);
    // When the work comes back it must not commit.
    await workDone;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await writesOf(ids[1]!)).toBe(before);
  });
});
