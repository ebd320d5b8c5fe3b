import { publicFormRoute } from '../../../utils/public-forms/handler';

/** Relayed to the CMS's same path (server/utils/public-forms/relay.ts); the token is masked in the logs. */
export default publicFormRoute('newsletterData');
