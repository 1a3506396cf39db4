package chainscope;

import java.io.IOException;
import java.io.PrintStream;

import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;

/**
 * "neo4j-admin database import full", without the importer's background page-cache flusher.
 *
 * That flusher (on by default, with no command-line option) calls flushAndForce in a loop with
 * no pause while nodes and relationships are imported: on a 2-core machine its flushes and
 * fsyncs took ~90 % of the CPU during the node stage, leaving the importer's own threads a
 * fraction of it. Without it the pages are written once, when the importer closes the stores.
 * Everything else is the stock command: same options, same checks, same store.
 */
public class FullImportWithoutFlushLoop extends ImportCommand.Full {
    public FullImportWithoutFlushLoop(ExecutionContext ctx) {
        super(ctx);
    }

    @Override
    protected void doImport(FileSystemAbstraction fs, DatabaseLayout layout, Config config, JobScheduler scheduler,
                            InternalLogProvider logProvider, PageCacheTracer tracer, CursorContextFactory contexts,
                            Configuration importConfig, LogService logService, PrintStream out, PrintStream err,
                            boolean verbose, Collector badCollector, MemoryTracker memory, Input input) throws IOException {
        Configuration withoutFlushLoop = new Configuration.Overridden(importConfig) {
            @Override
            public boolean sequentialBackgroundFlushing() {
                return false;
            }
        };
        super.doImport(fs, layout, config, scheduler, logProvider, tracer, contexts, withoutFlushLoop, logService, out, err,
                verbose, badCollector, memory, input);
    }
}
