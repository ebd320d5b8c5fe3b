import { randomBytes } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import type { ParsedMail } from 'mailparser';
import { TEST_ADMIN } from './admin';
import { addressesOf } from './smtp';

/** The subscriber type (owned by src/api/newsletter-subscriber), written directly: the sending tests need many, fast. */
export const SUBSCRIBER = 'api::newsletter-subscriber.newsletter-subscriber';
export const ISSUE = 'api::newsletter-issue.newsletter-issue';
export const SEND = 'api::newsletter-send.newsletter-send';

export interface SubscriberSeed {
  email: string;
  confirmed: boolean;
  interests?: string[];
}

/** Creates subscribers as the subscribe flow leaves them (status, consent, notice, link secret); returns their documentIds by address. */
export async function createSubscribers(strapi: Core.Strapi, seeds: SubscriberSeed[]): Promise<Map<string, string>> {
  const now = new Date().toISOString();
  const query = strapi.db.query(SUBSCRIBER as UID.Schema);
  for (let start = 0; start < seeds.length; start += 200) {
    const data = seeds.slice(start, start + 200).map((seed) => ({
      documentId: randomBytes(12).toString('hex').slice(0, 24),
      email: seed.email,
      emailKey: seed.email.trim().toLowerCase(),
      subscriberStatus: seed.confirmed ? 'confermato' : 'da_confermare',
      interests: seed.interests ?? [],
      consentAt: now,
      confirmedAt: seed.confirmed ? now : null,
      noticeVersion: 'test',
      noticeText: 'Informativa di prova.',
      linkSecret: randomBytes(16).toString('hex'),
    }));
    await query.createMany({ data });
  }
  const rows = (await query.findMany({ select: ['documentId', 'email'] })) as Array<{ documentId: string; email: string }>;
  return new Map(rows.map((row) => [row.email, row.documentId]));
}

/** The admin JWT of the test Super Admin. */
export async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`admin login: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

export const adminCall = (url: string, token: string, method: string, path: string) =>
  fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

/** How many copies each address received (of the messages that match). */
export function copiesByAddress(messages: ParsedMail[], match: (mail: ParsedMail) => boolean = () => true): Map<string, number> {
  const copies = new Map<string, number>();
  for (const mail of messages.filter(match)) {
    for (const address of addressesOf(mail.to)) copies.set(address, (copies.get(address) ?? 0) + 1);
  }
  return copies;
}

/** A header as sent (mailparser turns List-* headers into objects): its value after `Name: `, unfolded. */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}
