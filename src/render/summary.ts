/**
 * /summary: participation in a discussion thread, worked out from the thread's history alone.
 * Messages are counted per person; a passage counts as cited by the person who shared it into the
 * thread (this bot's own "Shared by @user" posts; other bots and webhooks are not counted).
 */
import type { Content } from '../content/types.js';
import { finalize, LIMITS, truncate, type Payload } from './limits.js';
import { escapeMarkdown } from './markdown.js';

/** Longest line per participant, so one prolific citer cannot push everyone else out. */
const MAX_LINE = 400;

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

export function summaryAnswer(s: ThreadSummary, content: Content, threadName: string): Payload {
  const totalCited = [...s.byArticle.values()].reduce((a, b) => a + b, 0);
  const lines = s.participants.map((p) => {
    const cites =
      p.cited.length > 0
        ? `, cited ${p.cited.map((id) => `¶${id.split('#')[1] ?? ''} (${id.split('#')[0] ?? ''})`).join(', ')}`
        : ', no citations';
    return truncate(`<@${p.userId}> — ${p.messages} message${p.messages === 1 ? '' : 's'}${cites}`, MAX_LINE);
  });
  // Keep whole lines: say how many people did not fit rather than cutting a line in half.
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > LIMITS.embedDescription - 60) {
      const left = lines.length - i;
      kept.push(`…and ${left} more participant${left === 1 ? '' : 's'}`);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  const articles = content.articles.map((a) => {
    const n = s.byArticle.get(a.id) ?? 0;
    const share = totalCited > 0 ? ` (${Math.round((100 * n) / totalCited)}%)` : '';
    return `${escapeMarkdown(a.short)}: ${n}${share}`;
  });
  return finalize({
    ephemeral: true,
    embeds: [
      {
        color: 0x5865f2,
        title: `Participation in ${threadName}`,
        description: kept.length > 0 ? kept.join('\n') : 'Nobody has posted in this thread yet.',
        fields: [
          { name: 'Messages', value: String(s.totalMessages), inline: true },
          { name: 'Passages cited', value: String(totalCited), inline: true },
          { name: 'Citations by article', value: articles.join('\n') || '—' },
        ],
        footer: {
          text: 'Counted from this thread’s history. Citations are passages shared into the thread with /quote → Share.',
        },
      },
    ],
  });
}
