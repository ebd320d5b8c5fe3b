import { deflateSync } from 'node:zlib';
import { solveChallenge } from 'altcha-lib';
import type { Page } from 'playwright-core';
import { E2E_ADMIN } from './stack';

/** Logs into the CMS admin API as the e2e Super Admin; returns the JWT. */
export async function adminLogin(cmsUrl: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  });
  const body = (await res.json()) as { data?: { token?: string } };
  if (!res.ok || !body.data?.token) throw new Error(`[POST] "${cmsUrl}/admin/login": ${res.status} ${JSON.stringify(body)}`);
  return body.data.token;
}

/** A JSON call to the admin API; the error names method, URL, status and body. */
async function adminApi<T>(cmsUrl: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const res = await fetch(`${cmsUrl}${path}`, {
    method,
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`[${method}] "${cmsUrl}${path}": ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export interface AdminCredentials {
  email: string;
  password: string;
}

/**
 * An active admin user with one of the editors' roles, created the way a
 * Super Admin does it in Settings > Users: invited (POST /admin/users), then
 * registered with the invitation token. The role is found by its stable
 * `code` (src/bootstrap/admin-roles.ts), never by its name.
 */
export async function createEditor(
  cmsUrl: string,
  superAdminToken: string,
  user: { roleCode: string; email: string; firstname: string; lastname: string; password: string },
): Promise<AdminCredentials> {
  const roles = await adminApi<{ data: Array<{ id: number; code: string }> }>(cmsUrl, '/admin/roles', { token: superAdminToken });
  const role = roles.data.find((r) => r.code === user.roleCode);
  if (!role) throw new Error(`No admin role with code "${user.roleCode}": is syncAdminRoles running at bootstrap?`);
  const invited = await adminApi<{ data: { registrationToken: string } }>(cmsUrl, '/admin/users', {
    method: 'POST',
    token: superAdminToken,
    body: { firstname: user.firstname, lastname: user.lastname, email: user.email, roles: [role.id] },
  });
  await adminApi(cmsUrl, '/admin/register', {
    method: 'POST',
    body: {
      registrationToken: invited.data.registrationToken,
      userInfo: { firstname: user.firstname, lastname: user.lastname, password: user.password },
    },
  });
  return { email: user.email, password: user.password };
}

/**
 * Signs into the admin in the browser, with the Italian login form.
 * `beforeSubmit` runs on the filled-in form (e.g. a screenshot).
 */
export async function signInToAdmin(page: Page, cmsUrl: string, user: AdminCredentials, beforeSubmit?: () => Promise<void>): Promise<void> {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Content Manager' }).waitFor();
  // Strapi 5.54 announces its new Media Library in a banner over every page,
  // once per user: the editors' screens (and the guide's screenshots) go without it.
  const banner = page.getByRole('button', { name: /^(Close the banner\.|Chiudi l'avviso\.)\s*$/ });
  if (await banner.isVisible()) await banner.click();
}

/** A testimony as a reader sends it from the site's form. */
export interface TestimonyInput {
  role: 'cliente' | 'operatore';
  displayName: string;
  contactEmail?: string;
  sector: string;
  companyBrand?: string;
  channel: string;
  eventMonth: string;
  title: string;
  story: string;
}

/**
 * Sends one of the site's public forms through the API exactly as the site
 * does: a form token, the ALTCHA proof of work solved here, the minimum fill
 * time waited, the empty honeypot. Returns the new entry's documentId.
 */
async function submitPublicForm(cmsUrl: string, form: 'testimony' | 'contact', path: string, data: Record<string, unknown>): Promise<string> {
  const token = await adminApi<{ data: { token: string; minFillSeconds: number } }>(cmsUrl, `/api/form-tokens/${form}`);
  const challenge = await adminApi<{ algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number }>(
    cmsUrl,
    '/api/altcha/challenge',
  );
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1e6).promise;
  if (!solution) throw new Error(`ALTCHA challenge from ${cmsUrl}/api/altcha/challenge not solved`);
  const altcha = Buffer.from(JSON.stringify({ ...challenge, number: solution.number, took: solution.took })).toString('base64');
  await new Promise((resolve) => setTimeout(resolve, token.data.minFillSeconds * 1000 + 200));
  const sent = await adminApi<{ data: { id: string } }>(cmsUrl, path, {
    method: 'POST',
    body: { data: { ...data, website: '', formToken: token.data.token, altcha } },
  });
  return sent.data.id;
}

/** Sends a testimony as a reader does from /testimonianze/invia, with both consents given. */
export const submitTestimony = (cmsUrl: string, input: TestimonyInput): Promise<string> =>
  submitPublicForm(cmsUrl, 'testimony', '/api/testimony-submissions', { ...input, consentToPublish: true, privacyAccepted: true });

/** A message as a reader sends it from /contatti. */
export interface ContactMessageInput {
  name?: string;
  email: string;
  topic: string;
  message: string;
}

/** Sends a message as a reader does from /contatti, with the privacy notice accepted. */
export const sendContactMessage = (cmsUrl: string, input: ContactMessageInput): Promise<string> =>
  submitPublicForm(cmsUrl, 'contact', '/api/contact-messages', { ...input, privacyAccepted: true });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A cover image made at test time: an RGB PNG of the given size with a
 * diagonal gradient (no binary fixture in the repository, no image library).
 */
export function gradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const stride = width * 3 + 1;
  const pixels = Buffer.alloc(stride * height); // each row starts with filter 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + 1 + x * 3;
      pixels[at] = Math.round(40 + (190 * x) / width);
      pixels[at + 1] = 50;
      pixels[at + 2] = Math.round(170 - (120 * y) / height);
    }
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
