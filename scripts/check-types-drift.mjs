#!/usr/bin/env node
// Fails when the committed types drift from the Strapi schemas: regenerates
// Strapi's types (apps/cms/types/generated) and the public REST types derived
// from them (packages/types/src/generated), then asks git for differences.
import { execFileSync } from 'node:child_process';

const paths = ['apps/cms/types/generated', 'packages/types/src/generated'];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

run('pnpm', ['types:generate']);
// Compared with the index, so that regenerated-and-staged types pass before the commit.
const changed = [
  run('git', ['diff', '--name-only', '--', ...paths]),
  run('git', ['ls-files', '--others', '--exclude-standard', '--', ...paths]),
].join('').trim();
if (changed) {
  console.error(`\n[types:check] Generated types are out of date with the Strapi schemas:\n${changed}\n`);
  console.error(run('git', ['diff', '--stat', '--', ...paths]));
  console.error('Run `pnpm types:generate` and commit the result.\n');
  process.exit(1);
}
console.log('[types:check] generated types match the schemas');
