import type { Core } from '@strapi/strapi';
import type { ModerationStatsService } from '../services/moderation-stats';

/**
 * GET /admin/moderation-stats → 200 { data: ModerationStats } (admin API,
 * see ../admin-routes.ts): the figures of the newsroom's home page.
 */

type Context = Parameters<Core.ControllerHandler>[0];

const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    // Figures about the editors' own work: for the logged-in admin only, never kept by a cache.
    ctx.set('Cache-Control', 'no-store');
    const stats = strapi.service('api::testimony-submission.moderation-stats') as ModerationStatsService;
    ctx.body = { data: await stats.compute() };
  },
} satisfies Core.Controller);

export default controller;
