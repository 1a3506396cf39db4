// Big CSV files are parsed in a worker thread (csv-worker.ts) while this one validates the files
// parsed before them: on the 100k-company graph, parsing was 3.4 of validation's 12 s.
import { Worker } from 'node:worker_threads';
import type { CsvBatch, CsvBroken } from './csv-records.ts';

interface Job { onBatch: (batch: CsvBatch) => void; resolve: (broken: CsvBroken | undefined) => void; reject: (error: Error) => void }
type Reply = { job: number; batch: CsvBatch; done?: undefined } | { job: number; broken: CsvBroken | undefined; done: true };

/** One worker per process, started at the first big file; it keeps the process alive only while it has work. */
let worker: Worker | undefined;
const jobs = new Map<number, Job>();
let lastJob = 0;

export function parseCsvOffThread(contents: Uint8Array, onBatch: (batch: CsvBatch) => void): Promise<CsvBroken | undefined> {
  const thread = worker ?? startWorker();
  const job = (lastJob += 1);
  const done = new Promise<CsvBroken | undefined>((resolve, reject) => jobs.set(job, { onBatch, resolve, reject }));
  thread.ref();
  // Copied, not transferred: the caller keeps its bytes (and a Buffer may share its memory).
  thread.postMessage({ job, contents });
  return done;
}

function startWorker(): Worker {
  const thread = new Worker(new URL('./csv-worker-boot.mjs', import.meta.url));
  thread.on('message', (reply: Reply) => {
    const job = jobs.get(reply.job)!;
    if (!reply.done) return job.onBatch(reply.batch);
    jobs.delete(reply.job);
    if (!jobs.size) thread.unref();
    job.resolve(reply.broken);
  });
  const fail = (error: Error) => {
    if (worker === thread) worker = undefined;
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`the CSV parsing thread stopped (exit code ${code})`)));
  worker = thread;
  return thread;
}
