// The worker thread behind parse-csv-off-thread.ts: parses the files it is sent, one after
// another in the order they came, and posts each one's records back in batches.
import { parentPort } from 'node:worker_threads';
import { parseCsvRecords } from './csv-records.ts';

const port = parentPort!;
let queue = Promise.resolve();
port.on('message', ({ job, contents }: { job: number; contents: Uint8Array }) => {
  queue = queue.then(async () => {
    const broken = await parseCsvRecords(contents, (batch) => port.postMessage({ job, batch }));
    port.postMessage({ job, broken, done: true });
  });
});
