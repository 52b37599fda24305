/**
 * Headless Debian Chromium (never a browser downloaded by npm) on a sandbox page, for the browser
 * tests: only loopback is reachable, and page errors and console errors are collected.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export interface OpenPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors and console errors, but those matching `expectedErrors`. */
  readonly pageErrors: string[];
}

/** Opens `url` in a fresh, temporary profile; console errors matching `expectedErrors` are left out. */
export async function openPage(url: string, expectedErrors?: RegExp): Promise<OpenPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Only the sandbox on loopback is ever reached.
  await context.route(
    (target) => target.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(expectedErrors?.test(m.text()) ?? false)) pageErrors.push(m.text());
  });
  await page.goto(url);
  return { browser, context, page, pageErrors };
}
