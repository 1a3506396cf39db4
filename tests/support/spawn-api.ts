// The real entry point (api/src/main.ts) as a child process over the test Neo4j, as `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { ROOT } from '../../api/src/config.ts';
import { waitForLine } from './child-lines.ts';

export interface ApiProcess { url: string; child: ChildProcess; stop(): Promise<number | null> }

export async function spawnApi(env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT,
    // LOG_LEVEL info: the ready line that says the port is an info line.
    env: { ...process.env, PORT: '0', CHAINSCOPE_DATA_DIR: inject('neo4jDataDir'), ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url] = await waitForLine(child, /Chainscope is ready: (http:\/\/localhost:\d+)\//);
  return {
    url: url!,
    child,
    stop() {
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      return exit;
    },
  };
}
