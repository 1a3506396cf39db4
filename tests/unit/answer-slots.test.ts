// Answer statements take turns (db/answer-slots.ts): at most the given number run at once, the
// rest in the order they came, and one that waits too long is told the server is busy.
import { describe, expect, it } from 'vitest';
import { AnswerSlots } from '../../api/src/db/answer-slots.ts';
import { codedError } from '../../api/src/graphql/errors.ts';
import { registry } from '../../api/src/observability/metrics.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitingGauge(): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'chainscope_answer_statements_waiting');
  return Number((metric as { values: { value: number }[] }).values[0]?.value);
}

describe('answer slots', () => {
  it('runs at most the given number at once, the others in the order they came', async () => {
    const slots = new AnswerSlots(2, 5_000);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = (n: number) => slots.run(async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await sleep(20);
      running -= 1;
      return n * 10;
    });
    const all = Promise.all([1, 2, 3, 4, 5, 6].map(work));
    await sleep(5);
    expect(await waitingGauge()).toBe(4);
    expect(await all).toEqual([10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await waitingGauge()).toBe(0);
  });

  it('tells a statement that waits longer than its limit that the server is busy, and never runs it', async () => {
    const slots = new AnswerSlots(1, 30);
    const ran: string[] = [];
    const long = slots.run(async () => {
      ran.push('long');
      await sleep(100);
      return 'long';
    });
    const waiting = slots.run(async () => {
      ran.push('waiting');
      return 'waiting';
    });
    await expect(waiting).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringMatching(/busy/) });
    expect(await long).toBe('long');
    // The slot the abandoned statement held in the queue is free again for the next one.
    expect(await slots.run(async () => 'next')).toBe('next');
    expect(ran).toEqual(['long']);
  });

  it('passes on a failure of the statement itself', async () => {
    const slots = new AnswerSlots(1, 1_000);
    await expect(slots.run(async () => { throw new Error('Neo4j said no'); })).rejects.toThrow('Neo4j said no');
    expect(await slots.run(async () => 'after')).toBe('after');
  });
  it('fails the statements waiting when one finds the database unreachable, without trying each', async () => {
    const slots = new AnswerSlots(1, 5_000);
    const tried: string[] = [];
    const unreachable = codedError('SERVICE_UNAVAILABLE', 'The graph database is unreachable; try again shortly');
    // The first waits out a connection timeout; four more queue behind it meanwhile.
    const first = slots.run(async () => {
      tried.push('first');
      await sleep(30);
      throw unreachable;
    });
    const queued = ['a', 'b', 'c', 'd'].map((name) => slots.run(async () => {
      tried.push(name);
      return name;
    }));
    await expect(first).rejects.toBe(unreachable);
    expect(await Promise.allSettled(queued)).toEqual(queued.map(() => ({ status: 'rejected', reason: unreachable })));
    expect(tried).toEqual(['first']);
    expect(await waitingGauge()).toBe(0);
    // One that comes after the failure tries the database again.
    expect(await slots.run(async () => 'back')).toBe('back');
  });

  it('lets the waiting statements run after a failure that is not about reaching the database', async () => {
    const slots = new AnswerSlots(1, 5_000);
    const first = slots.run(async () => {
      await sleep(10);
      throw codedError('TIMEOUT', 'The query took longer than the configured limit');
    });
    const next = slots.run(async () => 'next');
    await expect(first).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(await next).toBe('next');
  });
});
