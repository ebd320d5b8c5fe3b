import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from './client';
import { StrapiError } from './errors';
import { sendJson, startTestServer, type TestServer } from './test-server';

// The client's own reading of a refused form (a real local server, as in client.test.ts):
// a 400's `details.errors` come out as `fieldErrors`, so a form never parses the envelope.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(() => server.close());

const FORM = { formToken: 't', altcha: 'a', topic: 'stampa' as const, message: 'Un messaggio abbastanza lungo.', email: 'a@b.it', privacyAccepted: true as const };

async function refusal(body: unknown, status = 400): Promise<StrapiError> {
  server.handle = (_req, res) => sendJson(res, status, body);
  const error = await createStrapiClient({ baseURL: server.origin }).contactMessages.send(FORM).catch((cause: unknown) => cause);
  if (!(error instanceof StrapiError)) throw new Error(`expected a StrapiError, got ${String(error)}`);
  return error;
}

describe('StrapiError.fieldErrors', () => {
  it('are the field errors of a 400, by field path, the malformed ones left out', async () => {
    const error = await refusal({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Invalid contact message',
        details: { errors: [
          { field: 'email', code: 'email.invalid', message: 'Questo indirizzo e-mail non sembra valido.' },
          { field: '_form', code: 'antiabuse.too_fast', message: 'Troppo in fretta.' },
          { field: 'message' },
          'not an error',
        ] },
      },
    });
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual([
      { field: 'email', code: 'email.invalid', message: 'Questo indirizzo e-mail non sembra valido.' },
      { field: '_form', code: 'antiabuse.too_fast', message: 'Troppo in fretta.' },
    ]);
  });

  it('are read even from an envelope the client does not accept as whole', async () => {
    const error = await refusal({ error: { details: { errors: [{ field: 'story', code: 'story.too_short', message: 'Troppo corta.' }] } } });
    expect(error.body).toBeUndefined();
    expect(error.fieldErrors).toEqual([{ field: 'story', code: 'story.too_short', message: 'Troppo corta.' }]);
  });

  it('are empty when the answer names no field, and for an error built without a body', async () => {
    expect((await refusal({ data: null, error: { status: 500, name: 'InternalServerError', message: 'Boom' } }, 500)).fieldErrors).toEqual([]);
    expect((await refusal('<html>Bad Gateway</html>', 502)).fieldErrors).toEqual([]);
    expect(new StrapiError({ method: 'POST', url: '/api/contact-messages', status: 0 }).fieldErrors).toEqual([]);
  });

  it('come from the body when an error is built by hand (the site\'s tests)', () => {
    const error = new StrapiError({
      method: 'POST',
      url: '/api/testimony-submissions',
      status: 400,
      body: { status: 400, name: 'ValidationError', message: 'Invalid', details: { errors: [{ field: 'title', code: 'title.required', message: 'Scrivi un titolo.' }] } },
    });
    expect(error.fieldErrors).toEqual([{ field: 'title', code: 'title.required', message: 'Scrivi un titolo.' }]);
  });
});
