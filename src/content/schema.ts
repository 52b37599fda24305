/** The shape of article front matter and of topics.yaml, checked with zod. */
import { z } from 'zod';
import { ARTICLE_KINDS } from './types.js';

/** An article's original text: a file directly in `content/sources/`, never outside the content folder. */
export const SOURCE_PATH = /^sources\/(?!\.)[^/\\]+$/;

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

export const frontMatterSchema = z
  .object({
    id: slug('id'),
    title: text('title').optional(),
    description: text('description').optional(),
    authors: z
      .array(text('authors[]'), { error: 'missing required field `authors` (a list of names)' })
      .min(1),
    interviewer: text('interviewer').optional(),
    interviewee: text('interviewee').optional(),
    outlet: text('outlet'),
    date: z
      .union([z.string(), z.date(), z.number()], {
        error: '`date` must look like 2025, 2025-02 or 2025-02-19',
      })
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
      .refine((d) => /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(d) && realDay(d), {
        message: '`date` must look like 2025, 2025-02 or 2025-02-19',
      })
      .optional(),
    url: z.url({ protocol: /^https?$/, error: '`url` must be a full http(s) address' }).optional(),
    kind: z.enum(ARTICLE_KINDS, { error: `\`kind\` must be one of: ${ARTICLE_KINDS.join(', ')}` }),
    perspective: text('perspective'),
    summary: text('summary'),
    notice: text('notice').optional(),
    source: text('source')
      .regex(SOURCE_PATH, '`source` must name a file in the sources folder, like "sources/my-article.txt"')
      .optional(),
    short: text('short').optional(),
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
  text(`prompts.${level}`).max(300, `\`prompts.${level}\` is over 300 characters`);

export const topicsSchema = z
  .object({
    topics: z
      .array(
        z
          .object({
            id: slug('id'),
            title: text('title').max(100, '`title` is over 100 characters'),
            terms: z
              .array(text('terms[]'), { error: 'missing required field `terms`' })
              .min(1, '`terms` is empty'),
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
