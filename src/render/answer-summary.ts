/**
 * /summary in the thread of a prompt with answers (issue 15 §4), for teachers only: each student's
 * answers with the evidence they cited and whether it was found in an article, the articles the
 * class drew on and the passages cited most, with chart.png and answers.csv attached. Real names in
 * every mode, anonymous included: nothing here reaches a student.
 */
import type { Content } from '../content/types.js';
import type { AnswerSummary, EvidenceCited, StudentSummary } from '../core/discussion/summary.js';
import { LIMITS } from './discord-limits.js';
import { gradebookCsv } from './gradebook.js';
import { echo, escapeMarkdown } from './markdown.js';
import { finalize, truncate, type Payload, type PayloadFile } from './payload.js';

export const CHART_FILE = 'chart.png';
export const CSV_FILE = 'answers.csv';

/** Longest line per student, so one student's many answers cannot push the others out. */
const MAX_LINE = 500;
/** Most characters of a passage quoted in "Most cited" (cut visibly, with "…"). */
const QUOTE_EXCERPT = 90;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "✓ alpha#1", "✗ “the words…” not found", "– no evidence". */
export function evidenceText(e: EvidenceCited): string {
  switch (e.status) {
    case 'resolved':
      return `✓ ${escapeMarkdown(e.passageId ?? '')}`;
    case 'missing':
      return `✗ ${escapeMarkdown(e.passageId ?? '')} (no longer in the articles)`;
    case 'unmatched':
      return `✗ “${echo(e.typed, 40)}” not found`;
    case 'none':
      return '– no evidence';
  }
}

/** "**Ann** (Student 7) — 2 answers: ✓ alpha#1, – no evidence; 1 withdrawn" */
export function studentLine(s: StudentSummary): string {
  const who = `**${echo(s.userName, 60) || s.userId}**${s.pseudonyms.length ? ` (${s.pseudonyms.map((p) => echo(p, 30)).join(', ')})` : ''}`;
  const answers = s.answers.length
    ? `${plural(s.answers.length, 'answer')}: ${s.answers.map((a) => evidenceText(a.evidence)).join(', ')}`
    : 'no answers';
  const withdrawn = s.withdrawn > 0 ? `; ${s.withdrawn} withdrawn` : '';
  return truncate(`${who} — ${answers}${withdrawn}`, MAX_LINE);
}

/** Whole lines that fit an embed's description, then how many students did not fit. */
function fitLines(lines: readonly string[]): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > LIMITS.embedDescription - 80) {
      kept.push(`…and ${plural(lines.length - i, 'more student')}: every student is in ${CSV_FILE}.`);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

function articleLines(summary: AnswerSummary, content: Content): string {
  const askedSides = summary.articles.some((a) => a.sides > 0);
  const lines = summary.articles.map((a) => {
    const name = escapeMarkdown(content.articleById.get(a.articleId)?.short ?? `${a.articleId} (removed)`);
    const sides = askedSides ? `, the side of ${plural(a.sides, 'answer')}` : '';
    return `${name}: cited in ${plural(a.evidence, 'answer')}${sides}`;
  });
  if (askedSides && summary.noSide > 0)
    lines.push(`Neither or not asked: ${plural(summary.noSide, 'answer')}`);
  return lines.join('\n') || 'None yet.';
}

function mostCitedLines(summary: AnswerSummary, content: Content): string {
  const lines = summary.mostCited.map((p) => {
    const passage = content.passages.get(p.passageId);
    const quote = passage ? ` “${echo(passage.display, QUOTE_EXCERPT)}”` : '';
    return `${escapeMarkdown(p.passageId)} — ${plural(p.count, 'answer')}, ${plural(p.students, 'student')}${quote}`;
  });
  return lines.join('\n') || 'No evidence found in the articles yet.';
}

/** The teacher's summary of a prompt's answers, with the chart (when it could be drawn) and the CSV. */
export function answerSummaryAnswer(
  summary: AnswerSummary,
  content: Content,
  threadName: string,
  chartPng?: Uint8Array,
): Payload {
  const withEvidence = summary.students.reduce((n, s) => n + s.withEvidence, 0);
  const resolved = summary.students.reduce((n, s) => n + s.resolvedEvidence, 0);
  const files: PayloadFile[] = [
    ...(chartPng
      ? [
          {
            name: CHART_FILE,
            bytes: chartPng,
            description: 'Bar charts: answers per student, and evidence per article',
          },
        ]
      : []),
    {
      name: CSV_FILE,
      bytes: new TextEncoder().encode(gradebookCsv(summary, content)),
      description: 'One row per student, for a gradebook',
    },
  ];
  return finalize({
    ephemeral: true,
    embeds: [
      {
        color: 0x5865f2,
        title: `Answers in ${threadName}`,
        description:
          summary.students.length > 0
            ? fitLines(summary.students.map(studentLine))
            : 'Nobody has answered yet.',
        fields: [
          { name: 'Answers', value: String(summary.totalAnswers), inline: true },
          { name: 'Withdrawn or removed', value: String(summary.totalWithdrawn), inline: true },
          { name: 'Evidence found', value: `${resolved} of ${withEvidence}`, inline: true },
          { name: 'Articles the class drew on', value: articleLines(summary, content) },
          { name: 'Passages cited most', value: mostCitedLines(summary, content) },
        ],
        footer: {
          text: `Teachers only: real names in every mode. ✓ evidence found in an article, ✗ not found. ${chartPng ? `${CHART_FILE}: answers per student and evidence per article. ` : ''}${CSV_FILE}: one row per student.`,
        },
      },
    ],
    files,
  });
}
