/**
 * The sandbox page in a real browser: Debian's Chromium, driven by playwright-core, against the
 * sandbox started exactly as `npm start` starts it. Screenshots of each step go to artifacts/sandbox/.
 *
 * Chromium is never downloaded. Where it is missing the suite is skipped, saying how to install it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/core/compare.js';
import { realLibrary } from '../helpers/content.js';
import { startSandboxProcess, type SandboxProcess } from './process.js';
import { CHROMIUM, HAVE_CHROMIUM, openPage } from './browser.js';

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
  let pageErrors: string[] = [];
  let sandboxUrl = '';
  const started = () => sandboxUrl;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const started = await startSandboxProcess();
    sandbox = started;
    sandboxUrl = started.url;
    // The over-long message is refused with an HTTP 400 on purpose, which Chromium logs; anything else counts.
    ({ browser, context, page, pageErrors } = await openPage(started.url, /status of 400/));
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
    const topicId = (await first.getAttribute('data-value')) ?? '';
    await first.click();
    await topic.press('Enter');
    const { content, index } = await realLibrary();
    const expected = compare(content, index, topicId);
    if (!expected) throw new Error(`no comparison for ${topicId}`);
    // The first page: the most relevant articles' blocks, and one line naming those that do not address it.
    let answer = page.getByTestId('message').filter({ has: page.getByTestId('embed') });
    answer = answer.filter({ hasText: expected.addressing[0]?.article.short ?? '' });
    for (const p of expected.notAddressing) answer = answer.filter({ hasText: p.article.short });
    if (expected.notAddressing.length > 0) answer = answer.filter({ hasText: 'Not addressed by' });
    answer = answer.last();
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.getByTestId('embed').count()).toBeGreaterThanOrEqual(1);
    await shot('5-compare');
  });

  /** The command names the `/` popup lists for whoever is acting, and which of them carry the lock. */
  async function slashList(): Promise<{ all: string[]; locked: string[] }> {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.fill('');
    await composer.pressSequentially('/');
    const items = page.getByTestId('suggestion');
    await items.first().waitFor();
    const values = async (list: Locator) =>
      Promise.all((await list.all()).map(async (item) => (await item.getAttribute('data-value')) ?? ''));
    const all = await values(items);
    const locked = await values(items.filter({ has: page.locator('.popup-lock') }));
    await composer.press('Escape');
    await composer.fill('');
    return { all, locked };
  }

  it('hides teacher-only commands from a student’s / list, as Discord does; the teacher sees them', async () => {
    const student = await slashList();
    await shot('6-student-commands');
    await page.getByTestId('user-select').selectOption('teacher');
    await expect.poll(async () => (await slashList()).locked.length).toBeGreaterThan(0);
    const teacher = await slashList();
    expect(teacher.all).toEqual(expect.arrayContaining(['prompt', 'summary']));
    expect(student.all).toEqual(teacher.all.filter((name) => !teacher.locked.includes(name)));

    // Typing a hidden command's name in full finds nothing either.
    await page.getByTestId('user-select').selectOption('student1');
    await expect.poll(async () => (await slashList()).all).toEqual(student.all);
    const composer = page.getByTestId('composer');
    await composer.pressSequentially('/prompt');
    await expect.poll(() => page.getByTestId('suggestions').textContent()).toContain('No command matches');
    await composer.press('Escape');
    await composer.fill('');
  });

  it('lets the teacher post /prompt in a thread, follow its "Posted:" link inside the sandbox, and open the thread', async () => {
    await page.getByTestId('user-select').selectOption('teacher');
    await startCommand('prompt');
    await page.getByTestId('command-option-thread').selectOption('true');
    await page.getByTestId('command-option-thread').press('Enter');
    const link = page.getByTestId('thread-link').last();
    await link.waitFor({ timeout: 10_000 });
    await shot('7-prompt-posted');

    // "Posted: https://discord.com/channels/…" opens the posted message here, not discord.com.
    const posted = message(/Posted:/).getByTestId('discord-link');
    await posted.waitFor({ timeout: 10_000 });
    const postedId = (await posted.getAttribute('data-message-id')) ?? 'missing';
    const general = await page.getByTestId('channel-general').getAttribute('data-channel-id');
    expect(await posted.getAttribute('data-channel-id')).toBe(general);
    expect(await posted.getAttribute('href')).toMatch(/^#channel=\d+&message=\d+$/);
    await posted.click();
    await expect.poll(() => page.url()).toContain(`message=${postedId}`);
    expect(page.url().startsWith(started())).toBe(true);
    expect(context.pages()).toHaveLength(1);
    const target = page.locator(`[data-testid="message"][data-message-id="${postedId}"]`);
    await expect.poll(() => target.getAttribute('class')).toContain('highlighted');
    expect(await target.getByTestId('thread-link').count()).toBe(1);
    await shot('7b-posted-link-followed');

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

  it('refuses a message over 2000 characters with Discord’s error, keeping the text', async () => {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.fill('x'.repeat(2001));
    await composer.press('Enter');
    await expect
      .poll(() => page.getByTestId('error').textContent())
      .toContain('Must be 2000 or fewer in length');
    expect(await composer.inputValue()).toHaveLength(2001);
    await shot('10-too-long');
    await composer.fill('');
    expect(await message(/^x{100}/).count()).toBe(0);
  });

  it('shows the newest messages of a long channel, and "Load older" brings the rest', async () => {
    const total = 75;
    for (let n = 1; n <= total; n++) {
      const res = await fetch(`${started()}/api/say`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'student2', channel: 'discussion', content: `Point ${n}.` }),
      });
      expect(res.status).toBe(200);
    }
    await page.getByTestId('channel-discussion').click();
    await message(`Point ${total}.`).waitFor({ timeout: 10_000 });
    const messages = page.getByTestId('message');
    expect(await messages.count()).toBe(50);
    expect(await page.locator('#welcome').textContent()).not.toContain('Welcome');
    await page.getByTestId('load-older').scrollIntoViewIfNeeded();
    await shot('11-load-older');

    await page.getByTestId('load-older').click();
    await expect.poll(() => messages.count()).toBe(total);
    expect(await messages.first().textContent()).toContain('Point 1.');
    await expect.poll(() => page.getByTestId('load-older').count()).toBe(0);
    expect(await page.locator('#welcome').textContent()).toContain('Welcome to #discussion');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
