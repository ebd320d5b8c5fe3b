// `node deploy/kustomize/cli.ts <kustomization folder>`: prints the build (see build.ts).
import path from 'node:path';
import { build, toYaml } from './build.ts';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node deploy/kustomize/cli.ts <folder with a kustomization.yaml>');
  process.exit(2);
}
try {
  process.stdout.write(toYaml(build(path.resolve(dir))));
} catch (error) {
  console.error(`[kustomize] ${(error as Error).message}`);
  process.exit(1);
}
