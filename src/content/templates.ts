/**
 * `templates.yaml`: discussion questions written by people for articles outside every curated
 * topic, one list per level of Bloom's taxonomy. Each question has placeholders that the bot fills
 * with names and words from the content itself ({@link TEMPLATE_PLACEHOLDERS}); nothing else is
 * generated. The file is optional: without it such articles simply get no prompt.
 */
import { z } from 'zod';
import { PROMPT_LEVELS, type ContentProblem, type PromptTemplate } from './types.js';
import { parseYamlWith } from './yaml.js';

export const TEMPLATES_FILE = 'templates.yaml';

/**
 * What a template may name, each filled from the article:
 * - `author`: its authors' names (the interviewee's for an interview), or its label when it has none;
 * - `label`: its short label, e.g. "Sumner (Daily Kos)";
 * - `title`: its title (its description when the title is unknown);
 * - `topic`: one of its section headings, or its title when it has no headings.
 */
export const TEMPLATE_PLACEHOLDERS = ['author', 'label', 'title', 'topic'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Longest template, as for the questions in topics.yaml. */
export const MAX_TEMPLATE_LENGTH = 300;

const PLACEHOLDER = /\{([^{}]*)\}/g;

const templateText = (level: string) =>
  z
    .string({ error: `\`${level}[]\` must be text` })
    .trim()
    .min(1, `\`${level}[]\` is empty`)
    .max(MAX_TEMPLATE_LENGTH, `\`${level}[]\` is over ${MAX_TEMPLATE_LENGTH} characters`)
    .refine(
      (t) => [...t.matchAll(PLACEHOLDER)].every((m) => isPlaceholder(m[1] ?? '')),
      `\`${level}[]\`: placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
    );

const levelList = (level: string) =>
  z
    .array(templateText(level), { error: `missing required field \`${level}\` (a list of questions)` })
    .min(1, `\`${level}\` is empty`);

export const templatesSchema = z
  .object({
    templates: z
      .object(
        {
          understand: levelList('understand'),
          analyze: levelList('analyze'),
          evaluate: levelList('evaluate'),
        },
        { error: 'missing required field `templates` (understand, analyze and evaluate)' },
      )
      .strict(),
  })
  .strict();

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Parses templates.yaml; what is wrong goes to `problems` as `templates.yaml:line` problems. */
export function parseTemplates(source: string, problems: ContentProblem[]): PromptTemplate[] {
  const parsed = parseYamlWith(TEMPLATES_FILE, source, templatesSchema, problems);
  if (!parsed) return [];
  const { templates } = parsed.data;
  return PROMPT_LEVELS.flatMap((level) =>
    templates[level].map((text, i) => ({ level, text, line: parsed.lineOf(['templates', level, i]) })),
  );
}

/** A template with its placeholders replaced; a placeholder with no value is left as written. */
export function fillTemplate(text: string, values: Readonly<Record<TemplatePlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}
