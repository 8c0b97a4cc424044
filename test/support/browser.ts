/**
 * Browser tests: the OS's Chromium (Debian `chromium`, or CHROMIUM_PATH), headless, driven by
 * playwright-core (which downloads no browser). Every page fails its test on a request to a
 * host off loopback (the pages must work with the network cut), on an uncaught page error and
 * on a console error. Where no Chromium is installed the browser tests are skipped with a
 * notice in the summary; REQUIRE_BROWSER=1 (CI) makes that a failure instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Set by global-setup when no Chromium could be found: the reason, shown in the summary. */
export const NO_BROWSER_ENV = 'TEST_BROWSER_MISSING';
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../.data/screenshots');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function executable(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Called by global-setup: notes (NO_BROWSER_ENV) when there is no Chromium to run.
 * @throws when REQUIRE_BROWSER=1 and there is none
 */
export function provideBrowser(): void {
  const file = executable();
  if (isExecutable(file)) return;
  const reason = `no Chromium at ${file}`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
  process.env[NO_BROWSER_ENV] = reason;
}

/** `describe` for tests that drive a browser: skipped, with the summary's notice, where none is installed. */
export function describeWithBrowser(name: string, tests: () => void): void {
  (process.env[NO_BROWSER_ENV] || !isExecutable(executable()) ? describe.skip : describe)(name, tests);
}

/** 127.0.0.0/8, ::1 and localhost; data:, blob: and about: URLs never leave the browser. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(protocol)) return true;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export interface BrowserOptions {
  /** console errors that are expected (e.g. the browser's own line for a 401 a test provokes) */
  allowConsoleErrors?: RegExp[];
}

/** What a test file gets from `useBrowser()`. */
export interface BrowserSession {
  /** A new page at `url` (loaded); its problems fail the running test. */
  openPage(url: string): Promise<Page>;
  /** Saves a PNG of the page as `.data/screenshots/<name>.png`; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** what went wrong in the pages so far in this test (requests off loopback, page and console errors) */
  problems(): string[];
  /** Returns the problems so far and forgets them (for a test that provokes one on purpose). */
  acknowledgeProblems(): string[];
}

/**
 * Launches Chromium for the file (beforeAll) with a fresh profile per test (a new browser
 * context); after each test, closes its pages and fails it on any problem they had.
 */
export function useBrowser(options: BrowserOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executable(), headless: true, args: FLAGS });
  });
  afterEach(async () => {
    const found = problems;
    problems = [];
    await context?.close();
    context = undefined;
    if (found.length) throw new Error(`the browser pages had problems:\n${found.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function freshContext(): Promise<BrowserContext> {
    if (context) return context;
    if (!browser) throw new Error('useBrowser(): the browser is not running (call it at the top of a describe block)');
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every request, the page's own and its workers', is checked before it leaves.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      problems.push(`request off loopback: ${route.request().method()} ${url}`);
      await route.abort('blockedbyclient');
    });
    return context;
  }

  return {
    async openPage(url) {
      const page = await (await freshContext()).newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (!options.allowConsoleErrors?.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
      });
      page.on('websocket', (socket) => {
        if (!isLoopback(socket.url().replace(/^ws/, 'http'))) problems.push(`WebSocket off loopback: ${socket.url()}`);
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async screenshot(page, name) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    problems: () => [...problems],
    acknowledgeProblems: () => problems.splice(0),
  };
}
