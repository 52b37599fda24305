/**
 * Prompts for the articles outside every curated topic: the questions in templates.yaml, filled
 * with names and words the article itself has (its authors, label, title and section headings),
 * and shown with that article's own passages as evidence. Nothing here writes prose.
 *
 * "Outside every curated topic" uses the rule of /compare: an article addresses a topic when
 * {@link compare} finds (or the editor pinned) at least one of its passages on it.
 */
import { fillTemplate } from '../content/templates.js';
import type { Article, Content, Passage, PromptLevel, PromptTemplate } from '../content/types.js';
import { compare, DEFAULT_PER_ARTICLE, type Comparison, type Perspective } from './compare.js';
import { articleName } from './reader-text.js';
import type { SearchIndex } from './search/index.js';

/** A question from templates.yaml filled for one article. */
export interface TemplatedPrompt {
  /** `article:<article-id>:<level>:<n>.<m>`: the level's n-th template, the article's m-th subject. */
  readonly id: string;
  readonly articleId: string;
  readonly level: PromptLevel;
  readonly text: string;
  /** What `{topic}` was filled with: a section heading, or the article's title. */
  readonly subject: string;
  /** 1-based line of the template in templates.yaml. */
  readonly line: number;
}

/** Something an article is about, from the article itself, with its passages. */
export interface ArticleSubject {
  /** A section heading, or the article's title when it has no headings. */
  readonly text: string;
  readonly isHeading: boolean;
  readonly passages: readonly Passage[];
}

/** Whether a perspective of a comparison addresses its topic (the rule of /compare). */
export function addresses(p: Perspective): boolean {
  return p.total > 0;
}

/** For each article id, the ids of the curated topics it addresses, in topics.yaml order. */
export function topicsByArticle(content: Content, index: SearchIndex): Map<string, string[]> {
  const out = new Map<string, string[]>(content.articles.map((a) => [a.id, []]));
  for (const topic of content.topics) {
    for (const p of compare(content, index, topic.id)?.perspectives ?? []) {
      if (addresses(p)) out.get(p.article.id)?.push(topic.id);
    }
  }
  return out;
}

/** The articles that address no curated topic, in content order. */
export function articlesOutsideTopics(content: Content, index: SearchIndex): Article[] {
  const byArticle = topicsByArticle(content, index);
  return content.articles.filter((a) => (byArticle.get(a.id) ?? []).length === 0);
}

function titleOf(article: Article): string {
  return article.title ?? article.description ?? article.id;
}

/** The article's section headings with their passages, or else the whole article under its title. */
export function subjectsOf(article: Article): ArticleSubject[] {
  const bySection = new Map<string, Passage[]>();
  for (const p of article.passages) {
    if (p.section === undefined) continue;
    const list = bySection.get(p.section) ?? [];
    list.push(p);
    bySection.set(p.section, list);
  }
  if (bySection.size === 0) return [{ text: titleOf(article), isHeading: false, passages: article.passages }];
  return [...bySection].map(([text, passages]) => ({ text, isHeading: true, passages }));
}

/** Who `{author}` names: the authors ("A", "A and B", "A, B and C"), or the label when there are none. */
export function authorPhrase(article: Article): string {
  const names = article.authors;
  if (names.length === 0) return article.short;
  if (names.length === 1) return names[0] ?? article.short;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** A template naming both {title} and {topic} would name the title twice when the topic is the title. */
function fits(template: PromptTemplate, subject: ArticleSubject): boolean {
  return subject.isHeading || !(template.text.includes('{title}') && template.text.includes('{topic}'));
}

/** Every filling of the templates for one article: each template with each of its subjects. */
export function templatedPrompts(content: Content, article: Article): TemplatedPrompt[] {
  const subjects = subjectsOf(article);
  const out: TemplatedPrompt[] = [];
  const counts = new Map<PromptLevel, number>();
  for (const template of content.templates) {
    const n = (counts.get(template.level) ?? 0) + 1;
    counts.set(template.level, n);
    subjects.forEach((subject, m) => {
      if (!fits(template, subject)) return;
      out.push({
        id: `article:${article.id}:${template.level}:${n}.${m + 1}`,
        articleId: article.id,
        level: template.level,
        text: fillTemplate(template.text, {
          author: authorPhrase(article),
          label: article.short,
          title: titleOf(article),
          topic: subject.text,
        }),
        subject: subject.text,
        line: template.line,
      });
    });
  }
  return out;
}

/** The evidence for a templated prompt: the article's first passages on its subject. */
export function templateEvidence(content: Content, prompt: TemplatedPrompt): Comparison | null {
  const article = content.articleById.get(prompt.articleId);
  const subject = article && subjectsOf(article).find((s) => s.text === prompt.subject);
  if (!article || !subject) return null;
  const passages = subject.passages.slice(0, DEFAULT_PER_ARTICLE).map((passage) => ({
    passage,
    score: 1,
    matched: [],
    queryTerms: [],
    pinned: false,
  }));
  const perspective: Perspective = {
    article,
    label: article.perspective ?? articleName(article),
    passages,
    total: subject.passages.length,
    relevance: passages.length,
  };
  return { title: subject.text, perspectives: [perspective], addressing: [perspective], notAddressing: [] };
}
