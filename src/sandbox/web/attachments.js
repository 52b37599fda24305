// @ts-check
/**
 * The files a message carries: images shown inline, anything else as a download with its name and
 * size. Files are fetched from the page's own origin (/files/{id}/{name}), which serves them from
 * the stand-in.
 */
import { h, icon } from './dom.js';

/** @typedef {import('discord-api-types/v10').APIAttachment} Attachment */

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** The largest an inline image is drawn (CSS pixels), as Discord scales previews down. */
const MAX_IMAGE = { width: 400, height: 300 };

/** @param {Attachment} a */
const fileHref = (a) => `/files/${encodeURIComponent(a.id)}/${encodeURIComponent(a.filename)}`;

/** "512 bytes", "1.5 KB", "2.3 MB". @param {number} bytes */
export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** @param {Attachment} a */
function image(a) {
  const scale = Math.min(1, MAX_IMAGE.width / (a.width || 1), MAX_IMAGE.height / (a.height || 1));
  return h(
    'a',
    {
      class: 'attachment-image',
      href: fileHref(a),
      target: '_blank',
      rel: 'noopener',
      'data-testid': 'attachment-image',
    },
    h('img', {
      src: fileHref(a),
      alt: a.description || a.filename,
      width: a.width ? Math.round(a.width * scale) : null,
      height: a.height ? Math.round(a.height * scale) : null,
    }),
  );
}

/** @param {Attachment} a */
function file(a) {
  return h(
    'div',
    { class: 'attachment-file', 'data-testid': 'attachment-file' },
    h('span', { class: 'attachment-icon' }, icon('file', 30)),
    h(
      'span',
      { class: 'attachment-meta' },
      h('a', { class: 'attachment-name', href: fileHref(a), download: a.filename }, a.filename),
      h('span', { class: 'attachment-size' }, fileSize(a.size)),
    ),
  );
}

/** @param {readonly Attachment[]} attachments */
export function renderAttachments(attachments) {
  if (attachments.length === 0) return null;
  return h(
    'div',
    { class: 'attachments' },
    attachments.map((a) => (a.content_type && INLINE_IMAGES.has(a.content_type) ? image(a) : file(a))),
  );
}
