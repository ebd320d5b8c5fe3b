import type { Core } from '@strapi/strapi';

/**
 * Testimony submissions (src/api/testimony-submission): who is told about a
 * new one, how long rejected and withdrawn ones keep their personal data,
 * and how often one client may look up or withdraw by token.
 * Read with `strapi.config.get('submissions')`.
 */
export interface SubmissionsConfig {
  /** Address of the editors, notified of every new submission. */
  redazioneEmail: string;
  /** Days after moderatedAt (rejected) / withdrawnAt (withdrawn) before the personal data is erased. */
  retentionDays: number;
  /** Status/withdraw requests per client IP per anti-abuse window (RATE_LIMIT_WINDOW_SECONDS); 0 turns the limit off. */
  tokenRequestsPerIp: number;
}

/** A whole number within bounds; an empty or wrong value stops the boot instead of becoming NaN. */
function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`Submissions configuration: ${name}="${value}" must be a whole number between ${min} and ${max}.`);
  }
  return Number(value);
}

const config = ({ env }: Core.Config.Shared.ConfigParams): SubmissionsConfig => ({
  redazioneEmail: env('EMAIL_REDAZIONE', '') || 'redazione@chiudeteicallcenter.eu',
  retentionDays: wholeNumber('SUBMISSION_RETENTION_DAYS', env('SUBMISSION_RETENTION_DAYS'), 30, 1, 3650),
  tokenRequestsPerIp: wholeNumber('RATE_LIMIT_TOKEN_REQUESTS_PER_IP', env('RATE_LIMIT_TOKEN_REQUESTS_PER_IP'), 30, 0, 1_000_000),
});

export default config;
