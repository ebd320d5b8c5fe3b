import type { Core } from '@strapi/strapi';
import { antiAbuseContext } from '../api/anti-abuse/lib/context';
import { AdminLoginAttempts } from './store';

/**
 * Strapi reads `admin.rateLimit` on every login attempt and hands it to
 * koa2-ratelimit: with our store in it, the attempts are counted where the
 * other limits are (./store.ts). The limit and window stay those of
 * config/admin.ts.
 */
export function registerAdminLoginLimit(strapi: Core.Strapi): void {
  const current = strapi.config.get<Record<string, unknown> | undefined>('admin.rateLimit') ?? {};
  strapi.config.set('admin.rateLimit', { ...current, store: new AdminLoginAttempts(() => antiAbuseContext(strapi)) });
}
