// One Chromium per test file: Debian's /usr/bin/chromium (CHROMIUM_PATH to override), headless,
// driven by playwright-core. Pages get window.__CHAINSCOPE_TEST__ so the app installs its test hook.
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { apiClient, testDriver } from '../support/api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-output');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function openApp(browser: Browser, url: string, options: { lang?: 'en' | 'zh'; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 860 }, acceptDownloads: true });
  await context.addInitScript((lang) => {
    (window as unknown as { __CHAINSCOPE_TEST__: boolean }).__CHAINSCOPE_TEST__ = true;
    localStorage.setItem('chainscope.lang', lang);
  }, options.lang ?? 'en');
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
  await page.goto(url);
  return page;
}

/** Waits until the app has loaded what the URL asks for and the canvas has laid it out. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__chainscope?.idle() === true, undefined, { timeout: 15_000 });
}

export function outputFile(name: string): string {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, name);
}

/**
 * Copies a screenshot the tests took into docs/ for the README, only when asked
 * (CHAINSCOPE_UPDATE_DOCS=1): a plain `npm test` leaves the working tree as it found it.
 */
export function publishScreenshot(file: string, docsName: string): void {
  if (process.env.CHAINSCOPE_UPDATE_DOCS !== '1') return;
  const docs = path.resolve(import.meta.dirname, '..', '..', 'docs');
  fs.mkdirSync(docs, { recursive: true });
  fs.copyFileSync(file, path.join(docs, docsName));
}

export interface AppSession {
  server: TestServer;
  browser: Browser;
  driver: Driver;
  api: ReturnType<typeof apiClient>;
}

/**
 * The API (over the test Neo4j) and one Chromium for a test file: started before its tests,
 * stopped after them. Call it at the top of the file; the fields are set once beforeAll ran.
 * Its afterAll is registered first, so it runs after the file's own clean-up.
 */
export function useAppSession(): AppSession {
  const session = {} as AppSession;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startTestServer(), launchBrowser()]);
    session.driver = testDriver();
    session.api = apiClient(session.driver);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop().catch(() => undefined);
    await session.driver?.close();
  });
  return session;
}
