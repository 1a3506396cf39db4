// writeTransaction (api/src/db/neo4j.ts) runs again a transaction Neo4j ended as a deadlock's
// victim: two writers that lock the same two nodes in opposite orders both succeed, and each
// change is applied once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeTransaction } from '../../api/src/db/neo4j.ts';
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
      const bump = (id: string) => tx.run('MATCH (p:DeadlockProbe {id: $id}) SET p.writes = p.writes + 1', { id });
      await bump(first);
      // Only the first attempts wait for each other: that crossing is the deadlock.
      if (attempts[me] === 1) await meet.arrive();
      await bump(second);
      return me;
    }, 10_000);
    const results = await Promise.allSettled([writer(ids[0]!, ids[1]!, 0), writer(ids[1]!, ids[0]!, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // One side lost the deadlock and ran again: three attempts in all.
    expect(attempts[0]! + attempts[1]!).toBe(3);
    const { records } = await driver.executeQuery('MATCH (p:DeadlockProbe) WHERE p.id IN $ids RETURN p.writes AS writes', { ids }, { database });
    expect(records.map((r) => Number(r.get('writes')))).toEqual([2, 2]);
  });

  it('does not run again work that failed for another reason, and applies none of it', async () => {
    const writes = async () => Number((await driver.executeQuery(
      'MATCH (p:DeadlockProbe {id: $id}) RETURN p.writes AS writes', { id: ids[0] }, { database },
    )).records[0]!.get('writes'));
    const before = await writes();
    let attempts = 0;
    await expect(writeTransaction(driver, database, async (tx) => {
      attempts += 1;
      await tx.run('MATCH (p:DeadlockProbe {id: $id}) SET p.writes = p.writes + 1', { id: ids[0] });
      await tx.run('RETURN 1 / 0');
    }, 10_000)).rejects.toThrow(/by zero/i);
    expect(attempts).toBe(1);
    expect(await writes()).toBe(before);
  });
});
