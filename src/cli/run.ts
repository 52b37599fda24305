/**
 * The command-line preview: prints what the bot would answer. `run` takes its output streams and
 * the core as arguments, so tests drive it directly; `main.ts` wires it to the process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROMPT_LEVELS } from '../content/types.js';
import { CITATION_STYLES, cite, type CitationStyle } from '../core/cite.js';
import { compare } from '../core/compare.js';
import { passageContext } from '../core/context.js';
import type { Core } from '../core/index.js';
import { articleName, articleSource } from '../core/reader-text.js';
import { isPromptLevel, pickPrompt } from '../core/prompts.js';
import { parseQuery, searchPassages } from '../core/search/index.js';
import {
  articleJson,
  comparisonText,
  contextText,
  passageJson,
  passageText,
  promptText,
  type Style,
} from './format.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Style;
  readonly random?: () => number;
}

/** Exit codes: 0 done, 2 bad input (a one-line message on stderr). */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export const USAGE = `Usage: npm run cli -- <command> [options]
       npm run --silent cli -- <command> --json     (JSON only on stdout, without npm's header)

  quote "<query>" [--article ID] [--speaker NAME] [--limit N] [--json]   find passages
  compare "<topic>" [--limit N] [--json]        what each article says on a topic (id, title or free text)
  prompt [--topic ID] [--level understand|analyze|evaluate] [--json]    a discussion question with evidence
  articles [--json]                             the articles and their perspectives
  topics [--json]                               the curated topics
  context <passageId> [--radius N] [--json]     the paragraphs around a passage
  cite <passageId|articleId> [--style apa|mla] [--json]                 APA and MLA citations`;

/** Said on stderr when npm's header line went to stdout ahead of the JSON. */
export const JSON_HINT =
  'npm printed its own header line on stdout above the JSON. For JSON only, run: npm run --silent cli -- <command> --json';

/**
 * Whether npm printed its header ("> discussion-guide-bot@… cli", on stdout) before starting this
 * process: it does for every `npm run` unless --silent (or loglevel=silent) was given.
 */
export function npmPrintedBanner(env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event !== undefined && env.npm_config_loglevel !== 'silent';
}

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  article: { type: 'string' },
  speaker: { type: 'string' },
  limit: { type: 'string' },
  topic: { type: 'string' },
  level: { type: 'string' },
  radius: { type: 'string' },
  style: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return n;
}

function oneArg(positionals: string[], what: string): string {
  const [value, extra] = positionals;
  if (value === undefined || value.trim() === '') throw new UsageError(`Give ${what}.`);
  if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": put ${what} in quotes.`);
  return value;
}

export function run(argv: readonly string[], core: Core, io: Io): number {
  try {
    return dispatch(argv, core, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(e.message.split('\n')[0] ?? 'Bad arguments.');
      return EXIT_USAGE;
    }
    throw e;
  }
}

function dispatch(argv: readonly string[], core: Core, io: Io): number {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const { content, index } = core;
  const print = (json: unknown, text: () => string) => {
    io.out(values.json ? JSON.stringify(json, null, 2) : text());
  };

  if (command === undefined || ['help', '--help', '-h'].includes(command) || values.help) {
    io.out(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }

  switch (command) {
    case 'quote': {
      const query = oneArg(positionals, 'a query, e.g. quote "ammunition, not a ride"');
      if (values.article !== undefined && !content.articleById.has(values.article)) {
        throw new UsageError(
          `Unknown article "${values.article}". Articles: ${content.articles.map((a) => a.id).join(', ')}.`,
        );
      }
      if (
        parseQuery(query).terms.length === 0 &&
        !index.passages.has(query.trim()) &&
        !/\p{L}|\p{N}/u.test(query)
      ) {
        throw new UsageError('The query has no words to search for.');
      }
      const hits = searchPassages(index, query, {
        ...(values.article !== undefined && { articleId: values.article }),
        ...(values.speaker !== undefined && { speaker: values.speaker }),
        limit: positiveInt(values.limit, 'limit', 5, 25),
      });
      print(
        {
          query,
          results: hits.map((h) => passageJson(h.passage, content.articleById.get(h.passage.articleId), h)),
        },
        () =>
          hits.length === 0
            ? `No passage matches “${query}”.`
            : hits
                .map((h, i) =>
                  passageText(
                    h.passage,
                    content.articleById.get(h.passage.articleId),
                    h.matched,
                    io.style,
                    `${i + 1}. `,
                  ),
                )
                .join('\n\n'),
      );
      return EXIT_OK;
    }
    case 'compare': {
      const topic = oneArg(positionals, 'a topic, e.g. compare minerals-deal');
      const result = compare(content, index, topic, {
        perArticle: positiveInt(values.limit, 'limit', 2, 10),
      });
      if (!result) throw new UsageError('The topic has no words to search for.');
      print(
        {
          topic: result.topic?.id ?? topic,
          title: result.title,
          perspectives: result.perspectives.map((p) => ({
            articleId: p.article.id,
            label: p.label,
            addressed: p.passages.length > 0,
            total: p.total,
            passages: p.passages.map((h) => passageJson(h.passage, p.article, h, h.pinned)),
          })),
        },
        () => comparisonText(result, io.style),
      );
      return EXIT_OK;
    }
    case 'prompt': {
      if (positionals.length > 0) throw new UsageError('prompt takes options only: --topic ID --level L.');
      const level = values.level;
      if (level !== undefined && !isPromptLevel(level))
        throw new UsageError(`--level must be one of: ${PROMPT_LEVELS.join(', ')}.`);
      const result = pickPrompt(content, index, {
        ...(values.topic !== undefined && { topicId: values.topic }),
        ...(level !== undefined && { level }),
        ...(io.random && { random: io.random }),
      });
      if (!result.ok) throw new UsageError(result.error);
      const { prompt, evidence } = result.pick;
      print(
        {
          prompt: { ...prompt },
          evidence: evidence.perspectives.map((p) => ({
            articleId: p.article.id,
            label: p.label,
            passages: p.passages.map((h) => passageJson(h.passage, p.article, h, h.pinned)),
          })),
        },
        () => promptText(result.pick, io.style),
      );
      return EXIT_OK;
    }
    case 'articles': {
      print({ articles: content.articles.map(articleJson) }, () =>
        content.articles
          .map((a) =>
            [
              `${io.style.bold(articleName(a))} ${io.style.dim(`[${a.id}]`)}`,
              `   ${a.authors.join(', ')} — ${articleSource(a)}${a.url ? `\n   ${a.url}` : ''}`,
              `   Perspective: ${a.perspective}`,
              `   ${a.summary}`,
              ...(a.notice ? [io.style.dim(`   Note: ${a.notice}`)] : []),
            ].join('\n'),
          )
          .join('\n\n'),
      );
      return EXIT_OK;
    }
    case 'topics': {
      print(
        {
          topics: content.topics.map((t) => ({ id: t.id, title: t.title, terms: t.terms, pinned: t.pinned })),
        },
        () => content.topics.map((t) => `${t.id.padEnd(18)} ${t.title}`).join('\n'),
      );
      return EXIT_OK;
    }
    case 'context': {
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
      return EXIT_OK;
    }
    case 'cite': {
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
      print({ id, citations }, () =>
        citations
          .map((c) => `${io.style.bold(c.style.toUpperCase())}  ${c.reference}\n     In text: ${c.inText}`)
          .join('\n'),
      );
      return EXIT_OK;
    }
    default:
      throw new UsageError(
        `Unknown command "${command}". Commands: quote, compare, prompt, articles, topics, context, cite.`,
      );
  }
}
