// Why Chainscope (the server or a command) cannot start, when whoever starts it can fix it: the
// configuration, Java or Maven, the port, the database's address or credentials. Said in one
// line with what to do; anything else is a fault and keeps its stack trace.
export class StartupProblem extends Error {}

/** Ends the process for a StartupProblem in one line on stderr; any other error is thrown on. */
export function exitOnStartupProblem(error: unknown): never {
  if (!(error instanceof StartupProblem)) throw error;
  process.stderr.write(`chainscope: ${error.message}\n`);
  process.exit(1);
}
