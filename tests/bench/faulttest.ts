// npm run faulttest [-- --up 15 --down 10 --clients 20]: the fault drill at length, with figures.
import { parseArgs } from 'node:util';
import { runFaultDrill } from '../support/fault-drill.ts';

const { values } = parseArgs({ options: { up: { type: 'string', default: '15' }, down: { type: 'string', default: '10' }, clients: { type: 'string', default: '20' } } });
const report = await runFaultDrill({ upSeconds: Number(values.up), downSeconds: Number(values.down), clients: Number(values.clients) });
const ok = !report.serverCrashed && report.downOtherOutcomes.length === 0 && report.slowestDownAnswerMs < 1000
  && report.recoveryMs < 5000 && report.acknowledgedMissing.length === 0 && report.failedButPresent.length === 0;
process.stdout.write([
  `Fault drill: ${values.clients} clients (half writing), Neo4j up ${values.up} s, stopped ${values.down} s, started again on the same port`,
  `  while up: ${report.requestsWhileUp} requests`,
  `  while down: ${report.requestsWhileDown} requests, ${report.downAnsweredUnavailable} answered SERVICE_UNAVAILABLE, slowest answer ${report.slowestDownAnswerMs.toFixed(0)} ms${report.downOtherOutcomes.length ? `, other outcomes: ${report.downOtherOutcomes.slice(0, 5).join(', ')}` : ''}`,
  `  back to answering ${report.recoveryMs} ms after Neo4j was ready again (no API restart)`,
  `  writes: ${report.acknowledgedWrites} acknowledged, ${report.acknowledgedMissing.length} of them missing; ${report.failedWrites} failed, ${report.failedButPresent.length} half-applied`,
  `  server crashed: ${report.serverCrashed ? 'yes' : 'no'}`,
  ok ? 'PASS' : 'FAIL',
  '',
].join('\n'));
process.exitCode = ok ? 0 : 1;
