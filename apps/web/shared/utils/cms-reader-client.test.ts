import { StrapiError } from '@chiudete/types';
import { describe, expect, it } from 'vitest';
import { createReaderClient } from './cms-reader-client';

/** The typed client over a reader that answers from a table, recording what it was asked. */
function clientOver(answers: Record<string, { status: number; body: string } | Error>) {
  const asked: string[] = [];
  const client = createReaderClient(async (path) => {
    asked.push(path);
    const answer = answers[path.split('?')[0]!];
    if (!answer) return { status: 404, body: JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }) };
    if (answer instanceof Error) throw answer;
    return answer;
  }, 'https://cms.example.test');
  return { client, asked };
}

describe('the typed client over the CMS reader', () => {
  it('sends the same URLs the client would send on the wire, and parses the answers', async () => {
    const { client, asked } = clientOver({ '/global': { status: 200, body: JSON.stringify({ data: { siteName: 'Chiudete i Call Center' }, meta: {} }) } });
    expect((await client.global.get({ fields: ['siteName'] })).siteName).toBe('Chiudete i Call Center');
    expect(asked).toEqual(['/global?fields[0]=siteName']);
  });

  it('turns CMS errors into the client\'s typed errors', async () => {
    const { client } = clientOver({ '/articles': { status: 503, body: JSON.stringify({ data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'down' } }) } });
    const failure = await client.articles.list().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StrapiError);
    expect((failure as StrapiError).status).toBe(503);
    const missing = await client.articles.get('nope').catch((error: unknown) => error);
    expect((missing as StrapiError).kind).toBe('not_found');
  });

  it('reports a CMS that could not answer as a network failure (status 0), without retrying', async () => {
    const { client, asked } = clientOver({ '/global': new Error('the CMS did not answer: no answer within 1500 ms') });
    const failure = await client.global.get().catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 0, kind: 'network' });
    expect(asked).toHaveLength(1);
  });

  it('only reads', async () => {
    const { client } = clientOver({});
    await expect(client.http.post('/contact-messages', {})).rejects.toThrow(/only reads/);
  });
});
