import type { Core } from '@strapi/strapi';

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
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
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
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
