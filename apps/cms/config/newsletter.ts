import { loadNewsletterConfig } from '../src/api/newsletter-subscriber/lib/config';

/**
 * The newsletter (src/api/newsletter-subscriber): the key of the signed
 * links and the origins they point to. Read with `strapi.config.get('newsletter')`.
 * Loaded when the configuration loads, so a missing secret stops the boot.
 */
const config = () => loadNewsletterConfig(process.env);

export default config;
