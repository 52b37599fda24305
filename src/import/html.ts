/**
 * A web page (or a Word file or Markdown, as HTML) → paragraphs, headings, captions and credits.
 * The main text is found by Mozilla's Readability (Firefox's reader view) on a linkedom document;
 * navigation, ads, related links, share buttons, newsletter boxes and comments are removed first.
 * Paragraph text is taken with the same walk as the verbatim check (src/content/source-text.ts).
 */
import { Readability } from '@mozilla/readability';
import {
  BLOCK_TAGS,
  blockText,
  parseDocument,
  type DomDocument,
  type DomElement,
} from '../content/source-text.js';
import { collapse, type DraftBlock } from './draft.js';

/** Elements that are never article text. */
const JUNK_TAGS = ['nav', 'aside', 'footer', 'form', 'button', 'iframe', 'dialog', 'menu', 'noscript'];

/** Class, id or role words that mark page furniture, matched as whole words (`related-links`, `share_bar`). */
const JUNK_WORDS =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|related|more-stories|read-more|share|sharing|social|newsletter|subscribe|subscription|signup|sign-up|comments?|promo|advert|advertisement|ads?|ad-slot|sponsored|recommended|recommendations|popular|trending|most-read|cookie|paywall|outbrain|taboola|banner|complementary|contentinfo)(?:$|[-_\s])/i;

const KEEP = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Removes page furniture in place. */
export function removeJunk(document: DomDocument): void {
  for (const el of Array.from(document.querySelectorAll(JUNK_TAGS.join(',')))) el.remove();
  const pageLength = (document.body.textContent ?? '').length;
  // A wrapper with a furniture-like name ("page-with-ads") that holds the article is kept.
  const holdsArticle = (el: DomElement): boolean =>
    el.querySelector('h1, article, main') !== null || (el.textContent ?? '').length > pageLength / 2;
  for (const el of Array.from(document.querySelectorAll('[class],[id],[role],[aria-label]'))) {
    if (KEEP.has(el.tagName.toUpperCase()) || !el.isConnected || holdsArticle(el)) continue;
    const words = ['class', 'id', 'role', 'aria-label'].map((a) => el.getAttribute(a) ?? '').join(' ');
    if (JUNK_WORDS.test(words)) el.remove();
  }
}

const textOf = (el: DomElement): string => collapse(blockText(el));

const hasBlockInside = (el: DomElement): boolean =>
  Array.from(el.querySelectorAll('*')).some((c) => {
    const tag = c.tagName.toUpperCase();
    return tag !== 'BR' && BLOCK_TAGS.has(tag);
  });

/** All of the element's text is inside <strong> or <b>. */
function isBold(el: DomElement): boolean {
  const all = textOf(el);
  if (all === '') return false;
  const bold = Array.from(el.querySelectorAll('strong, b'))
    .filter((b) => !b.parentElement?.closest('strong, b') || b.parentElement === el)
    .map(textOf)
    .join(' ');
  return collapse(bold).replace(/\s/g, '') === all.replace(/\s/g, '');
}

const CREDIT_CLASS = /credit|copyright|byline|photographer|source|attribution|author/i;
const CREDIT_TEXT =
  /(?:^|\s)\(?((?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit|Foto)(?:\s+by)?\s*[:©/]\s*.+?|\s*(?:Photo|Image)s?\s+by\s+.+?|©\s*.+?|AP Photo\/.+?)\)?$/i;

/** A figure caption split into its caption and its credit. */
function captionBlocks(figcaption: DomElement): DraftBlock[] {
  const creditEls = Array.from(figcaption.querySelectorAll('*')).filter((e) =>
    CREDIT_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('itemprop') ?? ''}`),
  );
  let credit = creditEls.map(textOf).join(' ');
  for (const e of creditEls) e.remove();
  let caption = textOf(figcaption);
  if (credit === '') {
    const m = CREDIT_TEXT.exec(caption);
    if (m?.[1] && m.index > 0) {
      credit = m[1];
      caption = caption.slice(0, m.index);
    }
  }
  const out: DraftBlock[] = [];
  if (collapse(caption) !== '') out.push({ kind: 'caption', text: collapse(caption) });
  if (collapse(credit) !== '') out.push({ kind: 'credit', text: collapse(credit) });
  return out;
}

/** A paragraph that is only a photo credit ("Photo: X/AP", "… via Getty Images"). */
export const isCreditLine = (text: string): boolean =>
  text.split(' ').length <= 16 &&
  (/^(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit)(?:\s+by)?\s*[:©]/i.test(text) ||
    /(?:via|\/)\s*(?:Getty Images|AP|Reuters|AFP)\)?$/.test(text));

const PARAGRAPH_TAGS = new Set(['P', 'LI', 'PRE', 'DT', 'DD', 'BLOCKQUOTE', 'ADDRESS']);

/** Blocks of a container, in document order. Tables are left out (noted in `uncertain`). */
export function collectBlocks(root: DomElement, uncertain: string[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  let tables = 0;
  const loose: string[] = [];
  const flushLoose = (): void => {
    const text = collapse(loose.join(''));
    if (text !== '') out.push({ kind: 'paragraph', text });
    loose.length = 0;
  };
  const walk = (el: DomElement): void => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) {
        loose.push(node.textContent ?? '');
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node;
      const tag = child.tagName.toUpperCase();
      if (!BLOCK_TAGS.has(tag) && tag !== 'IMG' && tag !== 'PICTURE') {
        loose.push(blockText(child));
        continue;
      }
      flushLoose();
      if (/^H[1-6]$/.test(tag)) {
        const text = textOf(child);
        if (text !== '') out.push({ kind: 'heading', text });
      } else if (tag === 'FIGURE') {
        const caption = child.querySelector('figcaption');
        if (caption) out.push(...captionBlocks(caption));
      } else if (tag === 'FIGCAPTION') out.push(...captionBlocks(child));
      else if (tag === 'TABLE') tables++;
      else if (PARAGRAPH_TAGS.has(tag) && !hasBlockInside(child)) {
        const text = textOf(child);
        if (text !== '') out.push({ kind: 'paragraph', text, ...(isBold(child) && { bold: true }) });
      } else walk(child);
    }
    flushLoose();
  };
  walk(root);
  if (tables > 0) uncertain.push(`${tables} table(s) left out: add any text you need by hand`);
  return out;
}

/** Lines that are page furniture even inside the article. */
const FURNITURE =
  /^(?:advertisement|ad|sponsored|read more\b.*|related\b.*|see also\b.*|also read\b.*|sign up\b.*|subscribe\b.*|share this\b.*|share on\b.*|follow us\b.*|click here\b.*)$/i;

export interface HtmlText {
  readonly byline?: string;
  readonly blocks: DraftBlock[];
}

/**
 * The main text of a page. `document` is consumed (Readability changes it). Falls back to the
 * whole body, with furniture removed, when Readability finds no article.
 */
export function mainText(document: DomDocument, uncertain: string[]): HtmlText {
  removeJunk(document);
  const parsed = new Readability<DomElement>(document, {
    keepClasses: true,
    serializer: (node) => node as DomElement,
  }).parse();
  let root = parsed?.content ?? undefined;
  if (!root) {
    uncertain.push('the main text was not recognised: the whole page was taken; check for stray lines');
    root = document.body;
  }
  const blocks = collectBlocks(root, uncertain).filter((b) => !FURNITURE.test(b.text));
  const byline = parsed?.byline ? collapse(parsed.byline) : undefined;
  return { ...(byline && { byline }), blocks };
}

/** A fragment of HTML (from mammoth or marked) → blocks, with no furniture to remove. */
export function fragmentBlocks(html: string, uncertain: string[]): DraftBlock[] {
  return collectBlocks(parseDocument(html).body, uncertain);
}
