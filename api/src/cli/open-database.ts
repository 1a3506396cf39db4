// How the commands reach the database: the one configured (or the local one, started on demand).
// A problem whoever runs the command can fix (the configuration, Java, a server that cannot be
// reached) ends it in one line instead of a stack trace.
import { loadConfig } from '../config.ts';
import { connect, type Database } from '../db/connect.ts';
import { exitOnStartupProblem } from '../startup-problem.ts';

export async function openDatabase(): Promise<Database> {
  try {
    return await connect(loadConfig());
  } catch (error) {
    exitOnStartupProblem(error);
  }
}
