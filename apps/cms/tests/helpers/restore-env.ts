import { afterAll } from 'vitest';

/*
 * The Strapi suites share worker processes (vitest.config.ts, isolate: false),
 * and each sets environment variables for its CMS. Whatever a file set or
 * removed is put back once it ends, so the next file starts from the same
 * environment as if it had a process of its own.
 */
const before = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) {
    if (!(name in before)) Reflect.deleteProperty(process.env, name);
  }
  Object.assign(process.env, before);
});
