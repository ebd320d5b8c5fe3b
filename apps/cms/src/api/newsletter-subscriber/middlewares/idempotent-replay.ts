import { idempotentReplay } from '../../../idempotency/replay-middleware';
import type { SubscriptionService } from '../services/subscription';

/** The subscription form's replay of a retried subscription: the same 202, no second e-mail (src/idempotency/replay-middleware.ts). */
export default idempotentReplay((strapi) => strapi.service('api::newsletter-subscriber.subscription') as SubscriptionService);
