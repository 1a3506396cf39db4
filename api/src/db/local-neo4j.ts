// Starts (or reuses) the embedded Neo4j of db-launcher/ when NEO4J_URI is unset.
// First use compiles the launcher with Maven, which fetches Neo4j from Maven Central.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { ROOT } from '../config.ts';
import { makeFolder } from '../make-folder.ts';
import { StartupProblem } from '../startup-problem.ts';

const LAUNCHER_DIR = path.join(ROOT, 'db-launcher');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const MAIN_CLASS_FILE = path.join(LAUNCHER_DIR, 'target', 'classes', 'chainscope', 'LocalNeo4j.class');
const JAVA_DIR = path.join(LAUNCHER_DIR, 'src/main/java/chainscope');
/** What the launcher is built from: a change to any of them rebuilds it. */
const SOURCES = [path.join(LAUNCHER_DIR, 'pom.xml'), ...fs.readdirSync(JAVA_DIR).filter((f) => f.endsWith('.java')).map((f) => path.join(JAVA_DIR, f))];

export interface LocalNeo4j {
  uri: string;
  dataDir: string;
  heap: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  /** The server's process, when this process started it (fault drills freeze it). */
  readonly pid?: number;
  stop(): Promise<void>;
  /**
   * Stops the database, runs neo4j-admin with these arguments on its files (the offline
   * importer) in the server's own JVM, and starts the database again at the same address (owned
   * servers only). Resolves to the importer's time in seconds; its output goes to
   * DATA/neo4j-admin.log, and a failure throws with the last lines.
   */
  runAdmin(args: string[]): Promise<number>;
}

export interface LocalNeo4jOptions {
  dataDir: string;
  heap: string;
  /** Bolt port; 0 or unset picks a free one (a restart that clients must find again passes the old one). */
  port?: number;
  /** Where progress and notices go; stdout is kept for the caller. */
  say?: (line: string) => void;
}

export class MissingPrerequisiteError extends StartupProblem {}

/** The running server recorded in dataDir/bolt.json, if it answers. */
export async function findRunning(dataDir: string): Promise<string | undefined> {
  const stateFile = path.join(dataDir, 'bolt.json');
  if (!fs.existsSync(stateFile)) return undefined;
  try {
    const { uri } = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { uri: string };
    const driver = neo4j.driver(uri, undefined, { connectionTimeout: 1500 });
    try {
      await driver.verifyConnectivity();
      return uri;
    } finally {
      await driver.close();
    }
  } catch {
    return undefined;
  }
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const running = await findRunning(options.dataDir);
  if (running) {
    say(`Using the local Neo4j already running at ${running}`);
    return {
      uri: running, dataDir: options.dataDir, heap: options.heap, owned: false, stop: async () => {},
      runAdmin: () => Promise.reject(new Error(`the local Neo4j at ${running} belongs to another process`)),
    };
  }
  checkPrerequisites();
  await buildLauncher(say);
  makeFolder(options.dataDir);
  say(`Starting local Neo4j 5.26 (data in ${path.relative(process.cwd(), options.dataDir) || '.'})…`);
  const started = Date.now();
  const child = spawnServer(options, options.port ?? 0);
  // One reader of the server's output for its whole life: a reader closed after its line pauses
  // the stream under every other one.
  const output = readline.createInterface({ input: child.stdout! });
  const uri = await waitForReady(child, output, options.dataDir);
  say(`Local Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    uri, dataDir: options.dataDir, heap: options.heap, owned: true,
    get pid() {
      return child.pid;
    },
    stop: () => stopChild(child),
    runAdmin: (args) => runAdmin(child, output, options.dataDir, args),
  };
}

/** See LocalNeo4j.runAdmin; the launcher's side is LocalNeo4j.java's offlineImport. */
async function runAdmin(child: ChildProcess, output: readline.Interface, dataDir: string, args: string[]): Promise<number> {
  const logFile = path.join(dataDir, 'neo4j-admin.log');
  const argsFile = path.join(dataDir, 'neo4j-admin.args');
  fs.writeFileSync(argsFile, [path.resolve(logFile), ...args].join('\n'));
  try {
    const [code, seconds] = await new Promise<[number, number]>((resolve, reject) => {
      const exited = () => {
        output.off('line', answered);
        reject(new Error(`The local Neo4j exited while neo4j-admin ran; see ${path.join(dataDir, 'launcher.log')}`));
      };
      function answered(line: string) {
        if (!line.startsWith('IMPORTED ')) return;
        output.off('line', answered);
        child.off('exit', exited);
        const [code, seconds] = line.slice('IMPORTED '.length).split(' ').map(Number);
        resolve([code!, seconds!]);
      }
      child.once('exit', exited);
      output.on('line', answered);
      child.stdin!.write(`IMPORT ${path.resolve(argsFile)}\n`);
    });
    if (code !== 0) {
      // What it said, without the stack frames of an exception (those are in the log).
      const lastLines = fs.readFileSync(logFile, 'utf8').split('\n').filter((line) => !/^\s+at |^\s*\.\.\. \d+ more/.test(line)).slice(-20).join('\n');
      throw new Error(`neo4j-admin ${args.slice(0, 3).join(' ')} failed (exit ${code}); see ${logFile}:\n${lastLines}`);
    }
    return seconds;
  } finally {
    fs.rmSync(argsFile, { force: true });
  }
}

/**
 * The server's stdin is a pipe this process holds, writing to it only runAdmin's command: when
 * this process ends, even killed before it could stop the server, the pipe closes and the server
 * shuts itself down.
 */
function spawnServer(options: LocalNeo4jOptions, port: number): ChildProcess {
  return spawn(
    'java',
    [...jvm(options.heap), 'chainscope.LocalNeo4j', options.dataDir, String(port)],
    { cwd: LAUNCHER_DIR, stdio: ['pipe', 'pipe', 'pipe'], env: process.env },
  );
}

function checkPrerequisites(): void {
  const hint = 'install a JDK 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), or set NEO4J_URI to an existing Neo4j';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) throw new MissingPrerequisiteError(`Java was not found: ${hint}.`);
  const version = /version "(\d+)/.exec(java.stderr)?.[1];
  if (version && Number(version) < 17) throw new MissingPrerequisiteError(`Java ${version} is too old for Neo4j 5: ${hint}.`);
  if (!fs.existsSync(CLASSPATH_FILE) || isStale()) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) throw new MissingPrerequisiteError(`Maven was not found: ${hint}.`);
  }
}

function isStale(): boolean {
  if (!fs.existsSync(MAIN_CLASS_FILE) || !fs.existsSync(CLASSPATH_FILE)) return true;
  const built = fs.statSync(MAIN_CLASS_FILE).mtimeMs;
  return SOURCES.some((file) => fs.statSync(file).mtimeMs > built);
}

/**
 * The server's java options: its heap, G1, the launcher's jars (neo4j-admin runs in the same JVM).
 * The heap is fixed at its size from the start, as Neo4j's own configuration advises: left to
 * grow, it made the heavy answers a quarter slower after a burst of load, for good. It is not
 * touched up front (-XX:+AlwaysPreTouch): on a virtual machine whose memory the host hands out
 * lazily, 4 GB held from the start made every page this machine's Node processes fault in cost
 * several times as much (an import's validation beside it 9 -> 13-24 s, most of it system time).
 */
function jvm(heap: string): string[] {
  return [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-cp', classpath()];
}

function classpath(): string {
  return [path.join(LAUNCHER_DIR, 'target', 'classes'), fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(path.delimiter);
}

/** Compiles the launcher and resolves Neo4j's jars, showing the first-run download as progress. */
export async function buildLauncher(say: (line: string) => void): Promise<void> {
  if (!isStale()) return;
  say('Preparing the local Neo4j launcher with Maven (the first run downloads Neo4j from Maven Central)…');
  const child = spawn('mvn', ['-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], {
    cwd: LAUNCHER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let files = 0;
  let kilobytes = 0;
  const tail: string[] = [];
  const progress = (final = false) => {
    const line = `  downloaded ${files} files, ${(kilobytes / 1024).toFixed(1)} MB`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || files % 50 === 0) say(line);
  };
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    const match = /^Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
    if (!match) return;
    files += 1;
    const size = Number(match[1]);
    kilobytes += match[2] === 'MB' ? size * 1024 : match[2] === 'kB' ? size : size / 1024;
    progress();
  });
  child.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (files > 0) progress(true);
  if (code !== 0) {
    throw new StartupProblem(`Maven could not build db-launcher (exit ${code}). Last output:\n${tail.join('\n')}`);
  }
}

function waitForReady(child: ChildProcess, output: readline.Interface, dataDir: string): Promise<string> {
  const logFile = path.join(dataDir, 'launcher.log');
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  child.stderr?.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new StartupProblem(`Local Neo4j did not start within 180 s; see ${logFile}`));
    }, 180_000);
    output.on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve(line.slice('READY '.length).trim());
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lastLines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      reject(new StartupProblem(`Local Neo4j exited with code ${code} before it was ready (is another one using ${dataDir}?):\n${lastLines}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
