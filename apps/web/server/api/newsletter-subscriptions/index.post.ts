import { publicFormRoute } from '../../utils/public-forms/handler';

/** Relayed to the CMS's same path (server/utils/public-forms/relay.ts). */
export default publicFormRoute('subscribeNewsletter');
