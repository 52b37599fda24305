import { describe, expect, it } from 'vitest';
import { dateOfLine, isDateLine } from '../../src/import/date-line.js';

describe('dateOfLine', () => {
  it.each([
    ['March 3, 2025', '2025-03-03'],
    ['Mar. 3, 2025', '2025-03-03'],
    ['Sept 30 2024', '2024-09-30'],
    ['14 March 2025', '2025-03-14'],
    ['3rd February 2025', '2025-02-03'],
    ['Published: 19 Feb 2025', '2025-02-19'],
    ['Updated Feb. 3, 2025, 10:04 a.m.', '2025-02-03'],
    ['2025-02-19', '2025-02-19'],
    ['February 2025', '2025-02'],
  ])('reads %j as %s', (line, date) => {
    expect(dateOfLine(line)).toBe(date);
  });

  it.each([
    // Day and month order differ between countries.
    '03/04/2025',
    // No such day.
    'February 30, 2025',
    '2025-02-30',
    // A sentence, not a date line.
    'The vote was on March 3, 2025.',
    'Marching on 3 2025',
  ])('reads no date from %j', (line) => {
    expect(dateOfLine(line)).toBeUndefined();
  });

  it('recognises a date line without a date it can read', () => {
    expect(isDateLine('03/04/2025')).toBe(true);
    expect(isDateLine('In 2024 it rained.')).toBe(false);
  });
});
