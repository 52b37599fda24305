/** Two tiny articles for the /compare and /prompt renderers: one on gas, one on bread. */
import { compare, type Comparison } from '../../src/core/compare.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { tinyContent } from './content.js';

export const TINY = tinyContent([
  {
    id: 'alpha',
    body: [
      'Europe worried about the price of natural gas.',
      'The gas pipeline to *Germany* was a threat.',
      'Nothing here about fuel.',
    ].join('\n\n'),
    extra: ['short: Alpha (The Outlet)', 'url: https://example.com/alpha', 'notice: A _partial_ copy.'].join(
      '\n',
    ),
  },
  { id: 'beta', body: 'Bread is baked daily.' },
]);
const tinyIndex = createSearchIndex(TINY.passages.values());

export function tinyCompare(input: string): Comparison {
  const c = compare(TINY, tinyIndex, input);
  if (!c) throw new Error(`no comparison for ${input}`);
  return c;
}
