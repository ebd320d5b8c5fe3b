import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from './client';
import { StrapiError } from './errors';

// A real local HTTP server standing in for the CMS's contact endpoint.
let server: Server;
let origin: string;
const received: Array<{ method?: string; url?: string; body: unknown }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const body: unknown = JSON.parse(text || 'null');
      received.push({ method: req.method, url: req.url, body });
      res.setHeader('content-type', 'application/json');
      const data = (body as { data?: { message?: string } } | null)?.data;
      if (data?.message === 'troppi') {
        res.statusCode = 429;
        res.setHeader('retry-after', '120');
        res.end(JSON.stringify({ data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many submissions', details: {} } }));
        return;
      }
      res.statusCode = 202;
      res.end(JSON.stringify({ data: { id: 'msg123' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = {
  email: 'marta@example.org',
  topic: 'libro' as const,
  message: 'Il libro esiste anche in e-book?',
  privacyAccepted: true as const,
  formToken: 'v1.contact.token',
  altcha: 'payload',
  website: '',
};

describe('contactMessages.send', () => {
  it('posts { data } to /api/contact-messages and returns the receipt', async () => {
    const api = createStrapiClient({ baseURL: origin });
    expect(await api.contactMessages.send(message)).toEqual({ id: 'msg123' });
    expect(received.at(-1)).toEqual({ method: 'POST', url: '/api/contact-messages', body: { data: message } });
  });

  it('throws a StrapiError with the status and Retry-After', async () => {
    const api = createStrapiClient({ baseURL: origin });
    const error = await api.contactMessages.send({ ...message, message: 'troppi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120, method: 'POST', url: `${origin}/api/contact-messages` });
  });
});
