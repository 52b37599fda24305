/**
 * Saving and restoring the index, so a large corpus is not indexed again at every start. A saved
 * index is a header line (format, version, sha256 of the rest) and the index as JSON.
 */
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Passage } from '../../content/types.js';
import { indexedNames } from './speakers.js';
import type { ArticleCorrections } from './copy-wording.js';
import { assembleIndex, MINI_OPTIONS, type SearchIndex } from './search-index.js';

/** Bumped whenever the index's terms or options change, so older saved indexes are rebuilt. */
export const SAVED_INDEX_VERSION = 7;
const SAVED_FORMAT = 'discussion-guide-search-index';
/** First line of a saved index: its format, version and the sha256 of everything after the line. */
const SAVED_HEADER = new RegExp(`^${SAVED_FORMAT} v${SAVED_INDEX_VERSION} sha256:([0-9a-f]{64})$`);

interface SavedIndex {
  readonly format: typeof SAVED_FORMAT;
  readonly version: number;
  /** Of the passages indexed: a saved index only fits the passages it was built from. */
  readonly fingerprint: string;
  readonly mini: unknown;
  readonly documentFrequency: [string, number][];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A digest of what is indexed of each passage, in order. */
export function passagesFingerprint(passages: Iterable<Passage>): string {
  const hash = createHash('sha256');
  for (const p of passages)
    hash.update(`${p.id}\u0000${p.text}\u0000${p.corrected}\u0000${indexedNames(p).join('\u0002')}\u0001`);
  return `${SAVED_INDEX_VERSION}:${hash.digest('hex')}`;
}

/**
 * The index as text, to be restored with {@link loadSearchIndex} over the same passages: a header
 * line with the sha256 of the rest, then the index as JSON.
 */
export function saveSearchIndex(index: SearchIndex): string {
  const saved: SavedIndex = {
    format: SAVED_FORMAT,
    version: SAVED_INDEX_VERSION,
    fingerprint: passagesFingerprint(index.passages.values()),
    mini: index.mini.toJSON(),
    documentFrequency: [...index.documentFrequency],
  };
  const body = JSON.stringify(saved);
  return `${SAVED_FORMAT} v${SAVED_INDEX_VERSION} sha256:${sha256(body)}\n${body}`;
}

/**
 * Restores a saved index over the passages it was built from. Throws when the text is not a saved
 * index of this version, does not match its own checksum (altered or damaged: the passages'
 * fingerprint alone would not notice a changed document-id map), or was saved for other passages:
 * the caller then builds a fresh one.
 * `fingerprint`: the passages' {@link passagesFingerprint}, when the caller has it already;
 * `articles`: their corrections, as for createSearchIndex.
 */
export function loadSearchIndex(
  text: string,
  passages: Iterable<Passage>,
  fingerprint?: string,
  articles: Iterable<ArticleCorrections> = [],
): SearchIndex {
  const newline = text.indexOf('\n');
  const checksum = SAVED_HEADER.exec(newline === -1 ? '' : text.slice(0, newline))?.[1];
  if (checksum === undefined)
    throw new Error('This is not a saved search index of this version, or it is damaged.');
  const body = text.slice(newline + 1);
  if (sha256(body) !== checksum)
    throw new Error('The saved search index does not match its checksum: it was altered or damaged.');
  let saved: Partial<SavedIndex>;
  try {
    saved = JSON.parse(body) as Partial<SavedIndex>;
  } catch {
    throw new Error('The saved search index is truncated or damaged.');
  }
  if (saved.format !== SAVED_FORMAT || saved.version !== SAVED_INDEX_VERSION || !saved.documentFrequency)
    throw new Error('This is not a saved search index of this version.');
  const list = [...passages];
  if (saved.fingerprint !== (fingerprint ?? passagesFingerprint(list)))
    throw new Error('The saved search index was built from other passages.');
  const mini = MiniSearch.loadJS(saved.mini as Parameters<typeof MiniSearch.loadJS>[0], MINI_OPTIONS);
  return assembleIndex(mini, list, new Map(saved.documentFrequency), articles);
}
