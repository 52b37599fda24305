/**
 * Adding an article in the sandbox page, in a real browser (Debian's Chromium via playwright-core):
 * the teacher picks a .txt file for /article add, publishes it from the private preview, and a
 * student's /quote finds it. The sandbox writes into its own copy of the content folder.
 * Screenshots go to artifacts/sandbox/.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from './process.js';
import { HAVE_CHROMIUM, openPage } from './browser.js';

const SHOTS = path.resolve('artifacts/sandbox');

const TITLE = 'Harbour choir wins the lantern contest';
const PHRASE = 'sang sea shanties beneath four hundred paper lanterns';
const ARTICLE = [
  TITLE,
  '',
  `On Saturday night the harbour choir ${PHRASE} and took the first prize for the third year running.`,
  '',
  'The judges said the choir had rehearsed in the net loft every Thursday since the spring.',
  '',
].join('\n');

describe.skipIf(!HAVE_CHROMIUM)('adding an article in the sandbox page', () => {
  let sandbox: SandboxProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = await startSandboxProcess();
    ({ browser, page, pageErrors } = await openPage(sandbox.url));
    await page.getByTestId('channel-general').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    expect(await sandbox?.stop()).toBe(0);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  async function startCommand(name: string): Promise<void> {
    const composer = page.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially(`/${name}`);
    await page.locator(`[data-testid="suggestion"][data-value="${name}"]`).click();
  }

  function message(text: string | RegExp): Locator {
    return page.getByTestId('message').filter({ hasText: text }).last();
  }

  it('uploads a .txt file, previews it privately, publishes it, and a student quotes it', async () => {
    await page.getByTestId('user-select').selectOption('teacher');
    await startCommand('article add');
    await page.getByTestId('command-option-file').setInputFiles({
      name: 'lanterns.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ARTICLE),
    });
    await page.getByTestId('send').click();

    const preview = message(/Preview of the imported article/);
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.getAttribute('data-ephemeral')).toBe('true');
    await expect.poll(() => preview.textContent()).toContain(TITLE);
    await expect.poll(() => preview.textContent()).toContain(PHRASE);
    await shot('article-1-preview');

    await preview.getByTestId('button-Publish').click();
    const published = message(/^.*Published/);
    await published.waitFor({ timeout: 20_000 });
    await expect.poll(() => published.textContent()).toContain(TITLE);
    await shot('article-2-published');
    const articles = readdirSync(path.join(sandbox?.contentDir ?? '', 'articles'));
    expect(articles.some((f) => f.startsWith('harbour-choir') || f.startsWith('lanterns'))).toBe(true);

    await page.getByTestId('user-select').selectOption('student1');
    await startCommand('quote');
    const query = page.getByTestId('command-option-query');
    await query.pressSequentially('paper lanterns shanties', { delay: 10 });
    await page.getByTestId('send').click();
    const answer = message(/Match 1 of \d+ for “paper lanterns shanties”/);
    await answer.waitFor({ timeout: 10_000 });
    await expect.poll(() => answer.textContent()).toContain(PHRASE);
    await expect.poll(() => answer.textContent()).toContain(TITLE);
    await shot('article-3-quoted');
    expect(pageErrors).toEqual([]);
  });
});
