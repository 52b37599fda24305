/** /summary's answer: the participation worked out by src/core/summary.ts, as one embed. */
import type { Content } from '../content/types.js';
import type { ThreadSummary } from '../core/summary.js';
import { LIMITS } from './discord-limits.js';
import { finalize, truncate, type Payload } from './payload.js';
import { escapeMarkdown } from './markdown.js';

/** Longest line per participant, so one prolific citer cannot push everyone else out. */
const MAX_LINE = 400;

/** Each participant's messages and citations, and citations per article, privately. */
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
