/**
 * answers.csv, attached to /summary (issue 15 §4): one row per student for a gradebook, from the
 * summary of a prompt's answers. Real names and user ids: the file goes to teachers only.
 */
import type { Content } from '../content/types.js';
import type { AnswerSummary, StudentAnswer, StudentSummary } from '../core/discussion/summary.js';
import { toCsv, type CsvValue } from './csv.js';

export const GRADEBOOK_HEADER = [
  'name',
  'user id',
  'pseudonyms',
  'answers',
  'with evidence',
  'resolved evidence',
  'unresolved evidence',
  'withdrawn',
  'articles cited',
  'sides chosen',
  'passages cited',
  'first answer',
  'last answer',
  'answer texts',
] as const;

/** Separates several values in one cell ("Alpha; Beta"). */
const LIST = '; ';

function articleLabel(content: Content, id: string): string {
  return content.articleById.get(id)?.short ?? id;
}

/** One answer as the last column shows it: the answer, then its evidence and reasoning. */
function answerText(a: StudentAnswer): string {
  const evidence =
    a.evidence.status === 'resolved'
      ? `evidence ${a.evidence.passageId ?? ''}`
      : a.evidence.status === 'missing'
        ? `evidence ${a.evidence.passageId ?? ''} (no longer in the content)`
        : a.evidence.status === 'unmatched'
          ? `evidence not found: "${a.evidence.typed}"`
          : 'no evidence';
  return [a.answer, `[${evidence}]`, ...(a.reasoning.trim() ? [`Why: ${a.reasoning}`] : [])].join('\n');
}

function row(s: StudentSummary, content: Content): CsvValue[] {
  const sides = [...new Set(s.answers.flatMap((a) => (a.sideArticleId ? [a.sideArticleId] : [])))];
  const passages = s.answers.flatMap((a) =>
    a.evidence.status === 'resolved' ? [a.evidence.passageId ?? ''] : [],
  );
  return [
    s.userName,
    s.userId,
    s.pseudonyms.join(LIST),
    s.answers.length,
    s.withEvidence,
    s.resolvedEvidence,
    s.withEvidence - s.resolvedEvidence,
    s.withdrawn,
    s.articlesCited.map((id) => articleLabel(content, id)).join(LIST),
    sides.map((id) => articleLabel(content, id)).join(LIST),
    passages.join(LIST),
    s.answers[0]?.postedAt ?? '',
    s.answers.at(-1)?.postedAt ?? '',
    s.answers.map(answerText).join('\n\n'),
  ];
}

/** The gradebook CSV: a header, then one row per student in the summary's order. */
export function gradebookCsv(summary: AnswerSummary, content: Content): string {
  return toCsv(
    GRADEBOOK_HEADER,
    summary.students.map((s) => row(s, content)),
  );
}
