import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/summary.js';
import { summaryAnswer } from '../../src/render/summary.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { embedLength } from '../../src/render/payload.js';
import { ANN, BOB, BOT, CAT, content, said, shared } from '../helpers/thread.js';

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
