package chainscope;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

import picocli.CommandLine;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, bound to 127.0.0.1.
 *
 * Arguments: data directory, Bolt port (0 picks a free one). Environment:
 * CHAINSCOPE_NEO4J_PAGECACHE (e.g. 2g) sizes the page cache; the heap is the JVM's -Xmx.
 * On ready it prints one line "READY bolt://127.0.0.1:PORT" and writes DATA/bolt.json,
 * so the Node side can connect and later runs can reuse the same server. It stops when its
 * stdin ends, that is when the process that started it is gone.
 *
 * The one command it reads on stdin, "IMPORT ARGS_FILE", runs Neo4j's offline importer on the
 * stopped database in this JVM and starts the database again (see offlineImport).
 */
public final class LocalNeo4j {
    private static Path dataDir;
    private static int port;
    private static DatabaseManagementServiceBuilder builder;
    private static volatile DatabaseManagementService service;

    public static void main(String[] args) throws Exception {
        watchOwner();
        dataDir = Path.of(args.length > 0 ? args[0] : ".neo4j-local").toAbsolutePath();
        port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (port == 0) port = freePort();
        Files.createDirectories(dataDir);

        builder = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                // Netty waits this many seconds for stray work before the Bolt server stops; on
                // loopback, with the databases already shut down, there is none: stop at once.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        String pageCache = System.getenv("CHAINSCOPE_NEO4J_PAGECACHE");
        if (pageCache != null && !pageCache.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache));
        }

        startDatabase();

        Path stateFile = dataDir.resolve("bolt.json");
        String uri = "bolt://127.0.0.1:" + port;
        Files.writeString(stateFile,
                "{\"uri\":\"" + uri + "\",\"pid\":" + ProcessHandle.current().pid() + "}\n",
                StandardCharsets.UTF_8);

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT and SIGTERM run shutdown hooks: close the store cleanly so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // the next start overwrites a stale file
            }
            service.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.println("READY " + uri);
        System.out.flush();
        stopped.await();
    }

    private static void startDatabase() throws InterruptedException {
        service = builder.build();
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        awaitBolt(port);
    }

    /**
     * Stops the database, runs neo4j-admin with the arguments in argsFile (its first line is the
     * log file for the importer's output, each further line one argument), and starts the database
     * again, answering "IMPORTED EXIT_CODE SECONDS" once it is back. In this JVM, already warm,
     * the restart takes 0.3 s where a new one took 5–6 s, and the importer starts 2 s sooner.
     */
    private static void offlineImport(Path argsFile) throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(argsFile, StandardCharsets.UTF_8);
        service.shutdown();
        long started = System.nanoTime();
        int code;
        try (PrintStream log = new PrintStream(Files.newOutputStream(Path.of(lines.get(0))), true, StandardCharsets.UTF_8);
             DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            try {
                ExecutionContext ctx = new ExecutionContext(dataDir, dataDir.resolve("conf"), log, log, fs);
                CommandLine admin = AdminTool.getCommandLine(ctx);
                // "database import full" is the stock command with one setting changed (see FullImportWithoutFlushLoop).
                CommandLine databaseImport = admin.getSubcommands().get("database").getSubcommands().get("import");
                databaseImport.getCommandSpec().removeSubcommand("full");
                databaseImport.addSubcommand("full", new FullImportWithoutFlushLoop(ctx));
                // A subcommand added afterwards does not inherit where the tool writes (the log): set it for all again.
                admin.setOut(admin.getOut()).setErr(admin.getErr());
                code = admin.execute(lines.subList(1, lines.size()).toArray(new String[0]));
            } catch (RuntimeException e) {
                e.printStackTrace(log);
                code = 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        startDatabase();
        System.out.println("IMPORTED " + code + " " + seconds);
        System.out.flush();
    }

    /**
     * The server lives as long as the process that started it. That process holds our stdin
     * open; when it ends in any way (stopped before it could stop us, killed, crashed), stdin
     * reaches its end and the JVM exits through the shutdown hook, closing the store. Until then
     * the owner may send commands, one a line.
     */
    private static void watchOwner() {
        Thread watch = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("IMPORT ")) offlineImport(Path.of(line.substring("IMPORT ".length())));
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                // a broken pipe is an end too; a failed restart leaves nothing to serve
                e.printStackTrace();
            }
            System.exit(0);
        }, "owner-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The database answers before the Bolt connector accepts connections; READY waits for both. */
    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Bolt did not start listening on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** "512m", "2g", "1048576" → bytes. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k') unit = 1L << 10;
        if (last == 'm') unit = 1L << 20;
        if (last == 'g') unit = 1L << 30;
        if (unit != 1) t = t.substring(0, t.length() - 1);
        return Long.parseLong(t) * unit;
    }
}
