import { publicFormRoute } from '../../utils/public-forms/handler';

/** Relayed to the CMS's same path (server/utils/public-forms/relay.ts): the site's unsubscribe page (JSON). */
export default publicFormRoute('unsubscribeNewsletter');
