// `pnpm bench` (it builds first): one run, side by side, written to
// docs/benchmarks.md. The site and the CMS are BUILT and run as a new user
// runs them (SQLite, demo content), each figure next to its reference in
// the same run (nginx and a bare node:http server on the same bytes).
// BENCH_SECONDS sets the length of each measurement (default 8).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/stack.ts';
import { machineNote, runHttpBench } from './http.ts';

const started = Date.now();
const note = machineNote();
const http = await runHttpBench();

const report = `# Benchmarks

Written by \`pnpm bench\` (bench/index.ts) on ${new Date().toISOString().slice(0, 10)}. ${note}

${http.markdown}

Figures: ${Object.entries(http.figures).map(([name, value]) => `${name} ${value.toFixed(1)}`).join(', ')}.

Run time: ${Math.round((Date.now() - started) / 1000)} s.
`;
writeFileSync(path.join(root, 'docs/benchmarks.md'), report);
console.log(report);
