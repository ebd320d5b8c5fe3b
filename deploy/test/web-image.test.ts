// The site image's memory allocator (apps/web/Dockerfile, runtime stage):
// jemalloc preloaded with the options the bench measured. The image cannot be
// built here (no Docker engine); what can be checked is checked: the stage
// installs the library where LD_PRELOAD points, and Node runs with that
// library and those options without a word from jemalloc.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerfileStageEnv, hostLibrary } from '../dockerfile-env.ts';
import { repoRoot } from './helpers/nginx.ts';

const dockerfile = path.join(repoRoot, 'apps/web/Dockerfile');
const env = dockerfileStageEnv(dockerfile, 'runtime');
const jemalloc = hostLibrary('libjemalloc.so.2');
if (!jemalloc) {
  const message = 'libjemalloc2 is not installed (apt-get install -y libjemalloc2): the site image\'s allocator is NOT run here.';
  if (process.env.REQUIRE_JEMALLOC === '1') throw new Error(`REQUIRE_JEMALLOC=1 but ${message}`);
  console.warn(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}\n`);
}

describe('the site image\'s allocator', () => {
  it('installs jemalloc where LD_PRELOAD names it, with its options', () => {
    expect(env.LD_PRELOAD).toBe('/usr/local/lib/libjemalloc.so.2');
    expect(env.MALLOC_CONF).toMatch(/narenas:1/);
    const text = readFileSync(dockerfile, 'utf8');
    const runtime = text.slice(text.indexOf('AS runtime'));
    expect(runtime).toMatch(/apt-get install -y --no-install-recommends libjemalloc2/);
    expect(runtime).toContain(`/usr/lib -name libjemalloc.so.2 | head -n 1)" ${env.LD_PRELOAD}`);
    expect(runtime).toContain(`test -e ${env.LD_PRELOAD}`);
  });

  it.skipIf(!jemalloc)('runs Node on jemalloc with those options, and jemalloc accepts them', () => {
    const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(require("node:fs").readFileSync("/proc/self/maps", "utf8").includes("libjemalloc")))'], {
      env: { PATH: process.env.PATH, LD_PRELOAD: jemalloc!, MALLOC_CONF: env.MALLOC_CONF },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('true');
    // A misspelt option is reported on stderr: the check above would see it.
    const typo = spawnSync(process.execPath, ['-e', ''], { env: { PATH: process.env.PATH, LD_PRELOAD: jemalloc!, MALLOC_CONF: 'narenas:1,dirty_decay:0' }, encoding: 'utf8' });
    expect(typo.stderr).toMatch(/jemalloc.*Invalid conf pair/i);
  });
});

describe('dockerfileStageEnv', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dockerfile-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads one stage\'s ENV: continuations, quotes, comments, later values winning', () => {
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, [
      'FROM node AS build',
      'ENV A=build',
      'FROM node AS runtime',
      '# ENV COMMENTED=1',
      'ENV A=1 \\',
      '    B="two words" \\',
      '    C=x,y:z',
      'RUN echo A=not-env',
      'ENV A=3',
    ].join('\n'));
    expect(dockerfileStageEnv(file, 'runtime')).toEqual({ A: '3', B: 'two words', C: 'x,y:z' });
    expect(dockerfileStageEnv(file, 'build')).toEqual({ A: 'build' });
    expect(() => dockerfileStageEnv(file, 'nope')).toThrow(/no stage "nope"/);
  });
});
