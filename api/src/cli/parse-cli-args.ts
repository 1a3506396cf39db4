// The project's commands read their options here: a mistyped option or a value that is not what
// it should be is told in one line with the command's usage (exit 2), not as Node's stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Stops the command (exit 2) with what was wrong, if there is more to say, and its usage. */
export function exitWithUsage(usage: string, message?: string): never {
  process.stderr.write(`${message === undefined ? '' : `${message}\n`}${usage}\n`);
  process.exit(2);
}

export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return exitWithUsage(usage, (error as Error).message);
  }
}

/** An option's value as a whole number of at least `min`, or the command stops saying so. */
export function wholeNumber(value: string | undefined, option: string, usage: string, min = 1): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    return exitWithUsage(usage, `--${option} takes a whole number of at least ${min} (got "${value}")`);
  }
  return n;
}
