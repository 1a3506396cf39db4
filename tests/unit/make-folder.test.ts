// makeFolder: what fs.mkdirSync(…, { recursive: true }) does, and an error where Node's loops for ever.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../api/src/make-folder.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'make-folder-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('makes the folder and its missing parents, and is content when it exists', () => {
    const deep = path.join(base, 'a', 'b', 'c');
    makeFolder(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    makeFolder(deep);
    makeFolder(path.join(base, 'a'));
    expect(fs.readdirSync(path.join(base, 'a'))).toEqual(['b']);
  });

  it('throws the system\'s error when a file is in the way', () => {
    fs.writeFileSync(path.join(base, 'file'), 'x');
    expect(() => makeFolder(path.join(base, 'file', 'sub'))).toThrow(/ENOTDIR/);
  });

  it.runIf(fs.existsSync('/proc/self'))('throws ENOENT under /proc instead of retrying for ever', () => {
    expect(() => makeFolder('/proc/chainscope-test/sub')).toThrow(/ENOENT: no such file or directory, mkdir '\/proc\/chainscope-test'/);
    expect(fs.existsSync('/proc/chainscope-test')).toBe(false);
  });
});
