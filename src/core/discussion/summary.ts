/**
 * /summary for a prompt's answers (issue 15 §4): what a teacher grades from, worked out from the
 * answers the teachers' ledger holds ({@link AnswerRecord}) and the loaded content. Pure, free of
 * discord.js. Names are real names: the summary goes to teachers only, in every mode.
 */
import type { Content } from '../../content/types.js';
import type { AnswerRecord } from './answer.js';

/**
 * What became of a student's evidence field:
 * - `none`: left empty, or the student chose "no evidence";
 * - `resolved`: it names a passage the content has;
 * - `unmatched`: words were typed but no passage was kept for them;
 * - `missing`: it names a passage the content no longer has (an article was edited or removed).
 */
export type EvidenceStatus = 'none' | 'resolved' | 'unmatched' | 'missing';

export interface EvidenceCited {
  readonly status: EvidenceStatus;
  /** What the student typed in the evidence field ('' for none). */
  readonly typed: string;
  /** The passage kept (`article#paragraph`), when one was. */
  readonly passageId?: string;
  /** The passage's article, when the passage resolved. */
  readonly articleId?: string;
}

export interface StudentAnswer {
  readonly promptMessageId: string;
  readonly answer: string;
  readonly reasoning: string;
  readonly evidence: EvidenceCited;
  /** The article whose argument the answer supports; undefined for neither or not asked. */
  readonly sideArticleId?: string;
  readonly postedAt: string;
}

export interface StudentSummary {
  readonly userId: string;
  /** The name on the student's latest answer. */
  readonly userName: string;
  /** Every pseudonym the student answered under (one per anonymous prompt), in order. */
  readonly pseudonyms: readonly string[];
  /** Answers that stand, oldest first; withdrawn or removed ones are left out of everything else. */
  readonly answers: readonly StudentAnswer[];
  /** Answers withdrawn by the student or removed by a teacher. */
  readonly withdrawn: number;
  /** Answers with anything in the evidence field or a passage kept. */
  readonly withEvidence: number;
  /** Answers whose evidence is a passage the content has. */
  readonly resolvedEvidence: number;
  /** Articles of the resolved evidence, in the order first cited. */
  readonly articlesCited: readonly string[];
}

export interface ArticleUse {
  readonly articleId: string;
  /** Answers whose resolved evidence is in this article. */
  readonly evidence: number;
  /** Answers that said they support this article's argument. */
  readonly sides: number;
  /** Whether the content has the article (a side may name one since removed). */
  readonly known: boolean;
}

export interface PassageUse {
  readonly passageId: string;
  readonly articleId: string;
  /** Answers citing it. */
  readonly count: number;
  /** Different students citing it. */
  readonly students: number;
}

export interface AnswerSummary {
  /** By name (then user id), as a gradebook lists them. */
  readonly students: readonly StudentSummary[];
  /** Articles drawn on (by evidence or side), most evidence first, then in the content's order. */
  readonly articles: readonly ArticleUse[];
  /** The passages cited most, most first; ties in the content's order. */
  readonly mostCited: readonly PassageUse[];
  /** Answers that stand. */
  readonly totalAnswers: number;
  readonly totalWithdrawn: number;
  /** Answers that chose neither article (or were not asked). */
  readonly noSide: number;
}

/** How many passages {@link summarizeAnswers} lists as most cited, unless told. */
export const MOST_CITED = 5;

/** What became of one answer's evidence, checked against the content as loaded now. */
export function evidenceOf(record: AnswerRecord, content: Content): EvidenceCited {
  const typed = record.draft.evidence.trim();
  const passageId = record.passageId;
  if (passageId !== undefined && passageId !== '') {
    const passage = content.passages.get(passageId);
    return passage
      ? { status: 'resolved', typed, passageId, articleId: passage.articleId }
      : { status: 'missing', typed, passageId };
  }
  return { status: typed === '' ? 'none' : 'unmatched', typed };
}

interface StudentBuild {
  userId: string;
  userName: string;
  pseudonyms: string[];
  answers: StudentAnswer[];
  withdrawn: number;
}

function byStudent(records: readonly AnswerRecord[], content: Content): StudentBuild[] {
  const students = new Map<string, StudentBuild>();
  const ordered = [...records].sort((a, b) => a.postedAt.localeCompare(b.postedAt));
  for (const r of ordered) {
    let s = students.get(r.userId);
    if (!s) {
      s = { userId: r.userId, userName: r.userName, pseudonyms: [], answers: [], withdrawn: 0 };
      students.set(r.userId, s);
    }
    s.userName = r.userName || s.userName;
    if (r.pseudonym !== undefined && !s.pseudonyms.includes(r.pseudonym)) s.pseudonyms.push(r.pseudonym);
    if (r.withdrawn === true) {
      s.withdrawn++;
      continue;
    }
    s.answers.push({
      promptMessageId: r.promptMessageId,
      answer: r.draft.answer,
      reasoning: r.draft.reasoning,
      evidence: evidenceOf(r, content),
      ...(r.sideArticleId !== undefined && { sideArticleId: r.sideArticleId }),
      postedAt: r.postedAt,
    });
  }
  return [...students.values()];
}

function finish(s: StudentBuild): StudentSummary {
  const resolved = s.answers.filter((a) => a.evidence.status === 'resolved');
  return {
    ...s,
    withEvidence: s.answers.filter((a) => a.evidence.status !== 'none').length,
    resolvedEvidence: resolved.length,
    articlesCited: [...new Set(resolved.map((a) => a.evidence.articleId ?? ''))],
  };
}

/** Where an article and a passage stand in the content, for ties: unknown ones go last. */
function contentOrder(content: Content): {
  article: (id: string) => number;
  passage: (id: string) => number;
} {
  const articles = new Map(content.articles.map((a, i) => [a.id, i]));
  return {
    article: (id) => articles.get(id) ?? Number.MAX_SAFE_INTEGER,
    passage: (id) => {
      const p = content.passages.get(id);
      return p ? (articles.get(p.articleId) ?? 0) * 100_000 + p.paragraph : Number.MAX_SAFE_INTEGER;
    },
  };
}

function articleUses(students: readonly StudentSummary[], content: Content): ArticleUse[] {
  const uses = new Map<string, { evidence: number; sides: number }>();
  const use = (id: string) => {
    let u = uses.get(id);
    if (!u) {
      u = { evidence: 0, sides: 0 };
      uses.set(id, u);
    }
    return u;
  };
  for (const a of students.flatMap((s) => s.answers)) {
    if (a.evidence.articleId !== undefined) use(a.evidence.articleId).evidence++;
    if (a.sideArticleId !== undefined) use(a.sideArticleId).sides++;
  }
  const order = contentOrder(content);
  return [...uses]
    .map(([articleId, u]) => ({ articleId, ...u, known: content.articleById.has(articleId) }))
    .sort(
      (a, b) =>
        b.evidence - a.evidence ||
        order.article(a.articleId) - order.article(b.articleId) ||
        a.articleId.localeCompare(b.articleId),
    );
}

function passageUses(students: readonly StudentSummary[], content: Content, most: number): PassageUse[] {
  const uses = new Map<string, { articleId: string; count: number; students: Set<string> }>();
  for (const s of students) {
    for (const a of s.answers) {
      const { passageId, articleId } = a.evidence;
      if (a.evidence.status !== 'resolved' || passageId === undefined || articleId === undefined) continue;
      const u = uses.get(passageId) ?? { articleId, count: 0, students: new Set<string>() };
      u.count++;
      u.students.add(s.userId);
      uses.set(passageId, u);
    }
  }
  const order = contentOrder(content);
  return [...uses]
    .map(([passageId, u]) => ({
      passageId,
      articleId: u.articleId,
      count: u.count,
      students: u.students.size,
    }))
    .sort((a, b) => b.count - a.count || order.passage(a.passageId) - order.passage(b.passageId))
    .slice(0, most);
}

/**
 * The summary of a prompt's answers. Withdrawn and removed answers are counted per student and
 * left out of everything else; evidence is checked against `content` as it is now.
 */
export function summarizeAnswers(
  records: readonly AnswerRecord[],
  content: Content,
  most: number = MOST_CITED,
): AnswerSummary {
  const students = byStudent(records, content)
    .map(finish)
    .sort(
      (a, b) =>
        a.userName.localeCompare(b.userName, 'en', { sensitivity: 'base' }) ||
        a.userId.localeCompare(b.userId),
    );
  const answers = students.flatMap((s) => s.answers);
  return {
    students,
    articles: articleUses(students, content),
    mostCited: passageUses(students, content, most),
    totalAnswers: answers.length,
    totalWithdrawn: students.reduce((n, s) => n + s.withdrawn, 0),
    noSide: answers.filter((a) => a.sideArticleId === undefined).length,
  };
}
