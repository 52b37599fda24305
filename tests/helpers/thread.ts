/** A discussion thread for /summary's tests: two articles, three people and this bot. */
import type { ThreadMessage } from '../../src/core/summary.js';
import { tinyContent } from './content.js';

export const content = tinyContent([
  { id: 'alpha', body: 'First of alpha.\n\nSecond of alpha.', extra: 'short: Alpha (The Outlet)' },
  { id: 'beta', body: 'Only paragraph of beta.', extra: 'short: Beta *Weekly*' },
]);

export const ANN = '111111111111111111';
export const BOB = '222222222222222222';
export const CAT = '333333333333333333';
export const BOT = '999999999999999999';

/** A message a person typed. */
export const said = (authorId: string, text = 'I think so.'): ThreadMessage => ({
  authorId,
  authorIsBot: false,
  content: text,
  embeds: [],
});

/** The bot's post after someone pressed Share on a /quote answer. */
export const shared = (userId: string, passageId: string, mention = `<@${userId}>`): ThreadMessage => ({
  authorId: BOT,
  authorIsBot: true,
  content: `Shared by ${mention}`,
  embeds: [{ footer: { text: `Alpha (The Outlet) · para. 1 · ${passageId}` } }],
});
