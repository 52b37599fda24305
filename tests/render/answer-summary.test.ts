import { describe, expect, it } from 'vitest';
import { summarizeAnswers } from '../../src/core/discussion/summary.js';
import { CHART_FILE, CSV_FILE, answerSummaryAnswer, studentLine } from '../../src/render/answer-summary.js';
import { ANN, BOB, answer, classAnswers, content } from '../helpers/answers.js';
import { parseCsv } from '../helpers/csv.js';
import { expectWithinDiscordLimits } from '../helpers/payload.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('answerSummaryAnswer', () => {
  const out = answerSummaryAnswer(summarizeAnswers(classAnswers(), content), content, 'Discussion: Gas', png);
  const embed = out.embeds?.[0];
  const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value;

  it('is private, within Discord’s limits, and pings nobody', () => {
    expect(out.ephemeral).toBe(true);
    expectWithinDiscordLimits(out);
  });
  it('lists each student’s answers with the evidence cited and whether it was found', () => {
    expect(embed?.title).toBe('Answers in Discussion: Gas');
    expect(embed?.description?.split('\n')).toEqual([
      '**Ann** — 3 answers: ✓ alpha#1, ✓ alpha#2, ✓ alpha#1',
      '**Bob** — 3 answers: ✓ beta#1, ✗ alpha#9 (no longer in the articles), ✗ “words that match nothing” not found',
      '**Cat** — no answers; 1 withdrawn',
    ]);
    expect([field('Answers'), field('Withdrawn or removed'), field('Evidence found')]).toEqual([
      '6',
      '1',
      '4 of 6',
    ]);
  });
  it('says which articles the class drew on, and quotes the passages cited most', () => {
    expect(field('Articles the class drew on')?.split('\n')).toEqual([
      'Alpha (The Outlet): cited in 3 answers, the side of 2 answers',
      'Beta \\*Weekly\\*: cited in 1 answer, the side of 1 answer',
      'Neither or not asked: 3 answers',
    ]);
    expect(field('Passages cited most')?.split('\n')).toEqual([
      'alpha#1 — 2 answers, 1 student “First of alpha.”',
      'alpha#2 — 1 answer, 1 student “Second of alpha.”',
      'beta#1 — 1 answer, 1 student “Only paragraph of beta.”',
    ]);
  });
  it('attaches the chart and the gradebook CSV', () => {
    expect(out.files?.map((f) => f.name)).toEqual([CHART_FILE, CSV_FILE]);
    expect(out.files?.[0]?.bytes).toBe(png);
    const csv = parseCsv(new TextDecoder().decode(out.files?.[1]?.bytes));
    expect(csv.map((r) => r[0])).toEqual(['name', 'Ann', 'Bob', 'Cat']);
    expect(out.files?.every((f) => (f.description ?? '').length > 0)).toBe(true);
  });
  it('still sends the CSV when the chart could not be drawn', () => {
    const plain = answerSummaryAnswer(summarizeAnswers(classAnswers(), content), content, 'T');
    expect(plain.files?.map((f) => f.name)).toEqual([CSV_FILE]);
    expect(plain.embeds?.[0]?.footer?.text).not.toContain(CHART_FILE);
  });
  it('shows real names next to pseudonyms in anonymous mode (teachers only)', () => {
    const s = summarizeAnswers(
      [answer(ANN, 'Ann', { pseudonym: 'Student 7', passageId: 'beta#1' })],
      content,
    );
    const p = answerSummaryAnswer(s, content, 'T', png);
    expect(p.embeds?.[0]?.description).toBe('**Ann** (Student 7) — 1 answer: ✓ beta#1');
    expect(new TextDecoder().decode(p.files?.[1]?.bytes)).toContain(`Ann,${ANN},Student 7`);
  });
  it('escapes names and evidence a student typed', () => {
    const [student] = summarizeAnswers(
      [answer(BOB, '**@everyone** <@1>', { evidence: '`code` [x](http://y)' })],
      content,
    ).students;
    if (!student) throw new Error('no student');
    const line = studentLine(student);
    expect(line).toBe(
      '**\\*\\*@\u200Beveryone\\*\\* \\<@1\\>** — 1 answer: ✗ “\\`code\\` \\[x\\](http://y)” not found',
    );
  });
  it('fits a large class in one message and points to the CSV for the rest', () => {
    const records = Array.from({ length: 200 }, (_, i) =>
      answer(String(10_000 + i), `Student with a fairly long name ${i}`, { evidence: 'x'.repeat(100) }),
    );
    const p = answerSummaryAnswer(summarizeAnswers(records, content), content, 'T', png);
    expectWithinDiscordLimits(p);
    expect(p.embeds).toHaveLength(1);
    expect(p.embeds?.[0]?.description).toMatch(/…and \d+ more students: every student is in answers\.csv\.$/);
    expect(parseCsv(new TextDecoder().decode(p.files?.[1]?.bytes))).toHaveLength(201);
  });
  it('says nobody has answered yet', () => {
    const p = answerSummaryAnswer(summarizeAnswers([], content), content, 'T');
    expect(p.embeds?.[0]?.description).toBe('Nobody has answered yet.');
    expectWithinDiscordLimits(p);
  });
});
