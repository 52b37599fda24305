/**
 * An independent check of Discord's documented limits (Discord's developer docs) on a rendered
 * payload. It does not reuse src/render/discord-limits.ts: a test that reused it could not catch a wrong limit.
 */
import { expect } from 'vitest';
import type { Payload } from '../../src/render/payload.js';

export function expectWithinDiscordLimits(p: Payload): void {
  expect(p.allowed_mentions).toEqual({ parse: [] });
  expect(
    p.content !== undefined ||
      (p.embeds?.length ?? 0) > 0 ||
      p.poll !== undefined ||
      (p.files?.length ?? 0) > 0,
  ).toBe(true);
  const files = p.files ?? [];
  expect(files.length).toBeLessThanOrEqual(10);
  expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  for (const f of files) {
    expect(f.bytes.length).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(f.description?.length ?? 0).toBeLessThanOrEqual(1024);
    expect(f.name).toMatch(/^[\w.-]+$/);
  }
  expect((p.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = p.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  const rows = p.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      if ('custom_id' in c) {
        expect(c.custom_id.length).toBeGreaterThan(0);
        expect(c.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(c.custom_id)).toBe(false);
        ids.add(c.custom_id);
      }
      if ('label' in c && c.label !== undefined) expect(c.label.length).toBeLessThanOrEqual(80);
    }
  }
  if (p.poll) {
    expect(p.poll.question.text?.length ?? 0).toBeLessThanOrEqual(300);
    expect(p.poll.answers.length).toBeLessThanOrEqual(10);
    for (const a of p.poll.answers) expect(a.poll_media.text?.length ?? 0).toBeLessThanOrEqual(55);
  }
}

/** Every `<@…>`, `<@&…>` and `@everyone` that would render as a mention, outside the allowed ones. */
export function mentionsIn(p: Payload): string[] {
  const text = [
    p.content ?? '',
    ...(p.embeds ?? []).map(
      (e) => `${e.description ?? ''} ${(e.fields ?? []).map((f) => f.value).join(' ')}`,
    ),
  ].join('\n');
  return [...text.matchAll(/(?<!\\)<@[!&]?\d+>|(?<!\\)@(?:everyone|here)\b/g)].map((m) => m[0]);
}

export const HOSTILE_QUERIES = [
  'x'.repeat(6000),
  'ammunition '.repeat(600),
  '@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>',
  '**bold** __under__ ~~strike~~ `code` ```block``` ||spoiler|| > quote # heading [link](https://evil.example)',
  '\u202Eevil right-to-left\u202C \u200B\u200C\u200Dzero\u2060width\uFEFF',
  'مرحبا بالعالم שלום עולם',
  '🙂🔥👍🏽 ammunition 🇺🇦',
  '.*+?^${}()|[]\\ (?<x>a)\\1 [^a-z]+$',
  '"unclosed phrase ammunition',
  '\n\n\t  \n',
  '%7C|%25|%',
];
