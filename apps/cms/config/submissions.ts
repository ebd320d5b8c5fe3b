import type { Core } from '@strapi/strapi';

/**
 * Testimony submissions (src/api/testimony-submission): who is told about a
 * new one, how long rejected and withdrawn ones keep their personal data,
 * and how often one client may look up or withdraw by token.
 * Read with `strapi.config.get('submissions')`.
 */
export interface SubmissionsConfig {
  /**
   * EMAIL_REDAZIONE: the editors' address, notified of every new submission
   * and contact message. Empty: the site's contact address (Global.contactEmail),
   * see src/public-forms/notify.ts `redazioneAddress`.
   */
  redazioneEmail: string;
  /** The site's public origin (SITE_URL): the private link e-mailed to a submitter points there. */
  siteUrl: string;
  /** Days after moderatedAt (rejected) / withdrawnAt (withdrawn) before the personal data is erased. */
  retentionDays: number;
  /** Status/withdraw requests per client IP per anti-abuse window (RATE_LIMIT_WINDOW_SECONDS); 0 turns the limit off. */
  tokenRequestsPerIp: number;
}

/** A whole number within bounds; an empty or wrong value stops the boot instead of becoming NaN. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`Configuration: ${name}="${value}" must be a whole number between ${min} and ${max}.`);
  }
  return Number(value);
}

const config = ({ env }: Core.Config.Shared.ConfigParams): SubmissionsConfig => ({
  redazioneEmail: env('EMAIL_REDAZIONE', '').trim(),
  siteUrl: env('SITE_URL', '').trim() || 'http://localhost:3000',
  retentionDays: wholeNumber('SUBMISSION_RETENTION_DAYS', env('SUBMISSION_RETENTION_DAYS'), 30, 1, 3650),
  tokenRequestsPerIp: wholeNumber('RATE_LIMIT_TOKEN_REQUESTS_PER_IP', env('RATE_LIMIT_TOKEN_REQUESTS_PER_IP'), 30, 0, 1_000_000),
});

export default config;
