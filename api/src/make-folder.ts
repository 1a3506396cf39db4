// fs.mkdirSync(folder, { recursive: true }) without its endless loop: Node's recursive mkdir
// retries for ever where the system answers ENOENT under a parent that exists (any folder under
// /proc), so `npm run export -- /proc/x` hung instead of failing.
import fs from 'node:fs';
import path from 'node:path';

/** Makes the folder and any missing parents; throws the system's error for the first it cannot make. */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(folder); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const dir of missing) {
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      // Made meanwhile by someone else: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw error;
    }
  }
}
