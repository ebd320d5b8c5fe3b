/**
 * The enhancement script of the pages that ship no Vue (issue #10): a module
 * script (deferred; browsers too old for modules keep the server's HTML,
 * which works without JavaScript), built on its own by modules/enhance-script.ts
 * and added to a page by the components that need it (useEnhancement).
 */
import { enhance } from './enhance';

enhance(document);
