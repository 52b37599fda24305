/**
 * The bot on the many-articles class (tests/helpers/many-library.ts), started before a test file's
 * tests and stopped after them: what the e2e files about prompts and answers share.
 */
import { afterAll, beforeAll } from 'vitest';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';
import { startStack, type Stack } from './harness.js';

export interface ManyStack {
  readonly stack: Stack;
  readonly many: ManyLibrary;
}

/** Registers the file's set-up and tear-down; read `stack` and `many` inside its tests. */
export function manyLibraryStack(): ManyStack {
  let running: ManyStack | undefined;
  beforeAll(async () => {
    const many = await manyLibrary();
    running = { many, stack: await startStack({ env: { CONTENT_DIR: many.dir } }) };
  });
  afterAll(async () => {
    await running?.stack.stop();
    running?.many.remove();
  });
  const started = (): ManyStack => {
    if (!running) throw new Error('the many-articles stack is read before it started');
    return running;
  };
  return {
    get stack() {
      return started().stack;
    },
    get many() {
      return started().many;
    },
  };
}
