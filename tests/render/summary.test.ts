import { describe, expect, it } from 'vitest';
import { shareAnswer } from '../../src/render/quote.js';
import { summarize, summaryAnswer, type ThreadMessage } from '../../src/render/summary.js';
import { embedLength, LIMITS } from '../../src/render/limits.js';
import { realCore, tinyContent } from '../helpers/content.js';

const content = tinyContent([
  { id: 'alpha', body: 'First of alpha.\n\nSecond of alpha.', extra: 'short: Alpha (The Outlet)' },
  { id: 'beta', body: 'Only paragraph of beta.', extra: 'short: Beta *Weekly*' },
]);

const ANN = '111111111111111111';
const BOB = '222222222222222222';
const CAT = '333333333333333333';
const BOT = '999999999999999999';

/** A message a person typed. */
const said = (authorId: string, text = 'I think so.'): ThreadMessage => ({
  authorId,
  authorIsBot: false,
  content: text,
  embeds: [],
});

/** The bot's post after someone pressed Share on a /quote answer. */
const shared = (userId: string, passageId: string, mention = `<@${userId}>`): ThreadMessage => ({
  authorId: BOT,
  authorIsBot: true,
  content: `Shared by ${mention}`,
  embeds: [{ footer: { text: `Alpha (The Outlet) · para. 1 · ${passageId}` } }],
});

describe('summarize', () => {
  it('counts messages per person and ignores nobody who typed', () => {
    const s = summarize([said(ANN), said(BOB), said(ANN), said(ANN)], content, BOT);
    expect(s.totalMessages).toBe(4);
    expect(s.participants).toEqual([
      { userId: ANN, messages: 3, cited: [] },
      { userId: BOB, messages: 1, cited: [] },
    ]);
    expect(s.byArticle.size).toBe(0);
  });
  it('counts a "Shared by" post as a citation by that person, for that article', () => {
    const s = summarize(
      [said(ANN), shared(ANN, 'alpha#2'), shared(BOB, 'beta#1'), shared(ANN, 'alpha#1')],
      content,
      BOT,
    );
    expect(s.totalMessages).toBe(1);
    expect(s.participants).toEqual([
      { userId: ANN, messages: 1, cited: ['alpha#2', 'alpha#1'] },
      { userId: BOB, messages: 0, cited: ['beta#1'] },
    ]);
    expect([...s.byArticle]).toEqual([
      ['alpha', 2],
      ['beta', 1],
    ]);
  });
  it('accepts the <@!id> form of a mention', () => {
    const s = summarize([shared(CAT, 'beta#1', `<@!${CAT}>`)], content, BOT);
    expect(s.participants).toEqual([{ userId: CAT, messages: 0, cited: ['beta#1'] }]);
  });
  it('ignores bot posts without that shape, and unknown passage ids', () => {
    const bot = (text: string, footer?: string | null): ThreadMessage => ({
      authorId: BOT,
      authorIsBot: true,
      content: text,
      embeds: footer === undefined ? [] : [{ footer: footer === null ? null : { text: footer } }],
    });
    const s = summarize(
      [
        bot('Posted a discussion question', 'Prompt riyadh-talks:analyze'),
        bot(`Shared by <@${ANN}>`), // no embed
        bot(`Shared by <@${ANN}>`, null), // embed without footer
        bot(`Shared by <@${ANN}>`, 'Alpha · para. 9 · alpha#9'), // no such paragraph
        bot(`Shared by <@${ANN}>`, 'Gamma · para. 1 · gamma#1'), // no such article
        bot(`Shared by <@${ANN}>`, 'alpha#1 · then something else'), // id not at the end
        bot(`Shared by nobody`, 'Alpha · para. 1 · alpha#1'), // no mention
        bot(`Look: Shared by <@${ANN}>`, 'Alpha · para. 1 · alpha#1'), // not at the start
      ],
      content,
      BOT,
    );
    expect(s).toEqual({ participants: [], byArticle: new Map(), totalMessages: 0 });
  });
  it('counts only this bot’s own "Shared by" posts, not another bot’s or a webhook’s', () => {
    const OTHER_BOT = '888888888888888888';
    const WEBHOOK = '777777777777777777';
    const s = summarize(
      [
        { ...shared(ANN, 'alpha#1'), authorId: OTHER_BOT },
        { ...shared(BOB, 'beta#1'), authorId: WEBHOOK },
        shared(CAT, 'alpha#2'),
      ],
      content,
      BOT,
    );
    expect(s.participants).toEqual([{ userId: CAT, messages: 0, cited: ['alpha#2'] }]);
    expect([...s.byArticle]).toEqual([['alpha', 1]]);
    expect(s.totalMessages).toBe(0);
  });
  it('counts a person’s own "Shared by" text as a message, not a citation', () => {
    const fake: ThreadMessage = { ...shared(BOB, 'alpha#1'), authorId: ANN, authorIsBot: false };
    const s = summarize([fake], content, BOT);
    expect(s.participants).toEqual([{ userId: ANN, messages: 1, cited: [] }]);
    expect(s.byArticle.size).toBe(0);
  });
  it('orders people by messages plus citations, ties in order of first appearance', () => {
    const s = summarize(
      [said(CAT), said(BOB), shared(BOB, 'alpha#1'), said(ANN), said(ANN), said(ANN), shared(CAT, 'beta#1')],
      content,
      BOT,
    );
    expect(s.participants.map((p) => [p.userId, p.messages + p.cited.length])).toEqual([
      [ANN, 3],
      [CAT, 2],
      [BOB, 2],
    ]);
  });
  it('recognises what the bot really posts when someone shares a quote', async () => {
    const core = await realCore();
    const [passage] = core.content.passages.values();
    const post = shareAnswer(core, passage?.id ?? '', ANN);
    if (!post) throw new Error('no share');
    const message: ThreadMessage = {
      authorId: BOT,
      authorIsBot: true,
      content: post.content ?? '',
      embeds: post.embeds ?? [],
    };
    const s = summarize([message], core.content, BOT);
    expect(s.participants).toEqual([{ userId: ANN, messages: 0, cited: [passage?.id] }]);
    expect([...s.byArticle]).toEqual([[passage?.articleId, 1]]);
  });
});

describe('summaryAnswer', () => {
  it('privately lists each person, with totals and citations by article in percent', () => {
    const s = summarize(
      [
        said(ANN),
        said(ANN),
        shared(ANN, 'alpha#2'),
        said(BOB),
        shared(BOB, 'beta#1'),
        shared(ANN, 'alpha#1'),
      ],
      content,
      BOT,
    );
    const out = summaryAnswer(s, content, 'Discussion: Gas');
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    expect(out.embeds).toEqual([
      {
        color: 0x5865f2,
        title: 'Participation in Discussion: Gas',
        description: [
          `<@${ANN}> — 2 messages, cited ¶2 (alpha), ¶1 (alpha)`,
          `<@${BOB}> — 1 message, cited ¶1 (beta)`,
        ].join('\n'),
        fields: [
          { name: 'Messages', value: '3', inline: true },
          { name: 'Passages cited', value: '3', inline: true },
          { name: 'Citations by article', value: 'Alpha (The Outlet): 2 (67%)\nBeta \\*Weekly\\*: 1 (33%)' },
        ],
        footer: {
          text: 'Counted from this thread’s history. Citations are passages shared into the thread with /quote → Share.',
        },
      },
    ]);
  });
  it('says "no citations" for people who cited nothing, and gives no percentages without citations', () => {
    const out = summaryAnswer(summarize([said(CAT)], content, BOT), content, 'T');
    expect(out.embeds?.[0]?.description).toBe(`<@${CAT}> — 1 message, no citations`);
    expect(out.embeds?.[0]?.fields?.[2]).toEqual({
      name: 'Citations by article',
      value: 'Alpha (The Outlet): 0\nBeta \\*Weekly\\*: 0',
    });
  });
  it('says when nobody has posted', () => {
    const out = summaryAnswer(summarize([], content, BOT), content, 'Empty thread');
    const e = out.embeds?.[0];
    expect(e?.description).toBe('Nobody has posted in this thread yet.');
    expect(e?.fields?.map((f) => [f.name, f.value])).toEqual([
      ['Messages', '0'],
      ['Passages cited', '0'],
      ['Citations by article', 'Alpha (The Outlet): 0\nBeta \\*Weekly\\*: 0'],
    ]);
  });
  it('cuts a long list at whole lines and says how many people were left out', () => {
    const people = Array.from({ length: 300 }, (_, i) => String(100000000000000000n + BigInt(i)));
    const s = summarize(
      people.map((id) => said(id)),
      content,
      BOT,
    );
    const out = summaryAnswer(s, content, 'Big class');
    const e = out.embeds?.[0];
    const description = e?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    const lines = description.split('\n');
    const shown = lines.slice(0, -1);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual(people.slice(0, shown.length).map((id) => `<@${id}> — 1 message, no citations`));
    expect(lines.at(-1)).toBe(`…and ${String(300 - shown.length)} more participants`);
    expect(e?.fields?.[0]).toEqual({ name: 'Messages', value: '300', inline: true });
    expect(embedLength(e ?? {})).toBeLessThanOrEqual(LIMITS.embedTotal);
  });
});
