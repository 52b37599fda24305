/** The shape of article front matter and of topics.yaml, checked with zod. */
import { z } from 'zod';
import { ARTICLE_KINDS } from './types.js';

/** An article's original text: a file directly in `content/sources/`, never outside the content folder. */
export const SOURCE_PATH = /^sources\/(?!\.)[^/\\]+$/;

/**
 * The validator's limits, in one place. The README's content section and the guide at the top of
 * content/topics.yaml state these numbers; tests/content/guide.test.ts checks that they agree.
 */
export const CONTENT_LIMITS = {
  /** Most characters in an article's `short` label (a poll answer holds 55). */
  shortMax: 40,
  /** Most characters in a topic's `title`. */
  topicTitleMax: 100,
  /** Fewest and most search queries in a topic's `terms`. */
  topicTermsMin: 1,
  topicTermsMax: 12,
  /** Most characters in one of a topic's `terms`. */
  topicTermMax: 100,
  /** Most characters in one prompt question. */
  promptMax: 300,
} as const;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a month 01–12 and a day 01–31. */
const DATE_SHAPE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_SHAPE_MESSAGE = '`date` must look like 2025, 2025-02 or 2025-02-19';

const text = (what: string) =>
  z
    .string({
      error: (i) =>
        i.input === undefined ? `missing required field \`${what}\`` : `\`${what}\` must be text`,
    })
    .trim()
    .min(1, `\`${what}\` is empty`);

const slug = (what: string) =>
  text(what).regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    `\`${what}\` must be a lowercase slug like "my-article-2025"`,
  );

/** A full date must exist on the calendar (no 30 February). */
function realDay(d: string): boolean {
  if (d.length < 10) return true;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** One author: a person's name, or `{ organization: Name }` for a group author such as a news agency. */
const author = z.union(
  [text('authors[]'), z.object({ organization: text('authors[].organization') }).strict()],
  {
    error: (i) =>
      i.input === undefined || i.input === null
        ? '`authors[]` is empty'
        : '`authors[]` must be a name, or `{ organization: Name }` for an organisation',
  },
);

export const frontMatterSchema = z
  .object({
    id: slug('id'),
    title: text('title').optional(),
    description: text('description').optional(),
    authors: z
      .array(author, { error: '`authors` must be a list, e.g. [Ann Writer] or [{ organization: Reuters }]' })
      .min(1, '`authors` is empty: leave the field out when the article is unsigned')
      .optional(),
    interviewer: text('interviewer').optional(),
    interviewee: text('interviewee').optional(),
    outlet: text('outlet').optional(),
    date: z
      .union([z.string(), z.date(), z.number()], { error: DATE_SHAPE_MESSAGE })
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
      .refine((d) => DATE_SHAPE.test(d), { message: DATE_SHAPE_MESSAGE, abort: true })
      .refine(realDay, {
        error: (i) => `\`date\` ${String(i.input)} is not a real date: no such day on the calendar`,
      })
      .optional(),
    url: z.url({ protocol: /^https?$/, error: '`url` must be a full http(s) address' }).optional(),
    kind: z.enum(ARTICLE_KINDS, { error: `\`kind\` must be one of: ${ARTICLE_KINDS.join(', ')}` }),
    perspective: text('perspective').optional(),
    summary: text('summary').optional(),
    notice: text('notice').optional(),
    source: text('source')
      .regex(SOURCE_PATH, '`source` must name a file in the sources folder, like "sources/my-article.txt"')
      .optional(),
    short: text('short')
      .max(CONTENT_LIMITS.shortMax, `\`short\` is over ${CONTENT_LIMITS.shortMax} characters`)
      .optional(),
    quotes: z
      .array(z.object({ speaker: text('quotes[].speaker'), text: text('quotes[].text') }).strict())
      .default([]),
    corrections: z
      .array(z.object({ from: text('corrections[].from'), to: text('corrections[].to') }).strict())
      .default([]),
  })
  .strict()
  .refine((fm) => fm.title !== undefined || fm.description !== undefined, {
    message: 'give a `title`, or a `description` when the title is not known',
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const promptText = (level: string) =>
  text(`prompts.${level}`).max(
    CONTENT_LIMITS.promptMax,
    `\`prompts.${level}\` is over ${CONTENT_LIMITS.promptMax} characters`,
  );

export const topicsSchema = z
  .object({
    topics: z
      .array(
        z
          .object({
            id: slug('id'),
            title: text('title').max(
              CONTENT_LIMITS.topicTitleMax,
              `\`title\` is over ${CONTENT_LIMITS.topicTitleMax} characters`,
            ),
            terms: z
              .array(
                text('terms[]').max(
                  CONTENT_LIMITS.topicTermMax,
                  `\`terms[]\` is over ${CONTENT_LIMITS.topicTermMax} characters: a term is a short search query`,
                ),
                { error: 'missing required field `terms`' },
              )
              .min(CONTENT_LIMITS.topicTermsMin, '`terms` is empty')
              .max(
                CONTENT_LIMITS.topicTermsMax,
                `\`terms\` has over ${CONTENT_LIMITS.topicTermsMax} entries: keep the few that find the topic best`,
              ),
            pinned: z.array(text('pinned[]')).default([]),
            prompts: z
              .object(
                {
                  understand: promptText('understand'),
                  analyze: promptText('analyze'),
                  evaluate: promptText('evaluate'),
                },
                { error: 'missing required field `prompts` (understand, analyze and evaluate)' },
              )
              .strict(),
          })
          .strict(),
      )
      .min(1, 'there are no topics'),
  })
  .strict();

export type TopicsFile = z.infer<typeof topicsSchema>;
