/**
 * Writes a draft as an article file (front matter, then the body in the article format) and the
 * source's provenance note. Values go through the YAML library, so that every text round-trips.
 */
import { stringify } from 'yaml';
import type { DraftBlock, DraftQuote } from './draft.js';

/** Everything the front matter says, already decided. */
export interface ArticleFields {
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly authors: readonly string[];
  /** An organisation the original names as its author, when it names no person. */
  readonly organisation?: string;
  readonly interviewer?: string;
  readonly interviewee?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
  readonly source: string;
  readonly kind: string;
  /** Why the kind is a guess, when it is. */
  readonly kindGuess?: string;
  readonly summary?: string;
  readonly quotes: readonly DraftQuote[];
}

/** One YAML value on one line (flow style, never folded). */
const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** A comment line; a comment cannot hold a line break. */
const comment = (text: string): string => `# ${text.replace(/\s+/g, ' ')}`;

function frontMatter(f: ArticleFields, origin: string, uncertain: readonly string[]): string[] {
  const lines = [
    comment(`Imported by \`npm run content:add\` from ${origin}.`),
    comment('Every fact below is one the original states about itself; what it does not state is left out.'),
    comment(`Every paragraph is word for word in \`source\`; \`npm run content:check\` checks it.`),
  ];
  if (uncertain.length > 0) {
    lines.push(comment('Check these (the importer was not sure):'));
    for (const u of uncertain) lines.push(comment(`- ${u}`));
  }
  lines.push(`id: ${f.id}`);
  if (f.title !== undefined) lines.push(`title: ${scalar(f.title)}`);
  if (f.description !== undefined) lines.push(`description: ${scalar(f.description)}`);
  if (f.authors.length > 0) lines.push('authors:', ...f.authors.map((a) => `  - ${scalar(a)}`));
  else if (f.organisation !== undefined)
    lines.push('authors:', `  - organization: ${scalar(f.organisation)}`);
  else lines.push(comment('authors: the original names no author'));
  if (f.interviewer !== undefined) lines.push(`interviewer: ${scalar(f.interviewer)}`);
  if (f.interviewee !== undefined) lines.push(`interviewee: ${scalar(f.interviewee)}`);
  if (f.outlet !== undefined) lines.push(`outlet: ${scalar(f.outlet)}`);
  else lines.push(comment('outlet: the original does not name its outlet'));
  if (f.date !== undefined) lines.push(`date: ${f.date}`);
  else lines.push(comment('date: the original does not give its date'));
  if (f.url !== undefined) lines.push(`url: ${scalar(f.url)}`);
  lines.push(`source: ${f.source}`);
  lines.push(`kind: ${f.kind}${f.kindGuess ? `  ${comment(f.kindGuess)}` : ''}`);
  if (f.summary !== undefined) {
    lines.push(comment("summary: the original's own description, word for word"));
    lines.push(`summary: ${scalar(f.summary)}`);
  }
  lines.push(comment('perspective: for you to write, if you want one'));
  if (f.quotes.length > 0) {
    lines.push(
      comment("Other people's words inside paragraphs, found by their attribution (“…,” said Name)."),
    );
    lines.push('quotes:');
    for (const q of f.quotes) lines.push(`  - speaker: ${scalar(q.speaker)}`, `    text: ${scalar(q.text)}`);
  }
  return lines;
}

const TAG_OF: Readonly<Record<'Q' | 'A', string>> = { Q: '[Q] ', A: '[A] ' };

/** One block as a line of the body. A paragraph that starts with `[` is escaped as `\[`. */
function bodyLine(b: DraftBlock, voices: boolean): string {
  if (b.kind === 'heading') return `## ${b.text}`;
  if (b.kind === 'caption') return `[caption] ${b.text}`;
  if (b.kind === 'credit') return `[credit] ${b.text}`;
  const tag = voices && b.voice ? TAG_OF[b.voice] : '';
  return `${tag}${b.text.startsWith('[') ? '\\' : ''}${b.text}`;
}

/** The whole article file. `voices`: write the `[Q]`/`[A]` switches. */
export function articleMarkdown(
  fields: ArticleFields,
  blocks: readonly DraftBlock[],
  origin: string,
  uncertain: readonly string[],
  voices: boolean,
): string {
  const body = blocks.map((b) => bodyLine(b, voices));
  return ['---', ...frontMatter(fields, origin, uncertain), '---', '', body.join('\n\n'), ''].join('\n');
}

/** The note beside the original: where it came from, when, and its checksum. */
export function provenanceNote(p: {
  sourceFile: string;
  articleFile: string;
  origin: string;
  finalUrl?: string;
  fetchedAt: string;
  sha256: string;
}): string {
  return [
    `# ${p.sourceFile.replace(/^sources\//, '')}: where it comes from`,
    '',
    `The original of \`${p.articleFile}\`, saved byte for byte by the importer (\`npm run content:add\`).`,
    '',
    `- **From:** ${p.origin}`,
    ...(p.finalUrl ? [`- **Fetched from:** <${p.finalUrl}> (after redirects)`] : []),
    `- **When:** ${p.fetchedAt}`,
    `- **SHA-256:** \`${p.sha256}\``,
    '',
    'Do not edit it: `npm run content:check` compares every paragraph of the article with its text.',
    '',
  ].join('\n');
}
