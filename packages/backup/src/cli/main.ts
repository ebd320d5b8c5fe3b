import path from 'node:path';
import { BackupError } from '../errors.ts';

/** Paths on the command line are relative to where the user typed it (pnpm runs scripts from the package's folder). */
export const fromInvocation = (value: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), value);

/** Runs a CLI: a BackupError prints its message alone, anything else its stack; the exit code says which. */
export function main(task: () => Promise<void>): void {
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof BackupError ? `\n${error.message}` : error);
      process.exit(1);
    },
  );
}
