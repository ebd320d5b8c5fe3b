/**
 * The private link of a submission (`/testimonianze/stato#<token>`): what the
 * confirmation page shows once and the status page reads back. Its own
 * module: the status page needs it, not the form's helpers (utils/submission.ts).
 */

/** Access tokens are opaque URL-safe strings; anything else in a fragment is not one. */
const ACCESS_TOKEN = /^[\w.~-]{8,512}$/;

/** The access token from a URL fragment: `#<token>` or `#t=<token>`; null when there is none. */
export function accessTokenFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  const value = raw.startsWith('t=') ? raw.slice(2) : raw;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  return ACCESS_TOKEN.test(decoded) ? decoded : null;
}

/** The private status page of a submission: one definition, shared with the CMS's e-mail to the submitter. */
export { submissionStatusUrl } from '@chiudete/types';
