/**
 * Downloading a file a teacher attached to /article add: checked against the size and type limits
 * before a byte is fetched (from what Discord says of the attachment), and again while downloading,
 * and only ever from Discord's own file servers (or, in tests and the sandbox, the configured API
 * host, where the stand-in serves them).
 */

/** Where Discord serves attachments. */
export const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/** The largest article file the bot downloads and imports (the importer's own default limit). */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** How long one download may take. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;

/** File types the importer reads, by extension, with the content types Discord may report for them. */
export const ARTICLE_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  html: ['text/html', 'application/xhtml+xml'],
  htm: ['text/html', 'application/xhtml+xml'],
  txt: ['text/plain'],
  md: ['text/markdown', 'text/x-markdown', 'text/plain'],
  docx: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/zip',
    'application/octet-stream',
  ],
};

/** ".html, .htm, .txt, .md or .docx" */
export const ARTICLE_FILE_LIST = (() => {
  const names = Object.keys(ARTICLE_FILE_TYPES).map((ext) => `.${ext}`);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
})();

/** What Discord says of an attachment (`resolved.attachments[id]`). */
export interface AttachmentInfo {
  readonly name: string;
  readonly size: number;
  readonly url: string;
  readonly contentType: string | null;
}

export interface DownloadOptions {
  /** Origins the file may come from. */
  readonly origins: readonly string[];
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/** A download refused or failed; the message is short and meant for the teacher. */
export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
}

/** The origins attachments are fetched from: Discord's file servers, and the configured API's host. */
export function attachmentOrigins(apiBase: string): readonly string[] {
  const own = URL.canParse(apiBase) ? new URL(apiBase).origin : undefined;
  return [...new Set([...DISCORD_ATTACHMENT_ORIGINS, ...(own ? [own] : [])])];
}

/** "2.5 MB", "300 kB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

function tooBig(max: number): AttachmentError {
  return new AttachmentError(
    `That file is larger than ${formatBytes(max)}, the most an article file can be.`,
  );
}

/** The file's extension in lower case ("" when it has none that could be one). */
export function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Why the attachment will not be downloaded, or undefined when it may be. Nothing is fetched. */
export function attachmentProblem(a: AttachmentInfo, options: DownloadOptions): string | undefined {
  const max = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const ext = extensionOf(a.name);
  const types = ARTICLE_FILE_TYPES[ext];
  if (!Object.hasOwn(ARTICLE_FILE_TYPES, ext) || !types) {
    return `The bot imports ${ARTICLE_FILE_LIST} files${ext ? `, not .${ext}` : ''}. Attach one of those, or give the page's address in url.`;
  }
  const reported = a.contentType?.split(';')[0]?.trim().toLowerCase();
  if (reported && !types.includes(reported)) {
    return `That file is named .${ext} but Discord reports it as ${reported.slice(0, 60)}. Attach a real .${ext} file.`;
  }
  if (a.size > max) return tooBig(max).message;
  if (!URL.canParse(a.url) || !options.origins.includes(new URL(a.url).origin)) {
    return 'That attachment is not on Discord’s file server, so the bot will not fetch it.';
  }
  return undefined;
}

/**
 * Downloads an attachment after {@link attachmentProblem} found nothing wrong; stops as soon as it
 * grows past the limit (whatever size Discord reported). Redirects are not followed: a file
 * somewhere else is not Discord's. Throws only {@link AttachmentError}.
 */
export async function downloadAttachment(a: AttachmentInfo, options: DownloadOptions): Promise<Uint8Array> {
  const problem = attachmentProblem(a, options);
  if (problem) throw new AttachmentError(problem);
  const max = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    const response = await fetch(a.url, { redirect: 'error', signal: controller.signal });
    if (!response.ok || !response.body) {
      throw new AttachmentError(
        `The attachment could not be downloaded (Discord answered ${response.status}). Attach it again.`,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) {
      controller.abort();
      throw tooBig(max);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > max) {
        controller.abort();
        throw tooBig(max);
      }
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } catch (e) {
    if (e instanceof AttachmentError) throw e;
    throw new AttachmentError(
      controller.signal.aborted
        ? 'Downloading the attachment took too long. Try again in a moment.'
        : 'The attachment could not be downloaded. Try again in a moment.',
    );
  } finally {
    clearTimeout(timer);
  }
}
