import { giveWords } from '../utils/errors/wordless';

/**
 * Every refusal says what was wrong (issue #11): errors thrown without words
 * below the site's code get them (server/utils/errors/wordless.ts). Nitro
 * calls its `error` hook's functions synchronously before its error handler
 * writes the answer, so the words are in place when the answer is written.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('error', (error) => {
    if (isError(error)) giveWords(error);
  });
});
