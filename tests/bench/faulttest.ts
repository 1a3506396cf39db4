// npm run faulttest [-- --up 15 --down 10 --freeze 10 --timeout 5000 --clients 20]: the fault drill
// at length, with figures.
import { parseCliArgs, wholeNumber } from '../../api/src/cli/parse-cli-args.ts';
import { runFaultDrill, unmetTargets } from '../support/fault-drill.ts';

const usage = 'usage: npm run faulttest [-- --up 15 --down 10 --freeze 10 --timeout 5000 --clients 20]';
const { values } = parseCliArgs({
  options: {
    up: { type: 'string', default: '15' }, down: { type: 'string', default: '10' }, freeze: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '5000' }, clients: { type: 'string', default: '20' },
  },
}, usage);
const queryTimeoutMs = wholeNumber(values.timeout, 'timeout', usage);
const report = await runFaultDrill({
  upSeconds: wholeNumber(values.up, 'up', usage), downSeconds: wholeNumber(values.down, 'down', usage),
  freezeSeconds: wholeNumber(values.freeze, 'freeze', usage), queryTimeoutMs, clients: wholeNumber(values.clients, 'clients', usage),
});
const unmet = unmetTargets(report, queryTimeoutMs);
process.stdout.write([
  `Fault drill: ${values.clients} clients (half writing), Neo4j up ${values.up} s, stopped ${values.down} s, started again on the same port`,
  `  while up: ${report.requestsWhileUp} requests`,
  `  while down: ${report.requestsWhileDown} requests, ${report.downAnsweredUnavailable} answered SERVICE_UNAVAILABLE, slowest answer ${report.slowestDownAnswerMs.toFixed(0)} ms${report.downOtherOutcomes.length ? `, other outcomes: ${report.downOtherOutcomes.slice(0, 5).join(', ')}` : ''}`,
  `  back to answering ${report.recoveryMs} ms after Neo4j was ready again (no API restart)`,
  `  while frozen ${values.freeze} s (SIGSTOP; query timeout ${queryTimeoutMs} ms): ${Object.entries(report.frozenOutcomes).map(([k, v]) => `${v} ${k}`).join(', ')}; slowest answer ${report.slowestFrozenAnswerMs.toFixed(0)} ms (${report.slowestFrozenRequest}), of the ${report.earlyFrozenRequests} sent early enough that waiting for the thaw would show ${report.slowestEarlyFrozenAnswerMs.toFixed(0)} ms`,
  `  back to answering ${report.thawRecoveryMs} ms after the thaw`,
  `  writes: ${report.acknowledgedWrites} acknowledged, ${report.acknowledgedMissing.length} of them missing; ${report.failedWrites} failed, ${report.failedButPresent.length} half-applied, ${report.failedButCommitted} committed all the same, ${report.misleadingFailures.length} told otherwise than what became of them`,
  `  errors without a code: ${report.uncodedErrors.length}${report.uncodedErrors.length ? ` (${report.uncodedErrors.slice(0, 3).join('; ')})` : ''}`,
  `  server crashed: ${report.serverCrashed ? 'yes' : 'no'}`,
  unmet.length ? `FAIL: ${unmet.join('; ')}` : 'PASS',
  '',
].join('\n'));
process.exitCode = unmet.length ? 1 : 0;
