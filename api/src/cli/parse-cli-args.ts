// The project's commands read their options here: a mistyped option or a value that is not what
// it should be is told in one line with the command's usage (exit 2), not as Node's stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

function refuse(message: string, usage: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return refuse((error as Error).message, usage);
  }
}

/** An option's value as a whole number of at least `min`, or the command stops saying so. */
export function wholeNumber(value: string | undefined, option: string, usage: string, min = 1): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    return refuse(`--${option} takes a whole number of at least ${min} (got "${value}")`, usage);
  }
  return n;
}
