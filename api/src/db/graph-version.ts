// Which state of the graph the API is looking at, for the response cache: read from Neo4j a
// few times a second (cypher/queries/graph-version.cypher), and unknown while Neo4j cannot be
// reached, so nothing is served from the cache then (callers get SERVICE_UNAVAILABLE as before).
import type { Driver } from 'neo4j-driver';
import { cypher } from './cypher-files.ts';
import { managedWrite, readTransaction } from './neo4j.ts';

/** How often each API process reads the version: the longest another process's write stays unseen. */
export const VERSION_POLL_MS = 250;

export class GraphVersion {
  private value: string | null = null;
  private reads = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly driver: Driver, private readonly database: string) {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), VERSION_POLL_MS).unref();
  }

  /** The current version, or null when it is not known (then the cache is bypassed). */
  get current(): string | null {
    return this.value;
  }

  /** After a write through this process: bypass the cache until the new version has been read. */
  changed(): void {
    this.value = null;
    void this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    // Only the latest read counts: an older one may have started before a write.
    const read = ++this.reads;
    try {
      const [row] = await readTransaction(this.driver, this.database, cypher('graph-version'), {}, 2_000);
      if (read === this.reads) this.value = row!.version as string;
    } catch {
      if (read === this.reads) this.value = null;
    }
  }
}

/** Counts an import in a transaction of its own, after its batches (an edit counts itself in its own: gap-counts.ts, beginEdit). */
export async function markImportWritten(driver: Driver, database: string, timeoutMs?: number): Promise<void> {
  await managedWrite(driver, database, (tx) => tx.run(cypher('mark-written')), timeoutMs);
}
