// The fault drill: a mixed read/write load against the API while its Neo4j is stopped and
// started again on the same port, then frozen (SIGSTOP, as in a long GC pause or a suspended VM:
// connections stay open and nothing answers) and thawed. Used by tests/integration/fault.test.ts (short) and
// tests/bench/faulttest.ts (longer, with figures).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApiKeys, digest } from '../../api/src/auth/api-keys.ts';
import { createDriver, NO_ANSWER_GRACE_MS } from '../../api/src/db/neo4j.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../api/src/db/local-neo4j.ts';
import { applySchema } from '../../api/src/db/schema.ts';
import { createHttpServer } from '../../api/src/http-server.ts';

const KEY = 'fault-drill-editor-key';

export interface DrillReport {
  requestsWhileUp: number;
  requestsWhileDown: number;
  downAnsweredUnavailable: number;
  downOtherOutcomes: string[];
  slowestDownAnswerMs: number;
  recoveryMs: number;
  acknowledgedWrites: number;
  acknowledgedMissing: string[];
  failedWrites: number;
  failedButPresent: string[];
  /** Failed writes that were made whole all the same (their commit was under way when the connection broke). */
  failedButCommitted: number;
  /**
   * Failed writes whose error misled: made all the same though it did not say the change was or
   * may have been saved (extensions.saved YES or UNKNOWN), or said saved (YES) and is missing.
   */
  misleadingFailures: string[];
  /** Errors without a code (masked as "Unexpected error"), in any phase: every failure must be told. */
  uncodedErrors: string[];
  /** Requests sent while Neo4j was frozen, by outcome ('ok', an error code, or 'no answer'). */
  frozenOutcomes: Record<string, number>;
  slowestFrozenAnswerMs: number;
  /** Which request that was: 'read' or 'write', and its outcome. */
  slowestFrozenRequest: string;
  /**
   * The slowest answer to a request sent early enough in the freeze that its first statement's
   * deadline (timeout + grace) fell a second or more before the thaw: it must not have waited for
   * the thaw. (A request sent later may have a statement answered at the thaw and its next one
   * given up while the thawed server catches up: slower, but not waiting on the freeze.)
   */
  slowestEarlyFrozenAnswerMs: number;
  earlyFrozenRequests: number;
  /** From the thaw to the first fresh answer. */
  thawRecoveryMs: number;
  serverCrashed: boolean;
}

/**
 * What the issue asks of the drill, each unmet one named with its figure (empty: all met): no
 * crash; while down every request told SERVICE_UNAVAILABLE within a second; answers again within
 * 5 s of the database's return and of the thaw; no acknowledged write missing, none failed and
 * half-applied or told otherwise than what became of it; every error coded; a request sent early
 * in the freeze told within its timeout and 2 s, never left waiting for the thaw.
 */
export function unmetTargets(report: DrillReport, queryTimeoutMs: number): string[] {
  const frozenOther = Object.keys(report.frozenOutcomes).filter((outcome) => !['ok', 'SERVICE_UNAVAILABLE'].includes(outcome));
  const checks: [boolean, string][] = [
    [report.serverCrashed, 'the server crashed'],
    [report.downOtherOutcomes.length > 0, `while down, answers other than SERVICE_UNAVAILABLE: ${report.downOtherOutcomes.slice(0, 5).join(', ')}`],
    [report.slowestDownAnswerMs >= 1_000, `while down, the slowest answer took ${report.slowestDownAnswerMs.toFixed(0)} ms`],
    [report.recoveryMs >= 5_000, `answering again took ${report.recoveryMs} ms after Neo4j's return`],
    [report.acknowledgedMissing.length > 0, `acknowledged writes missing: ${report.acknowledgedMissing.slice(0, 5).join(', ')}`],
    [report.failedButPresent.length > 0, `failed writes half-applied: ${report.failedButPresent.slice(0, 5).join(', ')}`],
    [report.misleadingFailures.length > 0, `failed writes told otherwise than what became of them: ${report.misleadingFailures.slice(0, 5).join(', ')}`],
    [report.uncodedErrors.length > 0, `errors without a code: ${report.uncodedErrors.slice(0, 3).join('; ')}`],
    [frozenOther.length > 0, `while frozen, outcomes other than ok and SERVICE_UNAVAILABLE: ${frozenOther.join(', ')}`],
    [report.slowestEarlyFrozenAnswerMs >= queryTimeoutMs + 2_000, `while frozen, a request sent early took ${report.slowestEarlyFrozenAnswerMs.toFixed(0)} ms`],
    [report.thawRecoveryMs >= 5_000, `answering again took ${report.thawRecoveryMs} ms after the thaw`],
  ];
  return checks.filter(([unmet]) => unmet).map(([, what]) => what);
}

export async function runFaultDrill(options: { downSeconds: number; upSeconds: number; clients: number; freezeSeconds: number; queryTimeoutMs: number }): Promise<DrillReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-fault-'));
  let db: LocalNeo4j = await startLocalNeo4j({ dataDir, heap: '512m', say: () => {} });
  const port = Number(new URL(db.uri.replace('bolt:', 'http:')).port);
  const driver = createDriver(db.uri, {});
  await applySchema(driver, 'neo4j');
  const server = createHttpServer({
    driver, database: 'neo4j', queryTimeoutMs: options.queryTimeoutMs, responseCacheTtlMs: 60_000,
    apiKeys: new ApiKeys([{ name: 'drill', role: 'editor', sha256: digest(KEY) }]),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  let serverCrashed = false;
  server.on('error', () => void (serverCrashed = true));

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { message?: string; extensions?: { code?: string; saved?: string } }[] };
  };

  let phase: 'up' | 'stopping' | 'down' | 'recovering' | 'frozen' = 'up';
  const report: DrillReport = {
    requestsWhileUp: 0, requestsWhileDown: 0, downAnsweredUnavailable: 0, downOtherOutcomes: [], slowestDownAnswerMs: 0,
    recoveryMs: 0, acknowledgedWrites: 0, acknowledgedMissing: [], failedWrites: 0, failedButPresent: [], failedButCommitted: 0, misleadingFailures: [], uncodedErrors: [],
    frozenOutcomes: {}, slowestFrozenAnswerMs: 0, slowestFrozenRequest: '', slowestEarlyFrozenAnswerMs: 0, earlyFrozenRequests: 0, thawRecoveryMs: 0, serverCrashed: false,
  };
  const acknowledged: string[] = [];
  const failed: string[] = [];
  /** What each failed write's error said of the change (extensions.saved), if anything. */
  const saidSaved = new Map<string, string | undefined>();
  let counter = 0;
  let running = true;
  let frozenAt = 0;
  /** Requests sent before this time after the freeze count as early (see slowestEarlyFrozenAnswerMs). */
  const earlyMs = options.freezeSeconds * 1000 - options.queryTimeoutMs - NO_ANSWER_GRACE_MS - 1_000;

  const client = async (n: number) => {
    while (running) {
      const write = n % 2 === 0;
      const id = `drill-${n}-${(counter += 1)}`;
      const started = performance.now();
      const during = phase;
      const result = write
        ? await post('mutation($id: ID!) { createEntity(kind: COMPANY, input: { id: $id, name: "Drill company", stage: "startup" }) { id } }', { id }).catch(() => undefined)
        : await post('{ search(query: "drill", first: 5) { id } }').catch(() => undefined);
      const ms = performance.now() - started;
      const code = result?.errors?.[0]?.extensions?.code;
      if (write) (result && !result.errors ? acknowledged : failed).push(id);
      if (write && result?.errors) saidSaved.set(id, result.errors[0]?.extensions?.saved);
      if (result?.errors && !code) report.uncodedErrors.push(`${write ? 'write' : 'read'} while ${during}: ${result.errors[0]?.message}`);
      if (during === 'up') report.requestsWhileUp += 1;
      if (during === 'down' && phase === 'down') {
        report.requestsWhileDown += 1;
        report.slowestDownAnswerMs = Math.max(report.slowestDownAnswerMs, ms);
          if (code === 'SERVICE_UNAVAILABLE') report.downAnsweredUnavailable += 1;
        else report.downOtherOutcomes.push(result ? code ?? 'ok' : 'no answer');
      }
      if (during === 'frozen') {
        const outcome = result ? code ?? 'ok' : 'no answer';
        report.frozenOutcomes[outcome] = (report.frozenOutcomes[outcome] ?? 0) + 1;
        if (ms > report.slowestFrozenAnswerMs) {
          report.slowestFrozenAnswerMs = ms;
          report.slowestFrozenRequest = `${write ? 'write' : 'read'}, ${outcome}`;
        }
        if (started - frozenAt < earlyMs) {
          report.earlyFrozenRequests += 1;
          report.slowestEarlyFrozenAnswerMs = Math.max(report.slowestEarlyFrozenAnswerMs, ms);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** Milliseconds until a fresh question (never cached) is answered. */
  const untilAnswering = async () => {
    const back = performance.now();
    for (let n = 0; ; n += 1) {
      const result = await post('query($q: String!) { search(query: $q, first: 1) { id } }', { q: `drill ${n} ${back}` }).catch(() => undefined);
      if (result && !result.errors) return Math.round(performance.now() - back);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /**
   * A fresh (or restarted) Neo4j plans each statement on its first run, and on a small machine
   * the first few writes took 1.5-2.2 s, past the drill's 1.5 s timeout: some runs acknowledged no
   * write at all while up, and a thaw found requests still waiting on plans. So the drill's own
   * requests are asked until they answer quickly, before the phase that counts.
   */
  const warmUp = async () => {
    const until = performance.now() + 60_000;
    for (let n = 0, quick = 0; quick < 3 && performance.now() < until; n += 1) {
      const started = performance.now();
      const [written, found] = await Promise.all([
        post('mutation($id: ID!) { createEntity(kind: COMPANY, input: { id: $id, name: "Warm-up company", stage: "startup" }) { id } }', { id: `warm-${n}-${started}` }),
        post('query($q: String!) { search(query: $q, first: 5) { id } }', { q: `warm ${n} ${started}` }),
      ]);
      quick = !written.errors && !found.errors && performance.now() - started < 300 ? quick + 1 : 0;
    }
  };

  await warmUp();
  const clients = Array.from({ length: options.clients }, (_, n) => client(n));
  await new Promise((resolve) => setTimeout(resolve, options.upSeconds * 1000));
  phase = 'stopping';
  await db.stop();
  phase = 'down';
  await new Promise((resolve) => setTimeout(resolve, options.downSeconds * 1000));
  phase = 'recovering';
  db = await startLocalNeo4j({ dataDir, heap: '512m', port, say: () => {} });
  report.recoveryMs = await untilAnswering();
  await warmUp();
  phase = 'up';
  await new Promise((resolve) => setTimeout(resolve, 1000));

  process.kill(db.pid!, 'SIGSTOP');
  frozenAt = performance.now();
  phase = 'frozen';
  await new Promise((resolve) => setTimeout(resolve, options.freezeSeconds * 1000));
  phase = 'recovering';
  process.kill(db.pid!, 'SIGCONT');
  report.thawRecoveryMs = await untilAnswering();
  phase = 'up';
  await new Promise((resolve) => setTimeout(resolve, 1000));
  running = false;
  await Promise.all(clients);

  const present = new Set(
    (await driver.executeQuery('MATCH (n:Company) WHERE n.id STARTS WITH "drill-" RETURN collect(n.id) AS ids', {}, { database: 'neo4j' })).records[0]!.get('ids') as string[],
  );
  report.acknowledgedWrites = acknowledged.length;
  report.acknowledgedMissing = acknowledged.filter((id) => !present.has(id));
  report.failedWrites = failed.length;
  // A failed write may have committed just before the connection broke; if so it must be whole
  // (node and audit event), never half-applied.
  const audited = new Set(
    (await driver.executeQuery('MATCH (e:AuditEvent) WHERE e.entityId STARTS WITH "drill-" RETURN collect(e.entityId) AS ids', {}, { database: 'neo4j' })).records[0]!.get('ids') as string[],
  );
  report.failedButPresent = failed.filter((id) => present.has(id) !== audited.has(id));
  report.failedButCommitted = failed.filter((id) => present.has(id) && audited.has(id)).length;
  report.misleadingFailures = failed.filter((id) => {
    const said = saidSaved.get(id);
    return present.has(id) ? said !== 'YES' && said !== 'UNKNOWN' : said === 'YES';
  }).map((id) => `${id}: saved ${saidSaved.get(id) ?? 'not said'}, ${present.has(id) ? 'present' : 'missing'}`);
  report.serverCrashed = serverCrashed;

  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await driver.close();
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return report;
}
