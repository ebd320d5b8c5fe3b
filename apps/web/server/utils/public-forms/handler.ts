import type { PublicFormEndpointName } from '@chiudete/types';
import { siteServices } from '../site-services';
import { relayToCms } from './relay';

/**
 * The route of one relayed public-form endpoint (./relay.ts): the reader's
 * request as it came, the reader's address as this server sees it
 * (NUXT_TRUSTED_PROXIES applied), the CMS's answer as it came back.
 */
export function publicFormRoute(endpoint: PublicFormEndpointName) {
  return defineEventHandler(async (event) => {
    const { strapiUrl, strapiToken } = useRuntimeConfig(event);
    const req = event.node.req;
    const answer = await relayToCms({
      endpoint,
      params: getRouterParams(event, { decode: true }),
      headers: req.headers,
      body: req,
      clientAddress: siteServices().clientIp(req),
    }, { cmsUrl: strapiUrl, siteToken: strapiToken });
    setResponseStatus(event, answer.status);
    setResponseHeaders(event, answer.headers);
    return answer.body;
  });
}
