/**
 * `/prompt mode:` post-first and anonymous (issue 15), through the real bot and the stand-in:
 * answers hidden until Reveal with only a count shown, a student who has answered reads the others
 * privately, the bot restarted between answering and Reveal, and in anonymous mode no student
 * receives anything that names or identifies a writer (every payload scanned).
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntry } from '../../src/core/discussion/ledger.js';
import type { InteractionHandle } from '../../src/sandbox/standin/index.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';
import { buttonIds, startStack, visibleText, type Stack } from './harness.js';
import { eventually, ledgerIdOf, postPreview, postPrompt, press, respond } from './discussion-util.js';

let stack: Stack;
let many: ManyLibrary;
const env = () => ({ CONTENT_DIR: many.dir, ANSWER_SECRET: 'test-secret-0123456789abcdef' });

beforeAll(async () => {
  many = await manyLibrary();
  stack = await startStack({ env: env(), standIn: { students: 3 } });
});
afterAll(async () => {
  await stack.stop();
  many.remove();
});

const answers = (ledgerId: string) =>
  stack.standIn
    .channelMessages(ledgerId)
    .map((m) => decodeEntry(m.embeds[0]?.description))
    .filter((e) => e?.kind === 'answer')
    .map((e) => e.record);

const cardsIn = (promptId: string) =>
  (stack.standIn.world.channels.has(promptId) ? stack.standIn.channelMessages(promptId) : []).filter(
    (m) => m.embeds[0]?.author?.name.startsWith('Answer') === true,
  );

async function answer(
  user: string,
  prompt: APIMessage,
  text: string,
  evidence = 'river floods',
): Promise<void> {
  const preview = await respond(stack.standIn, user, prompt, { answer: text, evidence });
  await postPreview(stack.standIn, user, preview);
}

describe('post-first', () => {
  it('hides answers behind a count; a student reads the others after answering; Reveal after a restart posts them all', async () => {
    let prompt = await postPrompt(stack.standIn, { topic: 'river-floods', mode: 'post-first' });
    expect(prompt.content).toContain('0 answers in');
    await answer('student1', prompt, 'Floods are worse.');
    await eventually(() => stack.standIn.message(prompt.id)?.content.includes('1 answer in') === true);
    expect(cardsIn(prompt.id)).toEqual([]);
    expect(stack.standIn.guild().channels.some((c) => c.id === prompt.id)).toBe(false);

    // Before answering: no peeking.
    prompt = stack.standIn.message(prompt.id) ?? prompt;
    const early = press(stack.standIn, 'student2', prompt, 'others');
    expect((await early.waitForOriginal()).content).toContain('Answer first');
    await answer('student2', prompt, 'They are not.');
    await eventually(() => stack.standIn.message(prompt.id)?.content.includes('2 answers in') === true);
    expect(stack.standIn.message(prompt.id)?.content).not.toMatch(/Alex|Sam|<@/);

    const read = press(stack.standIn, 'student1', prompt, 'others');
    const page = await read.waitForOriginal();
    expect(page.flags ?? 0).toBe(64);
    expect(page.content).toContain('Answer 1 of 1');
    expect(visibleText(page)).toContain('They are not.');
    expect(visibleText(page)).not.toContain('Floods are worse.');

    // A student cannot reveal.
    const refused = press(stack.standIn, 'student1', prompt, 'reveal');
    expect((await refused.waitForOriginal()).content).toContain('Only teachers');

    // Restart: nothing was kept in the bot's memory.
    const { standIn } = stack;
    await stack.stop({ keepStandIn: true });
    stack = await startStack({ existing: standIn, env: env() });

    const reveal = press(standIn, 'teacher', prompt, 'reveal');
    expect((await reveal.waitForOriginal((m) => m.content.startsWith('Revealed'))).content).toContain(
      'Revealed 2 answers',
    );
    expect(
      cardsIn(prompt.id)
        .map((m) => m.embeds[0]?.description)
        .sort(),
    ).toEqual(['Floods are worse.', 'They are not.']);
    expect(answers(ledgerIdOf(prompt)).every((r) => r.cardMessageId !== undefined)).toBe(true);
    const after = standIn.message(prompt.id);
    expect(after?.content).toContain('2 answers revealed');
    expect(JSON.stringify(after?.components)).not.toContain('prompt|reveal|');
  });
});

describe('withdrawing a hidden answer', () => {
  it('from the note after Post: the answer is marked in the ledger and the count goes down', async () => {
    const { standIn } = stack;
    const prompt = await postPrompt(standIn, { topic: 'river-floods', mode: 'post-first' });
    const preview = await respond(standIn, 'student3', prompt, { answer: 'Oops.' });
    const note = await postPreview(standIn, 'student3', preview);
    await eventually(() => standIn.message(prompt.id)?.content.includes('1 answer in') === true);
    // No one else can even see the note.
    expect(() => press(standIn, 'student1', note, 'withdraw')).toThrow(/ephemeral/);
    const withdraw = press(standIn, 'student3', note, 'withdraw');
    await withdraw.waitForOriginal((m) => m.content === 'Your answer was withdrawn.');
    await eventually(() => standIn.message(prompt.id)?.content.includes('0 answers in') === true);
    expect(answers(ledgerIdOf(prompt)).map((r) => r.withdrawn)).toEqual([true]);
  });
});

describe('anonymous', () => {
  it('cards show a stable pseudonym; nothing a student receives names or identifies a writer', async () => {
    const { standIn } = stack;
    const firstRequest = standIn.requests.length;
    const teacherHandles: InteractionHandle[] = [];
    const h = standIn.slash({
      user: 'teacher',
      channel: 'general',
      name: 'prompt',
      options: { topic: 'river-floods', mode: 'post-first+anonymous' },
    });
    teacherHandles.push(h);
    const done = await h.waitForOriginal((m) => m.content.length > 0);
    const promptId = /Posted: \S+\/(\d+)$/m.exec(done.content)?.[1] ?? '';
    let prompt = standIn.message(promptId);
    if (!prompt) throw new Error('no prompt');

    await answer('student1', prompt, 'First answer.');
    await answer('student2', prompt, 'Second answer.', 'railway bridge');
    await answer('student3', prompt, 'Third answer.', '');
    await answer('student1', prompt, 'First again.');
    await eventually(() => standIn.message(promptId)?.content.includes('4 answers in') === true);
    prompt = standIn.message(promptId) ?? prompt;
    const read = press(standIn, 'student2', prompt, 'others');
    const page = await read.waitForOriginal();
    expect(page.content).toContain('Answer 1 of 3');
    const next = standIn.button({
      user: 'student2',
      message: page.id,
      customId: buttonIds(page).find((c) => c.startsWith('prompt|others|') && c.endsWith('|1')) ?? '',
    });
    await next.waitForOriginal((m) => m.content.includes('Answer 2 of 3'));

    const reveal = press(standIn, 'teacher', prompt, 'reveal');
    teacherHandles.push(reveal);
    await reveal.waitForOriginal((m) => m.content.startsWith('Revealed'));
    const cards = cardsIn(promptId);
    expect(cards).toHaveLength(4);
    const byline = (text: string) =>
      cards.find((c) => c.embeds[0]?.description === text)?.embeds[0]?.author?.name;
    expect(byline('First answer.')).toMatch(/^Answer · Student \d+$/);
    expect(byline('First again.')).toBe(byline('First answer.'));
    const names = new Set(['First answer.', 'Second answer.', 'Third answer.'].map(byline));
    expect(names.size).toBe(3);

    // The teacher's /summary in the thread reads the ledger: real names, chart.png and answers.csv.
    const summary = standIn.slash({ user: 'teacher', channel: promptId, name: 'summary' });
    teacherHandles.push(summary);
    const report = await summary.waitForOriginal((m) =>
      (m.flags ?? 0) & 128 ? false : m.content.length + m.embeds.length > 0,
    );
    expect(report.attachments.map((a) => a.filename).sort()).toEqual(['answers.csv', 'chart.png']);
    expect(JSON.stringify(report)).toContain('Sam');

    // Teachers see who wrote each answer, in the ledger.
    const ledgerId = ledgerIdOf(prompt);
    const records = answers(ledgerId);
    expect(records.map((r) => r.userId)).toContain(standIn.userId('student3'));
    expect(
      standIn.channelMessages(ledgerId).some((m) => m.content.includes(`<@${standIn.userId('student2')}>`)),
    ).toBe(true);

    // Every payload the bot sent that a student can receive: all but the ledger's and the teacher's replies.
    const teacherTokens = teacherHandles.map((t) => t.token);
    const sent = standIn.requests
      .slice(firstRequest)
      .filter((r) => r.method !== 'GET' && r.body !== undefined)
      .filter((r) => !r.path.includes(ledgerId) && !teacherTokens.some((t) => r.path.includes(t)));
    expect(sent.length).toBeGreaterThan(10);
    const secrets = ['student1', 'student2', 'student3'].flatMap((key) => {
      const id = standIn.userId(key);
      const member = standIn.guild().members.find((m) => m.id === id);
      return [
        id,
        BigInt(id).toString(36),
        ...(member && !member.name.startsWith('Student ') ? [member.name] : []),
      ];
    });
    const usernames = ['alex.k', 'sam.t', 'priya.n'];
    for (const request of sent) {
      const text = JSON.stringify(request.body);
      for (const s of [...secrets, ...usernames])
        expect(text, `${request.method} ${request.path}`).not.toContain(s);
    }
    // And what every student sees in the channel and the thread (their own private replies were
    // scanned above; Discord adds their own name to those, which is no leak).
    for (const user of ['student1', 'student2', 'student3']) {
      for (const channel of ['general', promptId]) {
        const seen = JSON.stringify(
          standIn
            .channelWindow({ user, channel, limit: 100 })
            .messages.filter((m) => m.author.bot && ((m.flags ?? 0) & 64) === 0),
        );
        for (const s of secrets) expect(seen).not.toContain(s);
      }
    }
  });
});
