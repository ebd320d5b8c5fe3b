import { ADMIN_IT } from './admin';
import { CONTENT_MANAGER_IT } from './content-manager';
import { UPLOAD_IT } from './upload';

/** Plugin strings are keyed `<plugin id>.<key>`. */
const prefixed = (pluginId: string, messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, message]) => [`${pluginId}.${key}`, message]));

/**
 * The Italian the admin lacks (Strapi 5.54's it.json files are incomplete),
 * one table per package; `translations.coverage.test.ts` fails when a
 * string editors meet has no Italian.
 */
export const ITALIAN_OVERRIDES: Record<string, string> = {
  ...ADMIN_IT,
  ...prefixed('content-manager', CONTENT_MANAGER_IT),
  ...prefixed('upload', UPLOAD_IT),
};

/** English keeps Strapi's strings, with the newsroom's name on the login page and the menu. */
export const ENGLISH_OVERRIDES: Record<string, string> = {
  'Auth.form.welcome.title': 'Chiudete i Call Center',
  'Auth.form.welcome.subtitle': 'Log in to the newsroom',
  'app.components.LeftMenu.navbrand.title': 'Chiudete i Call Center',
  'app.components.LeftMenu.navbrand.workplace': 'Redazione',
};
