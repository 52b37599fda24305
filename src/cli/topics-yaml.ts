/**
 * Topic suggestions printed as YAML to paste under `topics:` in content/topics.yaml. Every value
 * comes from the articles (terms, passage ids) or is left for the teacher (the three questions:
 * empty, so `content:check` refuses the topic until they are written). The passages and the
 * articles that do not address a topic are comments.
 */
import { stringify } from 'yaml';
import { PROMPT_LEVELS, type PromptLevel } from '../content/types.js';
import type { TopicSuggestion } from '../core/topic-suggest.js';

/** Passages listed with an excerpt per article; the rest are listed by id. */
const EXCERPTS_PER_ARTICLE = 4;

/** What each question asks, as the topics guide says, for the teacher writing it. */
const LEVEL_HINTS: Readonly<Record<PromptLevel, string>> = {
  understand: 'restate or explain what an author claims',
  analyze: "compare the texts' reasoning, evidence, assumptions or word choice",
  evaluate: 'judge which argument is better supported, against criteria the question names',
};

/** A YAML scalar on one line: plain where YAML allows, quoted otherwise. */
export function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The header: what this is, and that the teacher writes the questions. */
export function suggestionsHeader(count: number, articles: number): string[] {
  return [
    `# ${count} topic suggestion(s) from the words ${articles} articles share (npm run content:topics).`,
    '# Terms are words from the articles; the passages listed are those /compare shows for them.',
    '# To use one: paste it under `topics:` in content/topics.yaml, edit the title and terms as you',
    '# like, and write the three questions yourself. The bot writes no questions: content:check',
    '# refuses a topic until its questions are filled in.',
  ];
}

function suggestionYaml(s: TopicSuggestion): string[] {
  const comments = s.addressedBy.flatMap((a) => {
    const shown = a.passages.slice(0, EXCERPTS_PER_ARTICLE);
    const rest = a.passages.slice(EXCERPTS_PER_ARTICLE).map((p) => p.passageId);
    return [
      ...shown.map((p) => `  #   ${p.passageId}  ${p.excerpt}`),
      ...(rest.length > 0 ? [`  #   and ${rest.join(', ')}`] : []),
    ];
  });
  return [
    `  # Addressed by ${s.addressedBy.length} articles (the passages /compare shows, most relevant first):`,
    ...comments,
    `  # Not addressed by: ${s.notAddressedBy.length > 0 ? s.notAddressedBy.join(', ') : '(none)'}`,
    `  - id: ${scalar(s.id)}`,
    `    title: ${scalar(s.title)}`,
    '    terms:',
    ...s.terms.map((t) => `      - ${scalar(t)}`),
    '    pinned:',
    ...s.pinned.map((id) => `      - ${scalar(id)}`),
    '    prompts:',
    ...PROMPT_LEVELS.map((level) => `      ${level}: ''  # write this question: ${LEVEL_HINTS[level]}`),
  ];
}

/** The whole printout: header, then each suggestion, or a line saying there is none. */
export function suggestionsYaml(suggestions: readonly TopicSuggestion[], articles: number): string {
  const body =
    suggestions.length === 0
      ? ['# No topic to suggest: no words beyond those of topics.yaml are shared by enough articles.']
      : suggestions.flatMap((s, i) => [...(i > 0 ? [''] : []), ...suggestionYaml(s)]);
  return [...suggestionsHeader(suggestions.length, articles), '', ...body].join('\n');
}
