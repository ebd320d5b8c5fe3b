import type { Core } from '@strapi/strapi';
import { readS3UploadConfig, s3ProviderConfig, s3UploadEnv } from '../src/uploads/s3-config';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * SMTP from SMTP_* when SMTP_HOST is set. Without it, nodemailer's JSON
 * transport: nothing leaves the machine and the submission notifier logs the
 * message at info level, so local runs never fail for lack of a mail server.
 */
function emailTransport(env: Env): Record<string, unknown> {
  const host = env('SMTP_HOST', '').trim();
  if (!host) return { jsonTransport: true };
  const port = env.int('SMTP_PORT', 587);
  const user = env('SMTP_USER', '');
  return {
    host,
    port: Number.isFinite(port) ? port : 587,
    // true for implicit TLS (port 465); false upgrades with STARTTLS when offered.
    secure: env.bool('SMTP_SECURE', false),
    ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
    // SMTP_POOL=true keeps connections open and reuses them (the newsletter's
    // bulk sending: docs/benchmarks/newsletter.md); off, one connection per e-mail.
    ...(env.bool('SMTP_POOL', false) ? { pool: true, maxConnections: Math.max(1, env.int('SMTP_MAX_CONNECTIONS', 1) || 1) } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/**
 * S3 when S3_BUCKET is set (src/uploads/s3-config.ts), Strapi's local disk provider otherwise.
 * Pairing: @strapi/provider-upload-aws-s3 5.52.3 (the newest on the registry) with Strapi 5.54.0: the
 * provider API has not changed within 5.x; upload, the stored URL and delete are tested against s3rver
 * (tests/uploads-s3.test.ts). Move it to the core's version when the registry has it.
 */
function uploadProvider(env: Env): Record<string, unknown> {
  const s3 = readS3UploadConfig(s3UploadEnv((name) => env(name, '')));
  return s3 ? s3ProviderConfig(s3) : {};
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'email': {
    config: {
      provider: 'nodemailer',
      providerOptions: emailTransport(env),
      settings: {
        defaultFrom: env('EMAIL_FROM', '') || 'Chiudete i Call Center <noreply@chiudeteicallcenter.eu>',
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  'upload': {
    config: {
      ...uploadProvider(env),
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
