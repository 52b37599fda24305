import { describe, expect, it } from 'vitest';
import { findPassage } from '../../src/core/quote.js';
import { summarize, type ThreadMessage } from '../../src/core/summary.js';
import { shareAnswer } from '../../src/render/quote.js';
import { realLibrary } from '../helpers/content.js';
import { ANN, BOB, BOT, CAT, content, said, shared } from '../helpers/thread.js';

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
    const core = await realLibrary();
    const [passage] = core.content.passages.values();
    const found = findPassage(core.content, passage?.id ?? '');
    if (!found) throw new Error('no passage to share');
    const post = shareAnswer(found, ANN);
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
