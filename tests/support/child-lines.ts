// Tests that start a process wait for the line that says it is ready.
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** The first line of the child's stdout that matches; fails if it exits or stays silent too long. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve(match);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing a line matching ${pattern}`));
    });
  });
}
