import { spawn } from 'node:child_process';
import { BackupError } from './errors.ts';

/** Runs a program to completion; rejects with its stderr when it fails or cannot start. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new BackupError(
        error.code === 'ENOENT'
          ? `${command} not found: install the PostgreSQL client (Debian: apt-get install postgresql-client-<server major>) or set PG_BIN_DIR to the folder holding pg_dump and pg_restore.`
          : `${command} could not start: ${error.message}`,
        { cause: error },
      ));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new BackupError(`${command} ${args.filter((a) => !a.startsWith('--dbname')).join(' ')} exited with ${code}:\n${stderr.trim()}`));
    });
  });
}
