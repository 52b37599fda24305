/**
 * /summary: participation in a discussion thread, worked out from the thread's history alone.
 * Messages are counted per person; a passage counts as cited by the person who shared it into the
 * thread (this bot's own "Shared by @user" posts; other bots and webhooks are not counted).
 */
import type { Content } from '../content/types.js';

/** What /summary needs of a message; the bot fills it from discord.js messages. */
export interface ThreadMessage {
  readonly authorId: string;
  readonly authorIsBot: boolean;
  readonly content: string;
  readonly embeds: readonly { readonly footer?: { readonly text: string } | null }[];
}

export interface Participation {
  readonly userId: string;
  messages: number;
  /** Passage ids this person shared into the thread, in order. */
  readonly cited: string[];
}

export interface ThreadSummary {
  readonly participants: Participation[];
  /** Citations per article id. */
  readonly byArticle: Map<string, number>;
  readonly totalMessages: number;
}

const SHARED = /^Shared by <@!?(\d{5,25})>/;
const PASSAGE_ID = /([a-z0-9]+(?:-[a-z0-9]+)*#\d+)\s*$/;

/**
 * `ownUserId`: this bot's own user id. Only its posts are citations: another bot or a webhook can
 * post "Shared by @someone" too, and is ignored like any bot.
 */
export function summarize(
  messages: readonly ThreadMessage[],
  content: Content,
  ownUserId: string,
): ThreadSummary {
  const people = new Map<string, Participation>();
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) {
      p = { userId: id, messages: 0, cited: [] };
      people.set(id, p);
    }
    return p;
  };
  const byArticle = new Map<string, number>();
  let totalMessages = 0;
  for (const m of messages) {
    if (!m.authorIsBot) {
      person(m.authorId).messages++;
      totalMessages++;
      continue;
    }
    if (m.authorId !== ownUserId) continue;
    const sharer = SHARED.exec(m.content)?.[1];
    const passageId = m.embeds
      .map((e) => PASSAGE_ID.exec(e.footer?.text ?? '')?.[1])
      .find((id) => id !== undefined);
    const passage = passageId ? content.passages.get(passageId) : undefined;
    if (!sharer || !passage) continue;
    person(sharer).cited.push(passage.id);
    byArticle.set(passage.articleId, (byArticle.get(passage.articleId) ?? 0) + 1);
  }
  const participants = [...people.values()].sort(
    (a, b) => b.messages + b.cited.length - (a.messages + a.cited.length),
  );
  return { participants, byArticle, totalMessages };
}
