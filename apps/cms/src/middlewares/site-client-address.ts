import type { Core } from '@strapi/strapi';
import { siteTokenConfig, siteTokenMatcher } from '../site-token';
import { relayedClientAddress } from '../site-token/client-address';

/**
 * Puts the reader's address relayed by the site into `ctx.state.siteClientAddress`,
 * only for requests authenticated as the site (src/site-token/client-address.ts);
 * `clientIp()` (src/api/anti-abuse/lib/client-ip.ts) prefers it to the socket's.
 * Any other request keeps its own address, whatever headers it sends.
 */
const siteClientAddress: Core.MiddlewareFactory = (_config, { strapi }) => {
  const isSite = siteTokenMatcher(siteTokenConfig(strapi));
  return async (ctx, next) => {
    const address = relayedClientAddress(ctx, isSite);
    if (address) ctx.state.siteClientAddress = address;
    else delete ctx.state.siteClientAddress;
    await next();
  };
};

export default siteClientAddress;
