/**
 * Answering a prompt (issue 15), open mode, through the real bot and the stand-in: Respond → modal
 * → private preview with the evidence resolved among the prompt's articles → correct it → Post →
 * a card in the thread; the teachers' ledger in a private thread; Withdraw and Remove.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntry } from '../../src/core/discussion/ledger.js';
import { buttonIds, visibleText } from './harness.js';
import { manyLibraryStack } from './many-stack.js';
import {
  EPHEMERAL,
  eventually,
  idWith,
  ledgerIdOf,
  postPreview,
  postPrompt,
  press,
  respond,
} from './discussion-util.js';

const run = manyLibraryStack();

const FLOODS = ['baker-winter', 'garcia-farms'];
const ledgerRecords = (ledgerId: string) =>
  run.stack.standIn
    .channelMessages(ledgerId)
    .map((m) => decodeEntry(m.embeds[0]?.description))
    .filter((e) => e?.kind === 'answer')
    .map((e) => e.record);

describe('answering a prompt (open mode)', () => {
  it('answer → preview with the passage quoted → another match picked → Post puts a card in the thread', async () => {
    const { standIn } = run.stack;
    const prompt = await postPrompt(standIn, { topic: 'river-floods' });
    expect(buttonIds(prompt)).toContain(idWith(prompt, 'respond'));
    const preview = await respond(standIn, 'student1', prompt, {
      answer: 'The floods are *worse* now <@1> @everyone',
      evidence: 'river floods lower streets',
      reasoning: 'It says the floods reached the streets twice.',
    });
    expect((preview.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const text = visibleText(preview);
    // The passage quoted word for word with its credit, the draft shown as typed.
    expect(text).toContain('lower streets');
    const shownId = preview.embeds.map((e) => /· (\S+#\d+)$/.exec(e.footer?.text ?? '')?.[1]).find(Boolean);
    const best = shownId === undefined ? undefined : run.many.library.content.passages.get(shownId);
    expect(FLOODS).toContain(best?.articleId);
    expect(best?.display).toContain('lower streets');
    // Every offered match is a passage of the prompt's articles.
    const pick = idWith(preview, 'pick');
    const options =
      (preview.components?.[0] as { components: { options: { value: string }[] }[] }).components[0]
        ?.options ?? [];
    const values = options.map((o) => o.value);
    expect(values.at(-1)).toBe('none');
    for (const v of values.slice(0, -1)) expect(FLOODS).toContain(v.split('#')[0]);
    // The topic has two articles: the preview asks which one the answer supports.
    expect(buttonIds(preview).some((c) => c.startsWith('prompt|side|'))).toBe(true);

    const other = values.find((v) => v !== 'none' && v !== best?.id);
    expect(other).toBeDefined();
    const picked = standIn.select({
      user: 'student1',
      message: preview.id,
      customId: pick,
      values: [other ?? ''],
    });
    const corrected = await picked.waitForOriginal((m) =>
      m.embeds.some((e) => e.footer?.text.includes(other ?? '?') === true),
    );
    const side = standIn.select({
      user: 'student1',
      message: corrected.id,
      customId: idWith(corrected, 'side'),
      values: ['garcia-farms'],
    });
    const sided = await side.waitForOriginal(
      (m) => m.embeds[0]?.footer?.text.includes('side garcia-farms') === true,
    );
    expect(visibleText(sided)).toContain('The floods are \\*worse\\* now');

    const done = await postPreview(standIn, 'student1', sided);
    expect(done.content).toMatch(/^Posted: /);
    const card = standIn
      .channelMessages(prompt.id)
      .find((m) => m.embeds[0]?.author?.name.startsWith('Answer') === true);
    expect(card).toBeDefined();
    const cardText = visibleText(card ?? {});
    expect(cardText).toContain('The floods are \\*worse\\* now \\<@1\\> @\u200Beveryone');
    expect(cardText).toContain('It says the floods reached the streets twice.');
    expect(card?.embeds[1]?.footer?.text).toContain(other);
    expect(card?.mentions).toEqual([]);
    expect(card?.mention_everyone).toBe(false);

    // The ledger: a private thread the student cannot see, holding the record.
    const ledgerId = ledgerIdOf(prompt);
    expect(standIn.canView('student1', ledgerId)).toBe(false);
    expect(standIn.canView('teacher', ledgerId)).toBe(true);
    const [record] = ledgerRecords(ledgerId);
    expect(record).toMatchObject({
      userId: standIn.userId('student1'),
      passageId: other,
      sideArticleId: 'garcia-farms',
      cardMessageId: card?.id,
      draft: { answer: 'The floods are *worse* now <@1> @everyone', evidence: 'river floods lower streets' },
    });
  });

  it('evidence that matches no passage of the prompt’s articles is said so, and nothing is attached', async () => {
    const { standIn } = run.stack;
    const prompt = await postPrompt(standIn, { topic: 'river-floods' });
    // "school meals" is in other articles of the class, never in the two on river floods.
    const preview = await respond(standIn, 'student2', prompt, {
      answer: 'Meals matter.',
      evidence: 'school meals pupils',
    });
    expect(visibleText(preview)).toContain(
      'No passage of this prompt’s articles matches “school meals pupils”',
    );
    expect(buttonIds(preview).some((c) => c.startsWith('prompt|pick|'))).toBe(false);
    expect(preview.embeds.some((e) => /#\d+$/.test(e.footer?.text ?? ''))).toBe(false);
    // A passage id resolves directly.
    const edit = press(standIn, 'student2', preview, 'edit');
    const modal = await edit.response();
    expect(JSON.stringify(modal.data)).toContain('Meals matter.');
    const resubmit = standIn.modalSubmit({
      user: 'student2',
      customId: String(modal.data?.custom_id),
      from: edit,
      fields: { answer: 'Meals matter.', evidence: 'garcia-farms#9', reasoning: '' },
    });
    const fixed = await resubmit.waitForOriginal((m) =>
      m.embeds.some((e) => e.footer?.text.endsWith('garcia-farms#9') === true),
    );
    expect(fixed.id).toBe(preview.id);
  });

  it('a student withdraws their own answer, not another’s; a teacher removes any', async () => {
    const { standIn } = run.stack;
    const prompt = await postPrompt(standIn, { topic: 'river-floods' });
    const mine = await respond(standIn, 'student1', prompt, { answer: 'Mine.' });
    await postPreview(standIn, 'student1', mine);
    const theirs = await respond(standIn, 'student2', prompt, { answer: 'Theirs.' });
    await postPreview(standIn, 'student2', theirs);
    const cards = standIn.channelMessages(prompt.id);
    const cardOf = (text: string) => cards.find((m) => m.embeds[0]?.description === text);
    const mineCard = cardOf('Mine.');
    const theirCard = cardOf('Theirs.');
    if (!mineCard || !theirCard) throw new Error('cards missing');

    const refused = press(standIn, 'student1', theirCard, 'withdraw');
    expect((await refused.waitForOriginal()).content).toContain('Only the student who wrote this answer');
    const notTeacher = press(standIn, 'student1', theirCard, 'remove');
    expect((await notTeacher.waitForOriginal()).content).toContain('Only teachers');

    const withdraw = press(standIn, 'student1', mineCard, 'withdraw');
    await withdraw.waitForOriginal((m) => m.content.includes('withdrawn by its writer'));
    const remove = press(standIn, 'teacher', theirCard, 'remove');
    await remove.waitForOriginal((m) => m.content.includes('removed by a teacher'));
    await eventually(() => ledgerRecords(ledgerIdOf(prompt)).every((r) => r.withdrawn === true));
    expect(
      ledgerRecords(ledgerIdOf(prompt))
        .map((r) => [r.draft.answer, r.withdrawn])
        .sort(),
    ).toEqual([
      ['Mine.', true],
      ['Theirs.', true],
    ]);
  });

  it('a discussion posted by /compare’s Discuss gets Respond too', async () => {
    const { standIn } = run.stack;
    const shown = standIn.slash({
      user: 'teacher',
      channel: 'general',
      name: 'compare',
      options: { topic: 'river-floods' },
    });
    const answer = await shown.waitForOriginal();
    const discuss = buttonIds(answer).find((c) => c.startsWith('compare|discuss|')) ?? '';
    const h = standIn.button({ user: 'teacher', message: answer.id, customId: discuss });
    const post = await h.waitForOriginal((m) => buttonIds(m).some((c) => c.startsWith('prompt|respond|')));
    const preview = await respond(standIn, 'student2', post, {
      answer: 'From Discuss.',
      evidence: 'river floods',
    });
    await postPreview(standIn, 'student2', preview);
    expect(standIn.channelMessages(post.id).some((m) => m.embeds[0]?.description === 'From Discuss.')).toBe(
      true,
    );
  });
});
