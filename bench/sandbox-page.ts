/**
 * The real sandbox page in headless Chromium (Debian's, via playwright-core; never downloaded), kept
 * open through the sandbox bench's session: its JavaScript heap after a full GC, and how many message
 * elements it holds. Only loopback is ever reached. Undefined where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface OpenPage {
  /** The page's JS heap after a full GC (MB), and the messages it shows. */
  readonly measure: () => Promise<{ heapMB: number; messages: number }>;
  readonly close: () => Promise<void>;
}

export async function openBrowserPage(url: string): Promise<OpenPage | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const context = await browser.newContext();
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${url}/#channel=general`);
  await page.getByTestId('channel-general').waitFor();
  const cdp = await context.newCDPSession(page);
  return {
    async measure() {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const messages = await page.getByTestId('message').count();
      return { heapMB: heap.usedSize / 2 ** 20, messages };
    },
    close: () => browser.close(),
  };
}
