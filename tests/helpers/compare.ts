/**
 * Two tiny articles for the /compare and /prompt renderers (one on gas, one on bread), and ways to
 * read a /compare payload as a user does.
 */
import type { APIButtonComponentWithCustomId, APIEmbed } from 'discord-api-types/v10';
import { compare, type Comparison } from '../../src/core/compare.js';
import { compareAnswer, comparePageAnswer } from '../../src/render/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import type { Payload } from '../../src/render/payload.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { tinyContent } from './content.js';

export const TINY = tinyContent([
  {
    id: 'alpha',
    body: [
      'Europe worried about the price of natural gas.',
      'The gas pipeline to *Germany* was a threat.',
      'Nothing here about fuel.',
    ].join('\n\n'),
    extra: ['short: Alpha (The Outlet)', 'url: https://example.com/alpha', 'notice: A _partial_ copy.'].join(
      '\n',
    ),
  },
  { id: 'beta', body: 'Bread is baked daily.' },
]);
const tinyIndex = createSearchIndex(TINY.passages.values());

export function tinyCompare(input: string): Comparison {
  const c = compare(TINY, tinyIndex, input);
  if (!c) throw new Error(`no comparison for ${input}`);
  return c;
}

/** What /compare shows for one article: its passage ids, or that it does not address the topic. */
export const footerOf = (p: Comparison['perspectives'][number]): string =>
  p.passages.length === 0
    ? `${p.article.id}: not addressed`
    : p.passages.map((x) => x.passage.id).join(' · ');

/** The buttons of a payload, as [label, decoded custom id]. */
export function buttons(p: Payload): [string | undefined, string[] | null][] {
  return (p.components ?? []).flatMap((r) =>
    r.components.map((c): [string | undefined, string[] | null] => {
      const b = c as APIButtonComponentWithCustomId;
      const d = decodeId(b.custom_id);
      return [b.label, d && [d.command, d.action, ...d.fields]];
    }),
  );
}

export const embedsOf = (p: Payload): APIEmbed[] => p.embeds ?? [];

/** Every page of a comparison, reached as a user does: by following each page's Next ▶ button. */
export function everyPage(c: Comparison, topicKey: string): Payload[] {
  const pages = [compareAnswer(c, topicKey)];
  for (;;) {
    const next = buttons(pages.at(-1) ?? compareAnswer(c, topicKey)).find(([label]) => label === 'Next ▶');
    const id = next?.[1];
    if (!id || id[1] !== 'page') return pages;
    const [, , target, count, fingerprint, key] = id;
    const page = comparePageAnswer(c, key ?? '', {
      page: Number(target),
      pageCount: Number(count),
      fingerprint: fingerprint ?? '',
    });
    if (!page) throw new Error(`stale page button ${id.join('|')}`);
    pages.push(page);
    if (pages.length > 20) throw new Error('the Next buttons go round in circles');
  }
}
