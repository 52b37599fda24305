/**
 * chart.png of /summary (issue 15 §4), as a Vega-Lite spec: answers per student (by what became of
 * their evidence) above evidence per article. Pure: {@link drawChart} turns the spec into an image.
 * Real names: the chart goes to teachers only.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Content } from '../content/types.js';
import type { AnswerSummary, EvidenceStatus, StudentSummary } from '../core/discussion/summary.js';

/** The font the chart is laid out for; chart-image.ts gives resvg this family. */
export const CHART_FONT = 'DejaVu Sans';

/** Most students drawn; a class larger than this is cut, and the title says so. */
export const CHART_MAX_STUDENTS = 60;

/** Most articles drawn. */
export const CHART_MAX_ARTICLES = 20;

const WIDTH = 520;
const BAR_STEP = 22;
/** Longest bar label in pixels; longer names end in "…". */
const LABEL_LIMIT = 220;

/** Each part of a student's bar, in stacking order. */
const EVIDENCE_LEGEND: Readonly<Record<Exclude<EvidenceStatus, 'missing'>, string>> = {
  resolved: 'Evidence found in an article',
  unmatched: 'Evidence not found in one',
  none: 'No evidence',
};

/** "Ann", "Ann · Student 7"; equal labels get " (2)", " (3)" so no two students share a bar. */
export function studentLabels(students: readonly StudentSummary[]): string[] {
  const seen = new Map<string, number>();
  return students.map((s) => {
    const base = [s.userName.trim() || s.userId, ...s.pseudonyms].join(' · ');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

interface StudentRow {
  readonly student: string;
  readonly evidence: string;
  readonly answers: number;
}

function studentRows(students: readonly StudentSummary[]): StudentRow[] {
  const labels = studentLabels(students);
  return students.flatMap((s, order) => {
    const student = labels[order] ?? s.userId;
    const count = (status: EvidenceStatus) => s.answers.filter((a) => a.evidence.status === status).length;
    return [
      { student, evidence: EVIDENCE_LEGEND.resolved, answers: s.resolvedEvidence },
      // Evidence naming a passage since removed did not resolve either.
      { student, evidence: EVIDENCE_LEGEND.unmatched, answers: count('unmatched') + count('missing') },
      { student, evidence: EVIDENCE_LEGEND.none, answers: count('none') },
    ];
  });
}

/** "3", or "0 (1 withdrawn)". */
function countLabel(s: StudentSummary | undefined): string {
  const answers = s?.answers.length ?? 0;
  return s && s.withdrawn > 0 ? `${answers} (${s.withdrawn} withdrawn)` : String(answers);
}

function titled(text: string, shown: number, total: number, noun: string): string {
  return shown < total ? `${text} (first ${shown} of ${total} ${noun})` : text;
}

/** One chart of the two, one above the other. */
type ChartPart = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

// An explicit order (the summary's), the same in both layers of a chart.
const y = (field: string, order: readonly string[]) =>
  ({ field, type: 'nominal', sort: [...order], title: null, axis: { labelLimit: LABEL_LIMIT } }) as const;
/**
 * Whole-number ticks from 0 to `max`, about 10 at most: counts are never fractions, and Vega's own
 * ticks for a domain of 0 to 1 include 0.5, which the whole-number format shows as a second "1".
 */
export function wholeTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 10));
  const ticks: number[] = [];
  for (let t = 0; t <= Math.max(max, 1); t += step) ticks.push(t);
  return ticks;
}
const x = (field: string, title: string, max: number) =>
  ({ field, type: 'quantitative', title, axis: { values: wholeTicks(max), format: 'd' } }) as const;
/** The count at the end of each bar. */
const COUNT = { type: 'text', align: 'left', dx: 4 } as const;

function studentsChart(summary: AnswerSummary): ChartPart {
  const students = summary.students.slice(0, CHART_MAX_STUDENTS);
  const totals = studentLabels(students).map((student, order) => ({
    student,
    answers: students[order]?.answers.length ?? 0,
    label: countLabel(students[order]),
  }));
  const order = totals.map((t) => t.student);
  const most = Math.max(0, ...totals.map((t) => t.answers));
  return {
    title: titled('Answers per student', students.length, summary.students.length, 'students'),
    width: WIDTH,
    height: { step: BAR_STEP },
    layer: [
      {
        data: { values: studentRows(students) },
        mark: 'bar',
        encoding: {
          y: y('student', order),
          x: x('answers', 'Answers', most),
          color: {
            field: 'evidence',
            type: 'nominal',
            scale: { domain: Object.values(EVIDENCE_LEGEND), range: ['#2e7d32', '#f9a825', '#9e9e9e'] },
            legend: { orient: 'top', title: null, labelLimit: 400, direction: 'horizontal' },
          },
        },
      },
      {
        data: { values: totals },
        mark: COUNT,
        encoding: { y: y('student', order), x: x('answers', 'Answers', most), text: { field: 'label' } },
      },
    ],
  };
}

function articlesChart(summary: AnswerSummary, content: Content): ChartPart {
  const articles = summary.articles.slice(0, CHART_MAX_ARTICLES).map((a) => ({
    article: content.articleById.get(a.articleId)?.short ?? a.articleId,
    evidence: a.evidence,
  }));
  const order = articles.map((a) => a.article);
  const most = Math.max(0, ...articles.map((a) => a.evidence));
  const encoding = { y: y('article', order), x: x('evidence', 'Answers citing it', most) };
  return {
    title: titled('Evidence per article', articles.length, summary.articles.length, 'articles'),
    width: WIDTH,
    height: { step: BAR_STEP },
    data: { values: articles },
    layer: [
      { mark: { type: 'bar', color: '#5865f2' }, encoding },
      { mark: COUNT, encoding: { ...encoding, text: { field: 'evidence' } } },
    ],
  };
}

/** The two bar charts, one above the other, for `summary`. */
export function chartSpec(summary: AnswerSummary, content: Content): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    background: 'white',
    padding: 12,
    config: { font: CHART_FONT, view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12 } },
    vconcat: [studentsChart(summary), articlesChart(summary, content)],
  };
}
