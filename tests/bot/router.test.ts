import { describe, expect, it } from 'vitest';
import { commandsByName } from '../../commands/index.js';
import { buttonHandler } from '../../src/bot/router.js';

describe('buttonHandler', () => {
  it("finds a command's own button actions", () => {
    const found = buttonHandler(commandsByName, 'quote|cite|kulakevich-qa#8');
    expect(found?.handler).toBe(commandsByName.get('quote')?.buttons?.cite);
    expect(found?.fields).toEqual(['kulakevich-qa#8']);
  });

  it.each([
    'quote|constructor|x',
    'quote|toString|x',
    'quote|__proto__|x',
    'quote|hasOwnProperty|x',
    'quote|valueOf',
    'compare|constructor|x',
    'help|constructor|x', // a command without buttons
    'constructor|page|x', // not a command
    'quote|nothing|x',
    'quote',
    '',
  ])('finds nothing for %j', (customId) => {
    expect(buttonHandler(commandsByName, customId)).toBeUndefined();
  });
});
