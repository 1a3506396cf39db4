// The local Neo4j belongs to the process that started it: killed before it could stop the
// server (SIGKILL, a crash, a signal during start-up), that process must not leave a JVM behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../api/src/config.ts';
import { waitForLine } from '../support/child-lines.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainscope-owner-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('local Neo4j', () => {
  it('shuts down when the process that started it is killed', async () => {
    const dataDir = path.join(tmp, 'db');
    const owner = spawn(process.execPath, ['--import', 'tsx', 'tests/support/own-local-neo4j.ts', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await waitForLine(owner, /^READY /);
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8')) as { pid: number };
    expect(alive(pid)).toBe(true);

    owner.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pid)).toBe(false);
    // It closed the store on its way out: the state file that lets other processes reuse it is gone.
    expect(fs.existsSync(path.join(dataDir, 'bolt.json'))).toBe(false);
  }, 120_000);
});
