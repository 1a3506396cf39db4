// Starts csv-worker.ts in its worker thread. JavaScript, because it is what makes TypeScript
// load there: Node 20 does not pass the parent thread's module hooks (tsx) on to a worker.
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
