/**
 * The CLI's commands: a table from each command's name to its usage line and a small function.
 * A function prints through `print` and throws UsageError for bad input.
 */
import { PROMPT_LEVELS } from '../content/types.js';
import { CITATION_STYLES, cite, type CitationStyle } from '../core/cite.js';
import { compare } from '../core/compare.js';
import { passageContext } from '../core/context.js';
import { isPromptLevel, pickPrompt } from '../core/prompts.js';
import { resolveSpeaker } from '../core/quote.js';
import { parseQuery, personPassages, searchPassages } from '../core/search/index.js';
import { DEFAULT_MAX_SUGGESTIONS, DEFAULT_MIN_ARTICLES, suggestTopics } from '../core/topic-suggest.js';
import { oneArg, positiveInt, UsageError, type CommandInput } from './args.js';
import {
  articleJson,
  articlesText,
  citationsText,
  comparisonText,
  contextText,
  passageJson,
  passageText,
  promptText,
} from './format.js';
import { suggestionsYaml } from './topics-yaml.js';

export interface CliCommand {
  /** Its line in USAGE, aligned with the others. */
  readonly usage: string;
  readonly run: (input: CommandInput) => void;
}

function quote({ positionals, values, library: core, io, print }: CommandInput): void {
  const { content, index } = core;
  const speaker = values.speaker === undefined ? undefined : speakerNamed(core, values.speaker);
  const query =
    speaker !== undefined && positionals.length === 0
      ? ''
      : oneArg(positionals, 'a query, e.g. quote "ammunition, not a ride"');
  if (values.article !== undefined && !content.articleById.has(values.article)) {
    throw new UsageError(
      `Unknown article "${values.article}". Articles: ${content.articles.map((a) => a.id).join(', ')}.`,
    );
  }
  if (
    query !== '' &&
    parseQuery(query).terms.length === 0 &&
    !index.passages.has(query.trim()) &&
    !/\p{L}|\p{N}/u.test(query)
  ) {
    throw new UsageError('The query has no words to search for.');
  }
  const options = {
    ...(values.article !== undefined && { articleId: values.article }),
    ...(speaker !== undefined && { speaker }),
    limit: positiveInt(values.limit, 'limit', 5, 25),
    // A sent query: its last word is a whole word, not one still being typed.
    asYouType: false,
  };
  const hits =
    query === '' && speaker !== undefined
      ? personPassages(index, speaker, options)
      : searchPassages(index, query, options);
  const articleOf = (h: (typeof hits)[number]) => content.articleById.get(h.passage.articleId);
  print(
    {
      query,
      ...(speaker !== undefined && { speaker }),
      results: hits.map((h) => passageJson(h.passage, articleOf(h), h)),
    },
    () =>
      hits.length === 0
        ? noMatch(query, speaker)
        : hits
            .map((h, i) =>
              passageText(h.passage, articleOf(h), h.matched, io.style, `${i + 1}. `, false, h.quoted),
            )
            .join('\n\n'),
  );
}

function noMatch(query: string, speaker: string | undefined): string {
  if (speaker === undefined) return `No passage matches “${query}”.`;
  // A speaker that was found has words somewhere: only --article can leave none.
  if (query === '') return `No words of ${speaker} in that article.`;
  return `No passage with the words of ${speaker} matches “${query}”.`;
}

/** The person `--speaker` names (their whole name when it names one), or a UsageError with near names. */
function speakerNamed(core: CommandInput['library'], typed: string): string {
  if (typed.trim() === '') throw new UsageError('--speaker needs a name, e.g. --speaker zelenskyy.');
  const lookup = resolveSpeaker(core, typed);
  if (lookup.found) return lookup.speaker;
  const near = lookup.near.length > 0 ? ` Did you mean: ${lookup.near.join(', ')}?` : '';
  throw new UsageError(`No one called "${typed}" speaks or is quoted in the articles.${near}`);
}

function compareTopic({ positionals, values, library: core, io, print }: CommandInput): void {
  const topic = oneArg(positionals, 'a topic, e.g. compare minerals-deal');
  const result = compare(core.content, core.index, topic, {
    perArticle: positiveInt(values.limit, 'limit', 2, 10),
  });
  if (!result) throw new UsageError('The topic has no words to search for.');
  const perspectives = [...result.addressing, ...result.notAddressing].map((p) => ({
    articleId: p.article.id,
    label: p.label,
    addressed: p.passages.length > 0,
    total: p.total,
    passages: p.passages.map((h) => passageJson(h.passage, p.article, h, h.pinned)),
  }));
  print(
    {
      topic: result.topic?.id ?? topic,
      title: result.title,
      unusedWords: result.unusedWords ?? [],
      perspectives,
    },
    () => comparisonText(result, io.style),
  );
}

function prompt({ positionals, values, library: core, io, print }: CommandInput): void {
  if (positionals.length > 0) throw new UsageError('prompt takes options only: --topic ID --level L.');
  const level = values.level;
  if (level !== undefined && !isPromptLevel(level))
    throw new UsageError(`--level must be one of: ${PROMPT_LEVELS.join(', ')}.`);
  const result = pickPrompt(core.content, core.index, {
    ...(values.topic !== undefined && { topicId: values.topic }),
    ...(level !== undefined && { level }),
    ...(io.random && { random: io.random }),
  });
  if (!result.ok) throw new UsageError(result.error);
  const { prompt, evidence } = result.pick;
  const perspectives = evidence.perspectives.map((p) => ({
    articleId: p.article.id,
    label: p.label,
    passages: p.passages.map((h) => passageJson(h.passage, p.article, h, h.pinned)),
  }));
  print({ prompt: { ...prompt }, evidence: perspectives }, () => promptText(result.pick, io.style));
}

function articles({ library: core, io, print }: CommandInput): void {
  const { articles } = core.content;
  print({ articles: articles.map(articleJson) }, () => articlesText(articles, io.style));
}

function topics({ library: core, print }: CommandInput): void {
  const { topics } = core.content;
  print({ topics: topics.map((t) => ({ id: t.id, title: t.title, terms: t.terms, pinned: t.pinned })) }, () =>
    topics.map((t) => `${t.id.padEnd(18)} ${t.title}`).join('\n'),
  );
}

function suggest({ positionals, values, library: core, print }: CommandInput): void {
  if (positionals.length > 0)
    throw new UsageError('suggest-topics takes options only: --max N --min-articles N.');
  const max = positiveInt(values.max, 'max', DEFAULT_MAX_SUGGESTIONS, 50);
  const minArticles = positiveInt(values['min-articles'], 'min-articles', DEFAULT_MIN_ARTICLES, 100);
  if (minArticles < 2)
    throw new UsageError('--min-articles must be at least 2: a topic is shared by several articles.');
  const suggestions = suggestTopics(core, { max, minArticles });
  print({ suggestions }, () => suggestionsYaml(suggestions, core.content.articles.length));
}

function context({ positionals, values, library: core, io, print }: CommandInput): void {
  const { content } = core;
  const id = oneArg(positionals, 'a passage id, e.g. context sumner-riyadh#39');
  const ctx = passageContext(content, id.trim(), positiveInt(values.radius, 'radius', 1, 10));
  if (!ctx)
    throw new UsageError(
      `Unknown passage "${id}". Passage ids look like ${content.articles[0]?.id ?? 'article'}#12.`,
    );
  const article = content.articleById.get(ctx.passage.articleId);
  print(
    {
      passageId: ctx.passage.id,
      before: ctx.before.map((p) => passageJson(p, article)),
      passage: passageJson(ctx.passage, article),
      after: ctx.after.map((p) => passageJson(p, article)),
    },
    () => contextText(ctx, article, io.style),
  );
}

function citation({ positionals, values, library: core, io, print }: CommandInput): void {
  const { content } = core;
  const id = oneArg(positionals, 'a passage or article id, e.g. cite sumner-riyadh#39').trim();
  const style = values.style;
  if (style !== undefined && !(CITATION_STYLES as readonly string[]).includes(style)) {
    throw new UsageError(`--style must be one of: ${CITATION_STYLES.join(', ')}.`);
  }
  const passage = content.passages.get(id);
  const article = content.articleById.get(passage?.articleId ?? id);
  if (!article) throw new UsageError(`Unknown passage or article "${id}".`);
  const styles: CitationStyle[] = style ? [style as CitationStyle] : [...CITATION_STYLES];
  const citations = styles.map((s) => cite(article, s, passage));
  print({ id, citations }, () => citationsText(citations, io.style));
}

/** Every command, in the order USAGE lists them. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  quote: {
    usage: `quote ["<query>"] [--article ID] [--speaker NAME] [--limit N] [--json]   find passages (a query, a speaker, or both)`,
    run: quote,
  },
  compare: {
    usage: `compare "<topic>" [--limit N] [--json]        what each article says on a topic (id, title or free text)`,
    run: compareTopic,
  },
  prompt: {
    usage: `prompt [--topic ID] [--level understand|analyze|evaluate] [--json]    a discussion question with evidence`,
    run: prompt,
  },
  articles: {
    usage: `articles [--json]                             the articles and their perspectives`,
    run: articles,
  },
  topics: {
    usage: `topics [--json]                               the curated topics`,
    run: topics,
  },
  'suggest-topics': {
    usage: `suggest-topics [--max N] [--min-articles N] [--json]   topics several articles share, as YAML for topics.yaml`,
    run: suggest,
  },
  context: {
    usage: `context <passageId> [--radius N] [--json]     the paragraphs around a passage`,
    run: context,
  },
  cite: {
    usage: `cite <passageId|articleId> [--style apa|mla] [--json]                 APA and MLA citations`,
    run: citation,
  },
};
