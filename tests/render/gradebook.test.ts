import { describe, expect, it } from 'vitest';
import { summarizeAnswers } from '../../src/core/discussion/summary.js';
import { GRADEBOOK_HEADER, gradebookCsv } from '../../src/render/gradebook.js';
import { ANN, BOB, CAT, answer, classAnswers, content } from '../helpers/answers.js';
import { parseCsv } from '../helpers/csv.js';

const table = (csv: string) => {
  const [header = [], ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

describe('gradebookCsv', () => {
  it('has one row per student, with the header', () => {
    const csv = gradebookCsv(summarizeAnswers(classAnswers(), content), content);
    expect(parseCsv(csv)[0]).toEqual([...GRADEBOOK_HEADER]);
    const rows = table(csv);
    expect(rows.map((r) => [r.name, r['user id']])).toEqual([
      ['Ann', ANN],
      ['Bob', BOB],
      ['Cat', CAT],
    ]);
  });
  it('counts answers, evidence, resolved evidence and withdrawn answers', () => {
    const rows = table(gradebookCsv(summarizeAnswers(classAnswers(), content), content));
    const counts = rows.map((r) => [
      r.answers,
      r['with evidence'],
      r['resolved evidence'],
      r['unresolved evidence'],
      r.withdrawn,
    ]);
    expect(counts).toEqual([
      ['3', '3', '3', '0', '0'],
      ['3', '3', '1', '2', '0'],
      ['0', '0', '0', '0', '1'],
    ]);
    expect(rows[0]?.['articles cited']).toBe('Alpha (The Outlet)');
    expect(rows[0]?.['sides chosen']).toBe('Alpha (The Outlet)');
    expect(rows[0]?.['passages cited']).toBe('alpha#1; alpha#2; alpha#1');
    expect(rows[1]?.['sides chosen']).toBe('Beta *Weekly*');
  });
  it('keeps the answers’ text, with their evidence and reasoning, in the last column', () => {
    const rows = table(gradebookCsv(summarizeAnswers(classAnswers(), content), content));
    expect(rows[0]?.['answer texts']).toContain('[evidence alpha#2]\nWhy: It says so.');
    expect(rows[1]?.['answer texts']).toContain('[evidence alpha#9 (no longer in the content)]');
    expect(rows[1]?.['answer texts']).toContain('[evidence not found: "words that match nothing"]');
  });
  it('defuses a name or an answer a spreadsheet would run as a formula', () => {
    const csv = gradebookCsv(
      summarizeAnswers(
        [answer(ANN, '=HYPERLINK("http://evil","x")', { answer: '+cmd|calc', pseudonym: '@Student 1' })],
        content,
      ),
      content,
    );
    const [row] = table(csv);
    expect(row?.name).toBe('\'=HYPERLINK("http://evil","x")');
    expect(row?.pseudonyms).toBe("'@Student 1");
    expect(row?.['answer texts']).toMatch(/^'\+cmd\|calc/);
  });
  it('shows pseudonyms next to real names (teachers only)', () => {
    const [row] = table(
      gradebookCsv(summarizeAnswers([answer(CAT, 'Cat', { pseudonym: 'Student 7' })], content), content),
    );
    expect([row?.name, row?.pseudonyms]).toEqual(['Cat', 'Student 7']);
  });
  it('is just the header for no answers', () => {
    expect(parseCsv(gradebookCsv(summarizeAnswers([], content), content))).toEqual([[...GRADEBOOK_HEADER]]);
  });
});
