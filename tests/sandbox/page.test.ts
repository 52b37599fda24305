/**
 * The sandbox page in a real browser: Debian's Chromium, driven by playwright-core, against the
 * sandbox started exactly as `npm start` starts it. Screenshots of each step go to artifacts/sandbox/.
 *
 * Chromium is never downloaded. Where it is missing the suite is skipped, saying how to install it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realCore } from '../helpers/content.js';
import { startSandboxProcess, type SandboxProcess } from './process.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = path.resolve('artifacts/sandbox');

if (!HAVE_CHROMIUM) {
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM}. ` +
      'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH.',
  );
}

describe.skipIf(!HAVE_CHROMIUM)('the sandbox page in Chromium', () => {
  let sandbox: SandboxProcess | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const started = await startSandboxProcess();
    sandbox = started;
    browser = await chromium.launch({
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
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // playwright gives each launch a fresh, temporary profile. Only the sandbox on loopback is ever reached.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The refused /prompt is an HTTP 403 on purpose, which Chromium logs; anything else counts.
      if (m.type() === 'error' && !/status of 403/.test(m.text())) pageErrors.push(m.text());
    });
    await page.goto(started.url);
    await page.getByTestId('channel-general').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    expect(await sandbox?.stop()).toBe(0);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  /** Types "/name" in the composer and picks the command from the popup. */
  async function startCommand(name: string): Promise<void> {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially(`/${name}`);
    await page.locator(`[data-testid="suggestion"][data-value="${name}"]`).click();
  }

  /** The newest message whose text contains `text`. */
  function message(text: string | RegExp): Locator {
    return page.getByTestId('message').filter({ hasText: text }).last();
  }

  it('runs /quote with autocomplete, picks a suggestion, then pages with ▶ and opens Context', async () => {
    await page.getByTestId('user-select').selectOption('student1');
    await startCommand('quote');
    const query = page.getByTestId('command-option-query');
    await query.pressSequentially('Ukraine', { delay: 20 });
    const suggestions = page.getByTestId('suggestion');
    // Wait for the suggestions for the whole word (values are "<passage id> <typed text>").
    await expect
      .poll(() => suggestions.first().getAttribute('data-value'), { timeout: 10_000 })
      .toMatch(/ Ukraine$/);
    expect(await suggestions.count()).toBeGreaterThan(1);
    await shot('1-quote-autocomplete');

    // Pick the second suggestion: the answer must show that passage first.
    const picked = suggestions.nth(1);
    const value = await picked.getAttribute('data-value');
    const passageId = value?.split(' ')[0] ?? '';
    expect(passageId).toMatch(/^[\w-]+#\d+$/);
    await picked.click();
    await query.press('Enter');

    const answer = message(/Match 1 of \d+ for “Ukraine”/);
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.getAttribute('data-ephemeral')).toBe('true');
    await expect.poll(() => answer.textContent()).toContain('Only you can see this');
    await expect.poll(() => answer.getByTestId('embed').first().textContent()).toContain(passageId);
    await shot('2-quote-answer');

    await answer.getByTestId('button-▶').click();
    const second = message(/Match 2 of \d+ for “Ukraine”/);
    await second.waitFor({ timeout: 10_000 });
    await shot('3-quote-next');

    await second.getByTestId('button-Context').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('message')
            .filter({ hasText: /context/i })
            .count(),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await shot('4-quote-context');
  });

  it('runs /compare and shows each article side by side', async () => {
    await startCommand('compare');
    const topic = page.getByTestId('command-option-topic');
    await topic.pressSequentially('Riyadh', { delay: 20 });
    const first = page.getByTestId('suggestion').first();
    await first.waitFor({ timeout: 10_000 });
    await first.click();
    await topic.press('Enter');
    const { content } = await realCore();
    let answer = page.getByTestId('message').filter({ has: page.getByTestId('embed') });
    for (const a of content.articles) answer = answer.filter({ hasText: a.short });
    answer = answer.last();
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.getByTestId('embed').count()).toBeGreaterThanOrEqual(content.articles.length);
    await shot('5-compare');
  });

  it('refuses /prompt to a student, and lets the teacher post it in a thread and open the thread', async () => {
    await startCommand('prompt');
    await page.getByTestId('composer').press('Enter');
    await expect.poll(() => page.getByTestId('error').textContent()).toMatch(/for teachers/);
    await shot('6-prompt-refused');
    await page.keyboard.press('Escape');

    await page.getByTestId('user-select').selectOption('teacher');
    await startCommand('prompt');
    await page.getByTestId('command-option-thread').selectOption('true');
    await page.getByTestId('command-option-thread').press('Enter');
    const link = page.getByTestId('thread-link').last();
    await link.waitFor({ timeout: 10_000 });
    await shot('7-prompt-posted');

    const threadId = await link.getAttribute('data-channel-id');
    const threadName = (await link.textContent())?.replace(/^Thread: |Open$/g, '').trim() ?? '';
    expect(threadName).toMatch(/^Discussion: /);
    await link.click();
    await expect.poll(() => page.url()).toContain(threadId ?? 'missing');
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe(threadName);
    // The thread is listed under its channel, and opens with the prompt and its evidence.
    await expect.poll(() => page.locator(`[data-channel-id="${threadId}"]`).count()).toBeGreaterThan(0);
    const starter = page.getByTestId('message').filter({ hasText: /Prompt [\w-]+/ });
    await expect.poll(() => starter.getByTestId('embed').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    // Inside the thread, its starter message does not link to the thread again.
    expect(await page.getByTestId('thread-link').count()).toBe(0);
    await shot('8-thread');
  });

  it('posts plain messages in the thread, and /summary counts them', async () => {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially('I think paragraph 9 is the strongest evidence.');
    await composer.press('Enter');
    await message('I think paragraph 9 is the strongest evidence.').waitFor({ timeout: 10_000 });

    await startCommand('summary');
    await composer.press('Enter');
    const summary = message(/Ms Rivera/).filter({ has: page.getByTestId('embed') });
    await summary.waitFor({ timeout: 10_000 });
    expect(await summary.textContent()).toMatch(/\b1\b/);
    await shot('9-summary');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
