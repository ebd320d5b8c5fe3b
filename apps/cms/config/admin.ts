import type { Core } from '@strapi/strapi';
import { previewConfig } from '../src/preview/config';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // Admin logins per e-mail and address in 5 minutes (Strapi's default, 5), counted in the anti-abuse store (src/admin-login-limit); the e2e run, which logs in from many tests, raises it.
  rateLimit: {
    max: env.int('ADMIN_LOGIN_RATE_LIMIT_MAX', 5),
  },
  // «Anteprima»: the real site page of a draft, in the Content Manager (SITE_URL, PREVIEW_SECRET).
  preview: previewConfig(env),
});

export default config;
