/**
 * Issue 15's "Done when", in a real browser (Debian's Chromium via playwright-core) against the sandbox
 * started exactly as `npm start` starts it (the built bot, the stand-in, the page): a teacher posts a
 * post-first anonymous prompt; three students answer with evidence through the Respond modal and the
 * private preview (one corrects the evidence with the select); one reads the others' answers after
 * answering; students never see the teachers' ledger; the teacher reveals, and /summary in the thread
 * shows a chart and a CSV. Screenshots of each step go to artifacts/sandbox/discussion/ (git-ignored).
 *
 * Evidence is derived from the content the sandbox loads (TEST_CONTENT_DIR or content/): the passage
 * ids the prompt post quotes, and those passages' own words. No article id is written here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content, Passage } from '../../src/content/types.js';
import type { Library } from '../../src/core/index.js';
import { searchPassages } from '../../src/core/search/index.js';
import { realLibrary } from '../helpers/content.js';
import { startSandboxProcess, type SandboxProcess } from './process.js';
import { HAVE_CHROMIUM, openPage } from './browser.js';

const SHOTS = path.resolve('artifacts/sandbox/discussion');
/** The fixture students' names and usernames: none may reach a card, the count or a student's page. */
const NAMES = ['Alex', 'Sam', 'Priya', 'alex.k', 'sam.t', 'priya.n'];
const WAIT = { timeout: 15_000 };
/** Each step waits on the real bot, which reads its ledger back from the stand-in: a roomy limit. */
const STEP = 60_000;

/** Words from the middle of a passage as a reader sees it (corrected wording): enough for the quote search to find it among the prompt's articles. */
function wordsOf(p: Passage, count = 9): string {
  const words = p.corrected.split(/\s+/).filter((w) => /\w/.test(w));
  const from = Math.max(0, Math.floor((words.length - count) / 2));
  return words.slice(from, from + count).join(' ');
}

/** The passage's first long words: shared with other passages, so the search offers several matches. */
/**
 * A word of `p` (6 letters or more) that the search finds in the most passages of the prompt's
 * articles, at least two: typed as evidence, it gives the preview other matches to pick from,
 * whichever prompt the bot chose.
 */
function sharedWordOf(p: Passage, library: Library, articleIds: readonly string[]): string {
  const words = new Set(
    p.corrected
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}]/gu, '').toLowerCase())
      .filter((w) => w.length >= 6),
  );
  const matches = (w: string) =>
    searchPassages(library.index, w, { limit: 25, asYouType: false }).filter((h) =>
      articleIds.includes(h.passage.articleId),
    ).length;
  const best = [...words].map((w) => ({ w, n: matches(w) })).sort((x, y) => y.n - x.n)[0];
  if (!best || best.n < 2)
    throw new Error(`no word of ${p.id} is in two passages of ${articleIds.join(', ')}`);
  return best.w;
}

describe.skipIf(!HAVE_CHROMIUM)('a post-first anonymous discussion in the sandbox page', () => {
  let sandbox: SandboxProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let content: Content;
  let library: Library;
  let pageErrors: string[] = [];
  /** The passage ids the prompt post quotes, in its order. */
  let quoted: string[] = [];
  let threadId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    library = await realLibrary();
    content = library.content;
    sandbox = await startSandboxProcess();
    // A student asking for the teachers' private thread is refused it (403), on purpose.
    ({ browser, page, pageErrors } = await openPage(sandbox.url, /status of 403/));
    await page.getByTestId('channel-general').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    expect(await sandbox?.stop()).toBe(0);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const message = (text: string | RegExp): Locator =>
    page.getByTestId('message').filter({ hasText: text }).last();
  /** The prompt post in #general: the message with the Respond button. */
  const promptPost = (): Locator =>
    page
      .getByTestId('message')
      .filter({ has: page.getByTestId('button-Respond') })
      .last();
  const passage = (id: string): Passage => {
    const found = content.articles.flatMap((a) => a.passages).find((p) => p.id === id);
    if (!found) throw new Error(`no passage ${id} in the content under test`);
    return found;
  };

  async function actAs(user: string, channel = 'general'): Promise<void> {
    await page.getByTestId('user-select').selectOption(user);
    await page.getByTestId(`channel-${channel}`).click();
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe(channel);
  }

  async function startCommand(name: string): Promise<void> {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially(`/${name}`);
    await page.locator(`[data-testid="suggestion"][data-value="${name}"]`).click();
  }

  /** Respond → fill the modal → submit: the private preview. */
  async function respond(user: string, answer: string, evidence: string): Promise<Locator> {
    await promptPost().getByTestId('button-Respond').click();
    const modal = page.getByTestId('modal');
    await modal.waitFor(WAIT);
    await page.getByTestId('modal-input-answer').fill(answer);
    await page.getByTestId('modal-input-evidence').fill(evidence);
    await shot(`3-${user}-modal`);
    await page.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    const preview = message(answer).filter({ hasText: 'preview: only you can see this' });
    await preview.waitFor(WAIT);
    expect(await preview.getAttribute('data-ephemeral')).toBe('true');
    return preview;
  }

  /** The preview quotes `id`'s passage word for word, with its credit. */
  async function expectQuotes(preview: Locator, id: string): Promise<void> {
    const p = passage(id);
    await expect.poll(() => preview.textContent(), WAIT).toContain(id);
    // The quote shows editorial corrections in [brackets]; without them it reads as the corrected wording.
    const text = (await preview.textContent())?.replace(/[[\]]/g, '').replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(wordsOf(p, 5));
  }

  async function post(preview: Locator, answer: string): Promise<void> {
    await preview.getByTestId('button-Post').click();
    // The preview becomes a private note without the draft's embeds.
    await expect.poll(() => message(answer).count(), WAIT).toBe(0);
  }

  it(
    'lets the teacher post a post-first anonymous prompt in a thread',
    async () => {
      await actAs('teacher');
      await startCommand('prompt');
      await page.getByTestId('command-option-thread').selectOption('true');
      await page.getByTestId('command-option-mode').selectOption('post-first+anonymous');
      await shot('1-prompt-command');
      await page.getByTestId('command-option-mode').press('Enter');
      await message(/Posted:/).waitFor(WAIT);
      const prompt = promptPost();
      await expect.poll(() => prompt.textContent(), WAIT).toContain('0 answers in');
      const link = prompt.getByTestId('thread-link');
      threadId = (await link.getAttribute('data-channel-id')) ?? '';
      expect(threadId).toMatch(/^\d+$/);
      const footers = await prompt.locator('.embed-footer').allTextContents();
      quoted = [...new Set(footers.flatMap((f) => f.match(/[\w.-]+#\d+/g) ?? []))];
      expect(quoted.length).toBeGreaterThanOrEqual(2);
      for (const id of quoted) passage(id); // every quoted id is a passage of the content under test
      await shot('2-prompt-posted');
    },
    STEP,
  );

  it(
    'takes three answers with evidence; one student corrects the evidence with the select',
    async () => {
      const [first, second] = quoted as [string, string];
      // student1: words from the first quoted passage.
      await actAs('student1');
      let preview = await respond(
        'student1',
        'The first article makes the stronger case.',
        wordsOf(passage(first)),
      );
      await expectQuotes(preview, first);
      await shot('4-student1-preview');
      await post(preview, 'The first article makes the stronger case.');

      // student2: a word of the second quoted passage that several passages share; then picks the
      // next best match instead of the one shown.
      await actAs('student2');
      const articleIds = [...new Set(quoted.map((id) => passage(id).articleId))];
      const shared = sharedWordOf(passage(second), library, articleIds);
      preview = await respond('student2', 'Neither side convinces me fully.', shared);
      const pick = preview.locator('[data-testid^="select-prompt|pick|"]');
      await pick.click();
      const options = preview.getByTestId('select-option');
      await options.first().waitFor(WAIT);
      const shown = await preview
        .locator('[data-testid="select-option"][aria-selected="true"]')
        .getAttribute('data-value');
      if (shown === null || shown === 'none') throw new Error('the preview attached no evidence');
      await expectQuotes(preview, shown);
      const values = await Promise.all((await options.all()).map((o) => o.getAttribute('data-value')));
      const corrected = values.find((v) => v !== null && v !== shown && v !== 'none');
      if (corrected === undefined || corrected === null)
        throw new Error(`no other match to pick: ${values.join(', ')}`);
      await shot('5-student2-evidence-select');
      await preview.locator(`[data-testid="select-option"][data-value="${corrected}"]`).click();
      await expectQuotes(preview, corrected);
      expect(await preview.locator('.embed-footer').allTextContents()).not.toContainEqual(
        expect.stringContaining(shown),
      );
      await shot('6-student2-corrected');
      await post(preview, 'Neither side convinces me fully.');

      // student3: a passage id, as the modal's placeholder suggests.
      await actAs('student3');
      preview = await respond('student3', 'The second article’s evidence is clearer.', second);
      await expectQuotes(preview, second);
      await shot('7-student3-preview');
      await post(preview, 'The second article’s evidence is clearer.');

      const prompt = promptPost();
      await expect.poll(() => prompt.textContent(), WAIT).toContain('3 answers in');
      const text = (await prompt.textContent()) ?? '';
      for (const name of NAMES) expect(text).not.toContain(name);
      // Still hidden: no card in the thread yet.
      await shot('8-count-no-names');
    },
    STEP,
  );

  it(
    'lets a student who answered page through the others’ answers, under pseudonyms',
    async () => {
      await actAs('student1');
      await promptPost().getByTestId('button-Read others’ answers (after answering)').click();
      const first = message(/Answer 1 of 2/);
      await first.waitFor(WAIT);
      expect(await first.getAttribute('data-ephemeral')).toBe('true');
      await expect.poll(() => first.textContent()).toMatch(/Student \d+/);
      const firstText = (await first.textContent()) ?? '';
      await shot('9-read-others-1');
      // ▶ turns the same private message to the next page.
      await first.getByTestId('button-▶').click();
      const second = message(/Answer 2 of 2/);
      await second.waitFor(WAIT);
      expect(await message(/Answer 1 of 2/).count()).toBe(0);
      const seen = `${firstText} ${await second.textContent()}`;
      expect(seen).toContain('Neither side convinces me fully.');
      expect(seen).toContain('The second article’s evidence is clearer.');
      expect(seen).not.toContain('The first article makes the stronger case.');
      for (const name of NAMES) expect(seen).not.toContain(name);
      await shot('10-read-others-2');
    },
    STEP,
  );

  it(
    'never shows a student the teachers’ private ledger thread',
    async () => {
      await actAs('teacher');
      const ledger = page.locator('[data-testid^="channel-Teachers’ ledger"]');
      await expect.poll(() => ledger.count(), WAIT).toBe(1);
      expect(await ledger.getByTestId('private-thread').count()).toBe(1);
      await ledger.click();
      await expect.poll(() => page.getByTestId('message').count(), WAIT).toBeGreaterThan(0);
      const ledgerChannel = new URL(page.url()).hash.match(/channel=(\d+)/)?.[1] ?? '';
      await shot('11-ledger-teacher');

      await page.getByTestId('user-select').selectOption('student2');
      await expect.poll(() => page.locator('#channel-title').textContent()).toBe('general');
      expect(await ledger.count()).toBe(0);
      const url = sandbox?.url ?? '';
      const refused = await fetch(`${url}/api/state?user=student2&channel=${ledgerChannel}`);
      expect(refused.status).toBe(403);
      const state = JSON.stringify(await (await fetch(`${url}/api/state?user=student2`)).json());
      expect(state).not.toContain('ledger');
      await shot('12-ledger-hidden-from-student');
    },
    STEP,
  );

  it(
    'reveals the cards in the thread under "Student N", naming no student',
    async () => {
      await actAs('teacher');
      await promptPost().getByTestId('button-Reveal answers (teachers)').click();
      await promptPost().getByTestId('thread-link').click();
      await expect.poll(() => page.url()).toContain(threadId);
      const cards = page.getByTestId('message').filter({ hasText: /Student \d+/ });
      await expect.poll(() => cards.count(), WAIT).toBe(3);
      const text = (await page.locator('#messages').textContent()) ?? '';
      for (const answer of [
        'The first article makes the stronger case.',
        'Neither side convinces me fully.',
        'The second article’s evidence is clearer.',
      ])
        expect(text).toContain(answer);
      for (const name of NAMES) expect(text).not.toContain(name);
      // One pseudonym per student, each stable across the cards it signs.
      const signed = await page.locator('.embed-author').allTextContents();
      expect(new Set(signed.flatMap((a) => a.match(/Student \d+/g) ?? [])).size).toBe(3);
      await shot('13-revealed');
    },
    STEP,
  );

  it(
    'answers /summary in the thread with a rendered chart and a CSV to download',
    async () => {
      await startCommand('summary');
      await page.getByTestId('composer').press('Enter');
      const summary = page
        .getByTestId('message')
        .filter({ has: page.getByTestId('attachment-image') })
        .last();
      await summary.waitFor(WAIT);
      // Privately to the teacher: the names it carries are for her alone.
      expect(await summary.getAttribute('data-ephemeral')).toBe('true');
      const image = summary.getByTestId('attachment-image').locator('img');
      await expect
        .poll(() => image.evaluate((el: unknown) => (el as { naturalWidth: number }).naturalWidth), WAIT)
        .toBeGreaterThan(0);
      const file = summary.getByTestId('attachment-file').filter({ hasText: 'answers.csv' });
      const href = (await file.locator('a').getAttribute('href')) ?? '';
      expect(href).toMatch(/answers\.csv$/);
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
      // The teacher's gradebook names the students, one row each.
      for (const name of ['Alex', 'Sam', 'Priya']) expect(csv).toContain(name);
      await summary.scrollIntoViewIfNeeded();
      await shot('14-summary');
    },
    STEP,
  );

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
