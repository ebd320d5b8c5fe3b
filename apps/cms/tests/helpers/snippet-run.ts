import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appDir } from './strapi';

/**
 * Runs the code snippets of the partners' documentation as a partner would
 * paste them, against the test CMS. A snippet uses names it does not define
 * (`api`, `upsert`, `loadCursor`…): the reader's own code. Each runner adds,
 * before the snippet, a definition of just those it uses and does not
 * define itself; the definitions that stand for the reader's storage record
 * their calls, returned as `calls`. The production address
 * (`https://cms.chiudeteicallcenter.eu`) is replaced with the test CMS's.
 */

export const PRODUCTION_CMS = 'https://cms.chiudeteicallcenter.eu';
export const EXAMPLES_DIR = path.resolve(appDir, '..', '..', 'docs', 'examples');

export interface SnippetRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The calls the reader's own functions received, by name. */
  calls: Record<string, unknown[]>;
  /** The file the snippet ran from (deleted by `cleanup`). */
  file: string;
}

interface Definition {
  code: string;
  needs?: string[];
}

/** The TypeScript reader's code a snippet may lean on. */
const TS_DEFINITIONS: Record<string, Definition> = {
  api: { code: 'const api = __createClient({ baseURL: process.env.CHIUDETE_CMS!, token: process.env.CHIUDETE_TOKEN });' },
  token: { code: 'const token = process.env.CHIUDETE_TOKEN;' },
  baseURL: { code: 'const baseURL = process.env.CHIUDETE_CMS!;' },
  save: { code: 'async function save(entry: { documentId: string }): Promise<void> { __record(\'save\', entry.documentId); }' },
  upsert: { code: 'async function upsert(entry: { documentId: string }): Promise<void> { __record(\'upsert\', entry.documentId); }' },
  loadCursor: { code: 'async function loadCursor(): Promise<string | undefined> { return undefined; }' },
  saveCursor: { code: 'async function saveCursor(cursor: unknown): Promise<void> { __record(\'saveCursor\', cursor); }' },
  markRemoved: { code: 'function markRemoved(documentId: string): void { __record(\'markRemoved\', documentId); }' },
  retryLater: { code: 'function retryLater(seconds: number | undefined): void { __record(\'retryLater\', seconds); }' },
  stored: { code: 'const stored = { documentId: \'no-longer-published\' };' },
  article: { code: 'const article = (await api.articles.list({ pageSize: 1 })).data[0]!;', needs: ['api'] },
  video: { code: 'const video = (await api.videos.list({ pageSize: 1 })).data[0]!;', needs: ['api'] },
};

const TS_HEADER = [
  'import { createStrapiClient as __createClient } from \'@chiudete/types\';',
  'import { writeFileSync as __writeFileSync } from \'node:fs\';',
  'const __calls: Record<string, unknown[]> = {};',
  'function __record(name: string, value: unknown): void { (__calls[name] ??= []).push(value); }',
  'process.on(\'exit\', () => __writeFileSync(process.env.SNIPPET_REPORT!, JSON.stringify(__calls)));',
];

const PYTHON_DEFINITIONS: Record<string, Definition> = {
  load_cursor: { code: 'def load_cursor():\n    return None' },
  upsert: { code: 'def upsert(entry):\n    __record("upsert", entry["documentId"])' },
  save_cursor: { code: 'def save_cursor(cursor):\n    __record("save_cursor", list(cursor) if isinstance(cursor, tuple) else cursor)' },
};

const PYTHON_HEADER = [
  'import atexit as __atexit, json as __json, os as __os',
  '__calls = {}',
  'def __record(name, value):\n    __calls.setdefault(name, []).append(value)',
  '__atexit.register(lambda: open(__os.environ["SNIPPET_REPORT"], "w").write(__json.dumps(__calls)))',
];

const escape = (name: string) => name.replace(/[$]/g, '\\$&');
const declares = (code: string, name: string) =>
  new RegExp(`(?:\\b(?:const|let|var|function|class|def)\\s+${escape(name)}\\b)|(?:^\\s*${escape(name)}\\s*=[^=])|(?:import\\s*\\{[^}]*\\b${escape(name)}\\b[^}]*\\})`, 'm').test(code);
const uses = (code: string, name: string) => new RegExp(`(?<![.\\w$])${escape(name)}\\b(?!\\s*:)`).test(code);

/** The definitions a snippet needs, dependencies first. */
function definitionsFor(code: string, definitions: Record<string, Definition>): string[] {
  const wanted = new Set<string>();
  const want = (name: string) => {
    if (wanted.has(name) || declares(code, name)) return;
    for (const need of definitions[name]?.needs ?? []) want(need);
    wanted.add(name);
  };
  for (const name of Object.keys(definitions)) if (uses(code, name)) want(name);
  return [...wanted].map((name) => definitions[name]!.code);
}

/** True when the snippet is a whole file of docs/examples (tested by that file's own test), e.g. the webhook server. */
export function isExampleFile(code: string): boolean {
  const files = readdirSync(EXAMPLES_DIR, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.some((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8').trim() === code.trim());
}

export interface SnippetWorkspace {
  dir: string;
  cleanup(): void;
}

/**
 * A directory where snippets run as a partner's project would: the CMS
 * package's node_modules (where `@chiudete/types` is installed) linked in,
 * and the example files copied beside them.
 */
export function createSnippetWorkspace(): SnippetWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chiudete-snippets-'));
  symlinkSync(path.join(appDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  copyFileSync(path.join(EXAMPLES_DIR, 'python', 'chiudete_api.py'), path.join(dir, 'chiudete_api.py'));
  copyFileSync(path.join(EXAMPLES_DIR, 'php', 'chiudete-api.php'), path.join(dir, 'chiudete-api.php'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, target: 'es2023', module: 'nodenext', moduleResolution: 'nodenext', noEmit: true,
      types: ['node'], skipLibCheck: true, erasableSyntaxOnly: true, verbatimModuleSyntax: true,
    },
    include: ['*.mts'],
  }));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a TypeScript snippet, with the definitions it needs, as `<name>.mts`; returns its path. */
export function writeTsSnippet(workspace: SnippetWorkspace, name: string, code: string, cms: string): string {
  const source = code.replaceAll(PRODUCTION_CMS, cms);
  const file = path.join(workspace.dir, `${name}.mts`);
  writeFileSync(file, [...TS_HEADER, ...definitionsFor(source, TS_DEFINITIONS), '', source].join('\n'));
  return file;
}

/** `tsc --noEmit` over every snippet written so far (strict); the compiler's output, empty when they typecheck. */
export async function typecheckSnippets(workspace: SnippetWorkspace): Promise<string> {
  const tsc = path.join(appDir, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', workspace.dir], { timeout: 120_000 });
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout || String(error);
  }
}

async function run(command: string, args: string[], file: string, env: Record<string, string>): Promise<SnippetRun> {
  const report = `${file}.calls.json`;
  writeFileSync(report, '{}');
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: path.dirname(file), env: { ...process.env, ...env, SNIPPET_REPORT: report }, timeout: 60_000 });
    return { exitCode: 0, stdout, stderr, calls: JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown[]>, file };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? String(error), calls: {}, file };
  }
}

/** Runs a TypeScript snippet written by `writeTsSnippet` with Node (its types stripped), `CHIUDETE_CMS` and `CHIUDETE_TOKEN` set. */
export const runTsSnippet = (file: string, env: Record<string, string>) => run(process.execPath, ['--no-warnings', file], file, env);

/** Writes and runs a Python snippet beside the copied example client. */
export function runPythonSnippet(workspace: SnippetWorkspace, name: string, code: string, cms: string, env: Record<string, string>): Promise<SnippetRun> {
  const source = code.replaceAll(PRODUCTION_CMS, cms);
  const file = path.join(workspace.dir, `${name}.py`);
  writeFileSync(file, [...PYTHON_HEADER, ...definitionsFor(source, PYTHON_DEFINITIONS), '', source].join('\n'));
  return run('python3', [file], file, env);
}

/** Writes and runs a PHP snippet beside the copied example client (`require __DIR__ . '/chiudete-api.php'` finds it). */
export function runPhpSnippet(workspace: SnippetWorkspace, name: string, code: string, cms: string, env: Record<string, string>): Promise<SnippetRun> {
  const source = code.replaceAll(PRODUCTION_CMS, cms);
  const file = path.join(workspace.dir, `${name}.php`);
  writeFileSync(file, `<?php\n${source}\n`);
  return run('php', [file], file, env);
}
