// The commands' options, run as a user runs them: a wrong option is one line and the usage, exit
// 2, before any database is asked for.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';

function run(script: string, ...args: string[]) {
  // A command that hangs is stopped (status null) rather than holding the suite.
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
  return { code: result.status, stderr: result.stderr };
}

describe('command-line options', () => {
  it.each([
    ['import, an unknown option', 'api/src/cli/import.ts', ['some-folder', '--dryrun'], /Unknown option '--dryrun'/, /usage: npm run import/],
    ['export, an unknown option', 'api/src/cli/export.ts', ['out', '--chian', 'x'], /Unknown option '--chian'/, /usage: npm run export/],
    ['export, two scopes at once', 'api/src/cli/export.ts', ['out', '--chain', 'chain-x', '--region', 'reg-y'], /give one of --chain, --region and --search, not --chain and --region/, /usage: npm run export/],
    ['export, an empty search', 'api/src/cli/export.ts', ['out', '--search', ' '], /--search takes a text \(got an empty one\)/, /usage: npm run export/],
    ['generate, an option without its value', 'seed-data/generator/cli.ts', ['--companies'], /argument missing/, /usage: npm run generate/],
    ['bench, iterations that are not a number', 'tests/bench/bench.ts', ['--iterations', 'many'], /--iterations takes a whole number of at least 1 \(got "many"\)/, /usage: npm run bench/],
    ['loadtest, no connections', 'tests/bench/loadtest.ts', ['--connections', '0'], /--connections takes a whole number of at least 1 \(got "0"\)/, /usage: npm run loadtest/],
  ])('%s: one line and the usage, exit 2, no stack trace', (_, script, args, message, usage) => {
    const { code, stderr } = run(script, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(usage);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('generate says which folder it could not write to, without a stack trace', () => {
    const { code, stderr } = run('seed-data/generator/cli.ts', '--companies', '10', '--out', `${ROOT}/package.json/graph`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not write the graph to .*package\.json\/graph: ENOTDIR/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  // Node's own recursive mkdir retried for ever there (api/src/make-folder.ts).
  it.runIf(fs.existsSync('/proc/self'))('generate into a folder the system will not make (under /proc) fails at once', () => {
    const { code, stderr } = run('seed-data/generator/cli.ts', '--companies', '10', '--out', '/proc/chainscope-test/graph');
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not write the graph to \/proc\/chainscope-test\/graph: ENOENT/);
  });
});
