/**
 * The payload every renderer returns, and {@link finalize}, the one function every payload goes
 * through. @discordjs/builders checks single fields set through builders; the message-level totals
 * (6000 embed characters, 10 embeds, 2000 content, rows, buttons per row, autocomplete choices) are
 * checked here, against the numbers in discord-limits.ts.
 */
import {
  ComponentType,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type RESTAPIPoll,
} from 'discord-api-types/v10';
import { LIMITS } from './discord-limits.js';
import { clip, dropLast } from '../core/graphemes.js';

/** What every renderer returns: Discord's JSON, plus whether only the user may see it. */
export interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  poll?: RESTAPIPoll;
  /** Files attached to the message (a chart, a CSV). */
  files?: PayloadFile[];
  /** Only the user who asked sees it. */
  ephemeral: boolean;
  /** Always `{ parse: [] }`: the bot never pings. */
  allowed_mentions: { parse: [] };
}

/** A file attached to a message. */
export interface PayloadFile {
  /** The file's name as Discord shows it: letters, digits, `.`, `_` and `-` (`chart.png`). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Alt text: what the file shows, for screen readers. */
  readonly description?: string;
}

/** A name Discord keeps as it is: it replaces other characters, and a renderer's names are fixed. */
export const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

export type Choice = APIApplicationCommandOptionChoice<string>;

/** A short private message: the one way every part of the bot says something only the user sees. */
export function privateNotice(content: string): Payload {
  return finalize({ ephemeral: true, content });
}

const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters, at a word boundary when one is near, with a visible "…".
 * Whole graphemes only (see {@link clip}), and never a dangling escaping backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const cut = clip(text, max - 1);
  const space = cut.lastIndexOf(' ');
  let body = space > max * 0.5 ? clip(cut, space) : cut;
  while (body.endsWith('\\')) body = dropLast(body);
  return body + ELLIPSIS;
}

/**
 * Splits text into chunks of at most `max` characters at paragraph, sentence or word boundaries,
 * and always between graphemes. Nothing is dropped: joining the chunks (with the boundary
 * whitespace) gives back the text.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = clip(rest, max);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' '));
    let cut = at > max * 0.5 ? at : window.length;
    // Don't strand an escaping backslash.
    while (cut > 1 && rest.charAt(cut - 1) === '\\') cut--;
    // Don't cut inside **bold**: move the cut before an unclosed marker.
    const head = rest.slice(0, cut);
    const marks = head.match(/(?<!\\)\*\*/g)?.length ?? 0;
    if (marks % 2 === 1) {
      const open = head.lastIndexOf('**');
      if (open > 0) cut = open;
    }
    // Between graphemes; only a grapheme longer than a whole chunk (a letter with hundreds of
    // accents) is cut, between code points.
    cut = clip(rest, cut).length || clip(rest, max).length || codePointCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Where to cut a text's first `max` code units without splitting a surrogate pair (at least 1). */
function codePointCut(text: string, max: number): number {
  const high = /[\uD800-\uDBFF]/.test(text.charAt(max - 1));
  return high && max > 1 ? max - 1 : Math.max(1, max);
}

export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function fitEmbed(e: APIEmbed): APIEmbed {
  return {
    ...e,
    ...(e.title !== undefined && { title: truncate(e.title, LIMITS.embedTitle) }),
    ...(e.description !== undefined && { description: truncate(e.description, LIMITS.embedDescription) }),
    ...(e.footer && { footer: { ...e.footer, text: truncate(e.footer.text, LIMITS.footer) } }),
    ...(e.author && { author: { ...e.author, name: truncate(e.author.name, LIMITS.authorName) } }),
    ...(e.fields && {
      // Discord refuses a field with an empty name or value: it shows "…" instead.
      fields: e.fields.slice(0, LIMITS.embedFields).map((f) => ({
        ...f,
        name: truncate(f.name, LIMITS.fieldName) || ELLIPSIS,
        value: truncate(f.value, LIMITS.fieldValue) || ELLIPSIS,
      })),
    }),
  };
}

/** Size of each part of a split description: two parts and their titles fit in one message. */
export const CONTINUED_PART = 2700;

/**
 * Splits an embed whose description is too long into several, each marked as continued, so a long
 * passage is never cut silently. Other embeds pass through.
 */
export function splitEmbed(e: APIEmbed, max: number = LIMITS.embedDescription): APIEmbed[] {
  const description = e.description ?? '';
  if (description.length <= max) return [e];
  const marker = ' (continued)';
  // Parts small enough that two of them fit the 6000-character message total.
  const parts = splitText(description, Math.min(max, CONTINUED_PART) - 2);
  return parts.map((part, i) => {
    const first = i === 0;
    const last = i === parts.length - 1;
    const text = `${first ? '' : '…'}${part}${last ? '' : '…'}`;
    const { fields, footer, ...rest } = e;
    return {
      ...(first ? rest : { color: e.color }),
      ...(!first &&
        e.title !== undefined && { title: truncate(e.title, LIMITS.embedTitle - marker.length) + marker }),
      description: text,
      ...(last && fields && { fields }),
      ...(last && footer && { footer }),
    };
  });
}

function fitButton(b: APIButtonComponent): APIButtonComponent {
  return 'label' in b && b.label !== undefined ? { ...b, label: truncate(b.label, LIMITS.buttonLabel) } : b;
}

/** Thrown when a renderer builds something no trimming can make valid: a bug, not user input. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(`payload: ${message}`);
    this.name = 'PayloadError';
  }
}

/**
 * The one exit for every message payload. Long descriptions are split across embeds with a
 * visible continuation; embeds beyond the 6000-character total or the 10-embed cap are replaced
 * by a note saying how many were left out; other fields are trimmed with "…". `custom_id`s are
 * checked, never cut: a cut id would point at the wrong thing.
 */
export function finalize(p: Omit<Payload, 'allowed_mentions'>): Payload {
  const out: Payload = { ephemeral: p.ephemeral, allowed_mentions: { parse: [] } };
  if (p.content !== undefined) out.content = truncate(p.content, LIMITS.content);

  if (p.embeds && p.embeds.length > 0) {
    const split = p.embeds.flatMap((e) => splitEmbed(e).map(fitEmbed));
    const kept: APIEmbed[] = [];
    let total = 0;
    const noteRoom = 80;
    for (const [i, e] of split.entries()) {
      const len = embedLength(e);
      const remaining = split.length - i - 1;
      const needNote = remaining > 0;
      if (
        kept.length >= LIMITS.embeds - (needNote ? 1 : 0) ||
        total + len > LIMITS.embedTotal - (needNote ? noteRoom : 0)
      ) {
        const left = split.length - i;
        kept.push({ description: `…and ${left} more not shown here (Discord's message size limit).` });
        break;
      }
      kept.push(e);
      total += len;
    }
    out.embeds = kept;
  }

  if (p.components && p.components.length > 0) {
    if (p.components.length > LIMITS.actionRows)
      throw new PayloadError(`${p.components.length} action rows (max ${LIMITS.actionRows})`);
    const ids = new Set<string>();
    out.components = p.components.map((row) => {
      if (row.components.length > LIMITS.buttonsPerRow) {
        throw new PayloadError(`${row.components.length} buttons in a row (max ${LIMITS.buttonsPerRow})`);
      }
      return {
        ...row,
        components: row.components.map((c) => {
          if ('custom_id' in c) {
            if (c.custom_id.length < 1 || c.custom_id.length > LIMITS.customId) {
              throw new PayloadError(
                `custom_id of ${c.custom_id.length} characters: ${c.custom_id.slice(0, 40)}`,
              );
            }
            if (ids.has(c.custom_id)) throw new PayloadError(`duplicate custom_id ${c.custom_id}`);
            ids.add(c.custom_id);
          }
          return c.type === ComponentType.Button ? fitButton(c) : c;
        }),
      };
    });
  }

  if (p.poll) {
    const answers = p.poll.answers.slice(0, LIMITS.pollAnswers).map((a) => ({
      ...a,
      poll_media: { ...a.poll_media, text: truncate(a.poll_media.text ?? '', LIMITS.pollAnswer) },
    }));
    out.poll = {
      ...p.poll,
      question: { text: truncate(p.poll.question.text ?? '', LIMITS.pollQuestion) },
      answers,
      duration: Math.min(Math.max(1, p.poll.duration ?? 24), LIMITS.pollHours),
    };
  }
  if (p.files && p.files.length > 0) fitFiles(p.files, out);
  if (!out.content && !out.embeds?.length && !out.poll && !out.files?.length) out.content = '…';
  return out;
}

/**
 * The files within Discord's limits, into `out`. Too many files or a bad name is a renderer's bug;
 * a file too large to upload (it grew with the class) is left out, and the content says so.
 */
function fitFiles(files: readonly PayloadFile[], out: Payload): void {
  if (files.length > LIMITS.attachments) {
    throw new PayloadError(`${files.length} files (max ${LIMITS.attachments})`);
  }
  const names = new Set<string>();
  const kept: PayloadFile[] = [];
  const left: string[] = [];
  for (const f of files) {
    if (!FILE_NAME.test(f.name)) throw new PayloadError(`file name ${JSON.stringify(f.name.slice(0, 40))}`);
    if (names.has(f.name)) throw new PayloadError(`duplicate file name ${f.name}`);
    names.add(f.name);
    if (f.bytes.length > LIMITS.attachmentBytes) {
      left.push(f.name);
      continue;
    }
    const description = f.description?.replace(/\s+/g, ' ').trim();
    kept.push({
      name: f.name,
      bytes: f.bytes,
      ...(description && { description: truncate(description, LIMITS.attachmentDescription) }),
    });
  }
  if (kept.length > 0) out.files = kept;
  if (left.length > 0) {
    const note = `(${left.join(' and ')} left out: larger than Discord allows a bot to upload.)`;
    out.content = truncate(out.content ? `${out.content}\n${note}` : note, LIMITS.content);
  }
}

/** Autocomplete choices within Discord's limits: at most 25, names 1–100, values ≤ 100, no duplicates. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (c.value.length === 0 || c.value.length > LIMITS.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    const name = truncate(c.name.replace(/\s+/g, ' ').trim(), LIMITS.choiceName) || c.value;
    out.push({ name, value: c.value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}
