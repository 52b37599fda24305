/**
 * Checks that a discussion prompt has the evidence it asks about: every author a prompt names
 * (by surname, full name or the article's short label) must have something to show on the
 * prompt's topic. "Addresses the topic" is decided by {@link compare}, exactly as /compare and
 * /prompt show it, so the check and the bot never disagree.
 *
 * These are warnings for the content editor, not errors: the content stays usable.
 */
import { TOPICS_FILE } from '../content/load.js';
import type { Article, Content, ContentProblem, Passage, Prompt } from '../content/types.js';
import { compare, unusedWordsOf } from './compare.js';
import type { SearchIndex } from './search/index.js';
import { foldTypography } from './text.js';

/** An author a prompt names, and the article that is theirs. */
export interface NamedAuthor {
  readonly article: Article;
  /** The author's full name, e.g. "Tatsiana Kulakevich". */
  readonly name: string;
}

/**
 * The people whose article it is: its authors and, for an interview, the interviewee. An article
 * with neither (unsigned news) is named by its label, which then stands for its author.
 */
function authorsOf(article: Article): string[] {
  const people = [...new Set([...article.authors, ...(article.interviewee ? [article.interviewee] : [])])];
  return people.length > 0 ? people : [article.short];
}

function surname(name: string): string {
  return name.trim().split(/\s+/).at(-1) ?? name;
}

/** How a warning calls the named author: by surname, or by label for an article without one. */
function callName(author: NamedAuthor): string {
  return author.name === author.article.short ? author.name : surname(author.name);
}

/** Whole-word occurrence of `needle` in `text`, case as written (names are capitalised). */
function mentions(text: string, needle: string): boolean {
  const escaped = foldTypography(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** The authors a prompt's text names, by surname, full name or their article's short label. */
export function namedAuthors(content: Content, text: string): NamedAuthor[] {
  const folded = foldTypography(text);
  return content.articles.flatMap((article) => {
    const byLabel = mentions(folded, article.short);
    return authorsOf(article)
      .filter((name) => byLabel || mentions(folded, name) || mentions(folded, surname(name)))
      .map((name) => ({ article, name }));
  });
}

/** Whether a passage is the named author's own words (not the editors', an interviewer's or a quote). */
export function isOwnWords(passage: Passage, author: NamedAuthor): boolean {
  const { role, name } = passage.speaker;
  if (role === 'author')
    return author.article.authors.includes(author.name) || author.article.authors.length === 0;
  return role === 'interviewee' && name === author.name;
}

/**
 * One warning per named author of each prompt whose article does not address the prompt's topic,
 * or whose own words are not among the passages shown first (the rest are behind **More**).
 * Each is a `topics.yaml:line` problem whose message starts with "warning:".
 */
export function checkPrompts(content: Content, index: SearchIndex): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  for (const topic of content.topics) {
    const evidence = compare(content, index, topic.id);
    for (const prompt of topic.prompts) {
      for (const author of namedAuthors(content, prompt.text)) {
        const name = callName(author);
        const shown = evidence?.perspectives.find((p) => p.article.id === author.article.id)?.passages ?? [];
        const message =
          shown.length === 0
            ? `names ${name}, but ${author.article.id} does not address “${topic.title}”`
            : shown.some((h) => isOwnWords(h.passage, author))
              ? undefined
              : `names ${name}, but none of the passages shown first are ${name}’s own words`;
        if (message) warnings.push(warning(prompt, message));
      }
    }
  }
  return warnings;
}

function warning(prompt: Prompt, message: string): ContentProblem {
  return {
    file: TOPICS_FILE,
    line: prompt.line,
    message: `warning: prompt ${prompt.id} ${message}: pin a passage of theirs in this topic, or reword the question`,
  };
}

/**
 * The line of a topic's term in topics.yaml (`source`): the first line from the topic's `id:` on
 * that holds the term, else the `id:` line; 1 when the topic cannot be found.
 */
function termLine(source: string, topicId: string, term: string): number {
  const lines = source.split(/\r?\n/);
  const escaped = topicId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idLine = lines.findIndex((l) =>
    new RegExp(`^\\s*(-\\s+)?id:\\s*['"]?${escaped}['"]?\\s*(#.*)?$`).test(l),
  );
  if (idLine === -1) return 1;
  for (let k = idLine + 1; k < lines.length; k++) {
    if (/^\s*-\s+id:/.test(lines[k] ?? '')) break;
    if ((lines[k] ?? '').includes(term)) return k + 1;
  }
  return idLine + 1;
}

/**
 * A warning for each word of a curated topic's term that no article uses: /compare leaves it out
 * (and says so), so the term may be misspelled or about something the articles do not discuss.
 * `topicsSource`, the text of topics.yaml, places each warning on its term's line.
 */
export function checkTopicTerms(content: Content, index: SearchIndex, topicsSource = ''): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  for (const topic of content.topics) {
    for (const term of topic.terms) {
      const unused = unusedWordsOf(index, term);
      if (unused.length === 0) continue;
      warnings.push({
        file: TOPICS_FILE,
        line: termLine(topicsSource, topic.id, term),
        message: `warning: topic ${topic.id}, term “${term}”: no article uses ${unused.map((w) => `“${w}”`).join(', ')}, so /compare leaves ${unused.length > 1 ? 'them' : 'it'} out: check the spelling, or use the articles' words`,
      });
    }
  }
  return warnings;
}
