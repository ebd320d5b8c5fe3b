import type { TestProject } from 'vitest/node';
import { browserSkipReason } from './browser';
import { startStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    webUrl: string;
    skipReason: string;
  }
}

/** Starts the built CMS and site once for every end-to-end test file. */
export default async function setup(project: TestProject) {
  const skipReason = browserSkipReason();
  project.provide('skipReason', skipReason ?? '');
  if (skipReason) {
    project.provide('cmsUrl', '');
    project.provide('webUrl', '');
    return;
  }
  const stack = await startStack();
  project.provide('cmsUrl', stack.cmsUrl);
  project.provide('webUrl', stack.webUrl);
  return () => stack.stop();
}
