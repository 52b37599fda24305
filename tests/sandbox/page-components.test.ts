/**
 * The sandbox page shows what issue 15's discussion needs from Discord, in a real browser (Debian's
 * Chromium via playwright-core): string select menus (in a channel message and an ephemeral reply),
 * the bot's modal as a form, files in a follow-up (a PNG inline, a CSV to download), and a private
 * thread that only its members and teachers see. The bot here is a real discord.js client the test
 * drives, answering as the discussion bot would; the page and the stand-in are the sandbox's own.
 * Screenshots go to artifacts/sandbox/components/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server.js';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';
import { solidPng } from './png.js';
import { HAVE_CHROMIUM, openPage } from './browser.js';

const SHOTS = path.resolve('artifacts/sandbox/components');
const PNG = solidPng(160, 90, [88, 101, 242]);
const CSV = 'student,answers,evidence\nAlex,2,1\nSam,1,1\n';

/** What the test's bot received from the page. */
interface Received {
  readonly kind: 'select' | 'modal';
  readonly customId: string;
  readonly values: readonly string[];
  readonly fields: Readonly<Record<string, string>>;
}

const evidenceMenu = (id: string, max: number) =>
  new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(id)
      .setPlaceholder('Pick the evidence')
      .setMinValues(1)
      .setMaxValues(max)
      .addOptions(
        { label: '¶9 Riyadh', value: 'sumner-riyadh#9', description: 'Prices rose after the cut' },
        { label: '¶3 Gas', value: 'gas#3', description: 'Cheaper per mile', default: max === 1 },
        { label: 'No evidence', value: 'none' },
      ),
  );

const answerModal = () =>
  new ModalBuilder()
    .setCustomId('answer')
    .setTitle('Respond to the prompt')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Your answer')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('answer')
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMaxLength(1000)
            .setPlaceholder('What do you think?'),
        ),
      new LabelBuilder()
        .setLabel('Evidence')
        .setDescription('Words from a passage, or a passage id')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('evidence')
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMinLength(3)
            .setPlaceholder('sumner-riyadh#9'),
        ),
      new LabelBuilder()
        .setLabel('Why this evidence supports your answer')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('why')
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setValue('A draft to edit'),
        ),
    );

/** The test's bot: answers as the discussion bot would, and records what the page sent. */
function answer(i: Interaction, received: Received[]): void {
  if (i.isButton() && i.customId === 'respond') {
    void i.showModal(answerModal());
  } else if (i.isModalSubmit()) {
    const fields = Object.fromEntries(
      ['answer', 'evidence', 'why'].map((k) => [k, i.fields.getTextInputValue(k)]),
    );
    received.push({ kind: 'modal', customId: i.customId, values: [], fields });
    void i.reply({
      content: `Preview: ${fields.answer ?? ''}`,
      components: [evidenceMenu('correct', 1)],
      flags: 'Ephemeral',
    });
  } else if (i.isStringSelectMenu()) {
    received.push({ kind: 'select', customId: i.customId, values: i.values, fields: {} });
    void (async () => {
      await i.update({ content: `Picked: ${i.values.join(', ')}` });
      if (i.customId === 'correct') {
        await i.followUp({
          content: 'Summary for the teacher',
          files: [
            new AttachmentBuilder(PNG, { name: 'chart.png', description: 'Answers per student' }),
            new AttachmentBuilder(Buffer.from(CSV), { name: 'grades.csv' }),
          ],
        });
      }
    })();
  }
}

describe.skipIf(!HAVE_CHROMIUM)('select menus, modals, files and private threads on the page', () => {
  let standIn: StandIn;
  let client: Client;
  let server: SandboxServer;
  let browser: Browser;
  let page: Page;
  let discussion: TextChannel;
  const received: Received[] = [];
  let pageErrors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    standIn = await startStandIn();
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: standIn.url },
      waitGuildTimeout: 200,
    });
    const ready = once(client, Events.ClientReady);
    await client.login(standIn.token);
    await ready;
    client.on(Events.InteractionCreate, (i) => {
      answer(i, received);
    });
    discussion = (await client.channels.fetch(standIn.channelId('discussion'))) as TextChannel;
    server = await startSandboxServer({ standIn, problems: () => [] });
    // A student switched to while a private thread is open is refused it (403), on purpose.
    ({ browser, page, pageErrors } = await openPage(
      `${server.url}/#channel=${discussion.id}`,
      /status of 40[03]/,
    ));
    await page.getByTestId('user-select').selectOption('student1');
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await client.destroy();
    await standIn.close();
    expect(pageErrors).toEqual([]);
  });

  const message = (text: string) => page.getByTestId('message').filter({ hasText: text }).last();

  it('shows a string select in a message and dispatches the picks', async () => {
    await discussion.send({
      content: 'Which passages support the claim?',
      components: [evidenceMenu('claim', 2)],
    });
    const prompt = message('Which passages support the claim?');
    const box = prompt.getByTestId('select-claim');
    await expect.poll(() => box.textContent()).toContain('Pick the evidence');
    await box.click();
    const options = prompt.getByTestId('select-option');
    expect(await options.count()).toBe(3);
    await options.filter({ hasText: '¶9 Riyadh' }).click();
    await options.filter({ hasText: '¶3 Gas' }).click();
    await expect.poll(() => box.textContent()).toContain('¶9 Riyadh, ¶3 Gas');
    await shot('1-select-menu');
    await box.click(); // closing the list sends the picks
    await expect
      .poll(() => received.find((r) => r.customId === 'claim')?.values)
      .toEqual(['sumner-riyadh#9', 'gas#3']);
    await message('Picked: sumner-riyadh#9, gas#3').waitFor();
  });

  it('shows the bot’s modal as a form; Cancel closes it, Submit sends the typed fields', async () => {
    await discussion.send({
      content: 'Prompt: should the city tax fuel?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('respond').setLabel('Respond').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const respond = message('Prompt: should the city tax fuel?').getByTestId('button-Respond');
    await respond.click();
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    expect(await modal.locator('#modal-title').textContent()).toBe('Respond to the prompt');
    await page.getByTestId('modal-cancel').click();
    await modal.waitFor({ state: 'detached' });
    expect(standIn.shownModal('student1')).toBeUndefined();
    expect(received.filter((r) => r.kind === 'modal')).toEqual([]);

    await respond.click();
    await modal.waitFor();
    const answerInput = page.getByTestId('modal-input-answer');
    expect(await modal.locator('textarea[data-testid="modal-input-answer"]').count()).toBe(1);
    expect(await answerInput.getAttribute('placeholder')).toBe('What do you think?');
    expect(await answerInput.getAttribute('maxlength')).toBe('1000');
    expect(await answerInput.getAttribute('required')).toBe('');
    const evidence = page.getByTestId('modal-input-evidence');
    expect(await modal.locator('input[data-testid="modal-input-evidence"]').count()).toBe(1);
    expect(await evidence.getAttribute('required')).toBeNull();
    expect(await evidence.getAttribute('minlength')).toBe('3');
    expect(await page.getByTestId('modal-input-why').inputValue()).toBe('A draft to edit');
    await expect.poll(() => modal.textContent()).toContain('Words from a passage, or a passage id');

    // The server checks what the browser checks: an empty required answer is refused.
    const refused = await page.evaluate(
      async (interactionId) => {
        const res = await fetch('/api/modal', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'student1', interactionId, fields: { answer: ' ' } }),
        });
        return { status: res.status, body: (await res.json()) as { error: string } };
      },
      standIn.shownModal('student1')?.interaction.id ?? '',
    );
    expect(refused).toEqual({ status: 400, body: { error: 'Fill in “Your answer”.' } });

    await answerInput.fill('A fuel tax cuts traffic.');
    await evidence.fill('sumner-riyadh#9');
    await shot('2-modal');
    await page.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    await expect
      .poll(() => received.find((r) => r.kind === 'modal')?.fields)
      .toEqual({
        answer: 'A fuel tax cuts traffic.',
        evidence: 'sumner-riyadh#9',
        why: 'A draft to edit',
      });
  });

  it('shows a select in an ephemeral preview, and a follow-up’s PNG inline and CSV as a download', async () => {
    const preview = message('Preview: A fuel tax cuts traffic.');
    await preview.waitFor();
    expect(await preview.getAttribute('data-ephemeral')).toBe('true');
    const box = preview.getByTestId('select-correct');
    await expect.poll(() => box.textContent()).toContain('¶3 Gas'); // the default option
    await box.click();
    await preview.getByTestId('select-option').filter({ hasText: 'No evidence' }).click();
    await expect.poll(() => received.find((r) => r.customId === 'correct')?.values).toEqual(['none']);

    const summary = message('Summary for the teacher');
    const image = summary.getByTestId('attachment-image').locator('img');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((el: unknown) => (el as { naturalWidth: number }).naturalWidth))
      .toBe(160);
    expect(await image.getAttribute('alt')).toBe('Answers per student');
    const file = summary.getByTestId('attachment-file');
    await expect.poll(() => file.textContent()).toContain('grades.csv');
    expect(await file.textContent()).toContain(`${CSV.length} bytes`);
    const href = (await file.locator('a').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/files\/\d+\/grades\.csv$/);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toBe(CSV);
    await summary.scrollIntoViewIfNeeded();
    await shot('3-attachments');
  });

  it('lists a private thread only for its members and teachers, and refuses its messages to others', async () => {
    const thread = await discussion.threads.create({
      name: 'teachers-room',
      type: ChannelType.PrivateThread,
    });
    await thread.send('Who wrote what: Student 7 is Alex.');
    const entry = page.getByTestId('channel-teachers-room');
    await page.getByTestId('user-select').selectOption('teacher');
    await expect.poll(() => entry.getByTestId('private-thread').count()).toBe(1);
    await entry.click();
    await message('Who wrote what').waitFor();
    await shot('4-private-thread-teacher');

    await page.getByTestId('user-select').selectOption('student2');
    // The page falls back to #general: the thread is neither listed nor readable.
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe('general');
    expect(await entry.count()).toBe(0);
    const state = await fetch(`${server.url}/api/state?user=student2&channel=${thread.id}`);
    expect(state.status).toBe(403);
    expect(JSON.stringify(await (await fetch(`${server.url}/api/state?user=student2`)).json())).not.toContain(
      'teachers-room',
    );
    await shot('5-private-thread-student');

    await thread.members.add(standIn.userId('student2'));
    await expect.poll(() => entry.count()).toBe(1);
  });
});
