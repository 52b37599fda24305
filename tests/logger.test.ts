import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubTokens } from '../src/logger.js';

describe('scrubTokens', () => {
  it('hides interaction tokens in webhook and callback URLs', () => {
    expect(scrubTokens('PATCH /api/v10/webhooks/123/aW50ZXJhY3Rpb246c2VjcmV0/messages/%40original')).toBe(
      'PATCH /api/v10/webhooks/123/[secret]/messages/%40original',
    );
    expect(scrubTokens('/interactions/456/tok.en-x/callback')).toBe('/interactions/456/[secret]/callback');
  });
});

describe('createLogger', () => {
  it('logs errors without tokens or request bodies', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger('info', sink);
    const err = Object.assign(new Error('Internal Server Error'), {
      url: 'http://127.0.0.1/api/v10/webhooks/1/SECRETTOKEN/messages/%40original',
      requestBody: { json: { content: 'SECRETBODY' } },
    });
    log.error({ err, token: 'BOTTOKEN', interactionId: '9' }, 'interaction failed');
    expect(out).toContain('"interactionId":"9"');
    expect(out).toContain('webhooks/1/[secret]/messages');
    for (const secret of ['SECRETTOKEN', 'SECRETBODY', 'BOTTOKEN']) expect(out).not.toContain(secret);
  });
});
