/**
 * From a draft to the article's fields and body: the title and byline are kept out of the text,
 * the kind is read or guessed (and a guess says so), interview voices are set when both names are
 * known, and quoted speech is proposed as `quotes:`.
 */
import { ARTICLE_KINDS } from '../content/types.js';
import type { ArticleFields } from './article-file.js';
import { dateOfLine, isDateLine } from './date-line.js';
import { collapse, type Draft, type DraftBlock } from './draft.js';
import { findQuotes, intervieweeFrom, markInterview, questionCount } from './speakers.js';

const same = (a: string, b: string): boolean => collapse(a).toLowerCase() === collapse(b).toLowerCase();

/** " | The Outlet" or " - The Outlet" at the end of a title, when the page names that outlet. */
function withoutOutlet(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[|–—:-]\\s+${escaped}$`, 'i'), '');
  return stripped === '' ? title : stripped;
}

/** Whether block `i` is at the top of the draft: up to the paragraph after the first one. */
function atTop(draft: Draft, i: number): boolean {
  const firstParagraph = draft.blocks.findIndex((b) => b.kind === 'paragraph');
  return i <= Math.max(firstParagraph, 0) + 1;
}

/**
 * The date a date line at the top gives (see date-line.ts), for an original whose metadata gives
 * none, with the line it was read from: a publication line before an "Updated" one.
 */
function dateAtTop(draft: Draft): { date: string; line: string } | undefined {
  const lines = draft.blocks
    .filter((b, i) => b.kind === 'paragraph' && atTop(draft, i) && isDateLine(b.text))
    .map((b) => b.text)
    .sort((a, b) => Number(/^(?:last )?updated\b/i.test(a)) - Number(/^(?:last )?updated\b/i.test(b)));
  for (const line of lines) {
    const date = dateOfLine(line);
    if (date !== undefined) return { date, line };
  }
  return undefined;
}

/** The body without the title heading, the byline and date lines at its top. */
function bodyBlocks(draft: Draft, title: string | undefined): DraftBlock[] {
  const { byline, authors } = draft.meta;
  const firstParagraph = draft.blocks.findIndex((b) => b.kind === 'paragraph');
  return draft.blocks.filter((b, i) => {
    const top = atTop(draft, i);
    if (b.kind === 'heading' && title && i < firstParagraph + 1 && same(b.text, title)) return false;
    if (b.kind !== 'paragraph' || !top) return true;
    if (byline && same(b.text, byline)) return false;
    if (isDateLine(b.text)) return false;
    const isBylineLine = /^by\s/i.test(b.text) && b.text.split(' ').length <= 12;
    return !(isBylineLine && authors.some((a) => b.text.includes(a)));
  });
}

/** A paragraph that starts like a heading (`# …`) cannot be written in the article format. */
function unwritable(blocks: DraftBlock[], uncertain: string[]): DraftBlock[] {
  return blocks.filter((b) => {
    if (b.kind !== 'paragraph' || !/^#{1,6}\s/.test(b.text)) return true;
    uncertain.push(
      `a paragraph starting with "#" was left out (the format reads it as a heading): "${b.text.slice(0, 60)}"`,
    );
    return false;
  });
}

const allowedKind = (kind: string): boolean => (ARTICLE_KINDS as readonly string[]).includes(kind);

interface KindChoice {
  kind: string;
  kindGuess?: string;
}

function chooseKind(stated: string | undefined, interview: boolean): KindChoice {
  if (interview) {
    return stated === 'interview' || stated === undefined
      ? { kind: 'interview', kindGuess: 'recognised from its questions and answers' }
      : {
          kind: 'interview',
          kindGuess: `the page says ${stated}; its questions and answers make it an interview`,
        };
  }
  if (stated && allowedKind(stated)) return { kind: stated };
  if (stated)
    return { kind: 'news', kindGuess: `a guess: the page says "${stated}", which is not a kind here yet` };
  return { kind: 'news', kindGuess: 'a guess: the original does not say what kind of article it is' };
}

export interface Decided {
  readonly fields: ArticleFields;
  readonly blocks: readonly DraftBlock[];
  /** Write the `[Q]`/`[A]` voice switches (both names are known). */
  readonly voices: boolean;
}

export function decideFields(draft: Draft, id: string, source: string, baseName: string): Decided {
  const { meta, uncertain } = draft;
  const outlet = meta.outlet ?? meta.organisation;
  const title = meta.title === undefined ? undefined : withoutOutlet(meta.title, outlet);
  if (meta.organisation && meta.authors.length === 0)
    uncertain.push(
      `the page names the organisation "${meta.organisation}" as author: written as \`{ organization: … }\`, not as a person`,
    );
  let blocks = unwritable(bodyBlocks(draft, title), uncertain);
  const interview = questionCount(blocks) >= 2;
  const { kind, kindGuess } = chooseKind(meta.kind, interview);
  let voices = false;
  let interviewer: string | undefined;
  let interviewee: string | undefined;
  if (interview) {
    blocks = markInterview(blocks);
    const opening = blocks
      .filter((b) => b.kind === 'paragraph' && !b.voice)
      .slice(0, 4)
      .map((b) => b.text);
    interviewee = intervieweeFrom([
      ...opening,
      ...(meta.summary ? [meta.summary] : []),
      ...(title ? [title] : []),
    ]);
    // The byline's one author asks the questions, unless the byline names the person interviewed.
    interviewer = meta.authors.length === 1 && meta.authors[0] !== interviewee ? meta.authors[0] : undefined;
    voices = interviewer !== undefined && interviewee !== undefined;
    if (voices)
      uncertain.push(
        `interview: questions by ${interviewer ?? ''} (the byline) and answers by ${interviewee ?? ''} (named in the opening): check both`,
      );
    else
      uncertain.push(
        'interview: the names of the interviewer and the person interviewed are not both clear; add `interviewer:` and `interviewee:` and mark questions [Q] and answers [A]',
      );
  }
  if (title === undefined)
    uncertain.push('the original gives no title: a `description` stands in; add a `title` if it has one');
  if (meta.authors.length === 0 && !meta.organisation)
    uncertain.push('no author is named: `authors` left out');
  const topDate = meta.date === undefined ? dateAtTop(draft) : undefined;
  if (topDate)
    uncertain.push(
      `the date ${topDate.date} was read from the line "${topDate.line}" at the top: check that it is when the article was published`,
    );
  const date = meta.date ?? topDate?.date;
  const quotes = findQuotes(blocks, uncertain);
  const fields: ArticleFields = {
    id,
    ...(title !== undefined ? { title } : { description: `Untitled text imported from "${baseName}"` }),
    authors: meta.authors,
    ...(meta.organisation !== undefined && meta.authors.length === 0 && { organisation: meta.organisation }),
    ...(voices && { interviewer, interviewee }),
    ...(outlet !== undefined && { outlet }),
    ...(date !== undefined && { date }),
    ...(meta.url !== undefined && { url: meta.url }),
    source,
    kind,
    ...(kindGuess !== undefined && { kindGuess }),
    ...(meta.summary !== undefined && { summary: meta.summary }),
    quotes,
  };
  return { fields, blocks, voices };
}
