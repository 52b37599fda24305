import { describe, expect, it } from 'vitest';
import { summarizeAnswers } from '../../src/core/discussion/summary.js';
import { CHART_ZOOM, chartFont, chartSvg, drawChart } from '../../src/render/chart-image.js';
import { CHART_MAX_STUDENTS, chartSpec, studentLabels } from '../../src/render/summary-chart.js';
import { ANN, answer, classAnswers, content } from '../helpers/answers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The words of the SVG's <text> elements, unescaped. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('studentLabels', () => {
  it('adds pseudonyms, and tells apart students with the same name', () => {
    const s = summarizeAnswers(
      [
        answer('1', 'Sam', { pseudonym: 'Student 2' }),
        answer('2', 'Sam'),
        answer('3', 'Sam'),
        answer('4', ' '),
      ],
      content,
    );
    expect(studentLabels(s.students)).toEqual(['4', 'Sam · Student 2', 'Sam', 'Sam (2)']);
  });
});

describe('the summary chart', () => {
  const summary = summarizeAnswers(classAnswers(), content);

  it('draws the students’ names, their answer counts and the articles into the SVG', async () => {
    const texts = svgTexts(await chartSvg(chartSpec(summary, content)));
    for (const name of ['Ann', 'Bob', 'Cat']) expect(texts).toContain(name);
    for (const article of ['Alpha (The Outlet)', 'Beta *Weekly*']) expect(texts).toContain(article);
    expect(texts).toContain('Answers per student');
    expect(texts).toContain('Evidence per article');
    // Each bar's count at its end: Ann 3, Bob 3, Cat none but one withdrawn; alpha 3, beta 1.
    const counts = texts.filter((t) => /^\d/.test(t) && !/^\d+(\.\d+)?$/.test(t));
    expect(counts).toEqual(['0 (1 withdrawn)']);
    const plain = (t: string) => /^\d+$/.test(t);
    // Axis ticks 0…3 twice, then the bar ends: 3, 3 for Ann and Bob, 3 and 1 for the articles.
    expect(texts.filter(plain).sort()).toEqual(
      ['0', '0', '1', '1', '1', '2', '2', '3', '3', '3', '3', '3'].sort(),
    );
    expect(texts).toContain('Evidence found in an article');
  });
  it('ticks whole numbers only, also when every count is 1 (no "0 1 1" from a tick at 0.5)', async () => {
    const one = summarizeAnswers(
      [
        answer('1', 'Ann', { evidence: 'alpha#1', passageId: 'alpha#1' }),
        answer('2', 'Bob', { evidence: 'beta#1', passageId: 'beta#1' }),
      ],
      content,
    );
    const ticks = svgTexts(await chartSvg(chartSpec(one, content))).filter((t) => /^\d+$/.test(t));
    // Each chart: its axis 0 and 1, then a 1 at the end of each of its two bars. No tick at 0.5.
    expect(ticks.sort()).toEqual(['0', '0', '1', '1', '1', '1', '1', '1']);
  });

  it('makes a PNG of sane size', async () => {
    const image = await drawChart(chartSpec(summary, content));
    expect([...image.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = pngSize(image.png);
    expect(size).toEqual({ width: image.width, height: image.height });
    expect(size.width).toBeGreaterThanOrEqual(400 * CHART_ZOOM);
    expect(size.width).toBeLessThanOrEqual(1200 * CHART_ZOOM);
    expect(size.height).toBeGreaterThanOrEqual(150 * CHART_ZOOM);
    expect(size.height).toBeLessThanOrEqual(1000 * CHART_ZOOM);
    expect(image.png.length).toBeLessThan(1024 * 1024);
  });
  it('grows with the class, and cuts a very large one with a title that says so', async () => {
    const many = (n: number) =>
      summarizeAnswers(
        Array.from({ length: n }, (_, i) =>
          answer(String(1000 + i), `Student name ${String(i).padStart(3, '0')}`),
        ),
        content,
      );
    const small = await drawChart(chartSpec(many(5), content));
    const large = await drawChart(chartSpec(many(40), content));
    expect(large.height).toBeGreaterThan(small.height);
    const svg = await chartSvg(chartSpec(many(CHART_MAX_STUDENTS + 5), content));
    const texts = svgTexts(svg);
    expect(texts).toContain(
      `Answers per student (first ${CHART_MAX_STUDENTS} of ${CHART_MAX_STUDENTS + 5} students)`,
    );
    expect(texts).toContain(`Student name ${String(CHART_MAX_STUDENTS - 1).padStart(3, '0')}`);
    expect(texts).not.toContain(`Student name ${String(CHART_MAX_STUDENTS).padStart(3, '0')}`);
  });
  it('escapes a name that looks like markup', async () => {
    const s = summarizeAnswers([answer(ANN, '<script>&"x"</script>')], content);
    const svg = await chartSvg(chartSpec(s, content));
    expect(svg).not.toContain('<script>');
    expect(svgTexts(svg)).toContain('<script>&"x"</script>');
  });
  it('draws an empty class without failing', async () => {
    const image = await drawChart(chartSpec(summarizeAnswers([], content), content));
    expect([...image.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  });
  it('finds a font on this machine (install fonts-dejavu-core where it does not)', () => {
    expect(chartFont()).toBeDefined();
  });
});
