import { describe, expect, it } from 'vitest';
import { commandsByName } from '../../commands/index.js';
import { buttonHandler, handlerFor } from '../../src/bot/router.js';

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

describe('handlerFor: modal submits and selects', () => {
  it('finds the Respond modal and the preview’s selects by their custom ids, own keys only', () => {
    const prompt = commandsByName.get('prompt');
    expect(handlerFor(commandsByName, 'prompt|draft|1|0|2', 'modals')?.handler).toBe(prompt?.modals?.draft);
    expect(handlerFor(commandsByName, 'prompt|pick|1|0|2', 'selects')?.fields).toEqual(['1', '0', '2']);
    expect(handlerFor(commandsByName, 'prompt|side|1|0|2', 'selects')?.handler).toBe(prompt?.selects?.side);
    expect(handlerFor(commandsByName, 'prompt|draft|1', 'selects')).toBeUndefined();
    expect(handlerFor(commandsByName, 'prompt|constructor|1', 'modals')).toBeUndefined();
    expect(handlerFor(commandsByName, 'quote|draft|1', 'modals')).toBeUndefined();
  });
});
