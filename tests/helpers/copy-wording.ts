/**
 * A small article whose copy is garbled in places, with the editor's corrections: a hidden word of
 * the copy ("equally", "alerts") must never find a passage, except through its garbled phrase.
 */
import type { TinyArticle } from './content.js';

export const GARBLED: TinyArticle = {
  id: 'garbled',
  body: [
    'The sanctions remain, which alerts a tough stance on Moscow.',
    'The two allies equally committed to the pact, the minister said.',
    'Equality before the law was the other topic of the summit.',
    'An alert went out at noon, and the summit closed early.',
    'The pipeline carries natural gasoline to Europe.',
  ].join('\n\n'),
  extra: [
    'corrections:',
    "  - { from: 'which alerts', to: 'which signals' }",
    "  - { from: 'equally', to: 'appear similarly' }",
    "  - { from: 'gasoline', to: 'gas' }",
  ].join('\n'),
};
