import { assertProductionSecrets } from '../src/production-secrets/check';

/**
 * Checked when the configuration loads, so that a production CMS with a
 * missing or example secret, a default database password or a known admin
 * seed password stops at start, naming the variable (src/production-secrets).
 */
const config = () => {
  assertProductionSecrets(process.env);
  return { checked: process.env.NODE_ENV === 'production' };
};

export default config;
