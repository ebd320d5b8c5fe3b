import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention, archiveNameFor } from './retention.ts';

describe('archive names and --keep', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names an archive after its UTC time, sortable and without colons', () => {
    expect(archiveNameFor(new Date('2026-12-05T13:20:00.123Z'))).toBe('chiudete-2026-12-05T13-20-00Z.tar.gz');
  });

  it('keeps the newest N archives with their checksums and touches nothing else', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'backup-retention-'));
    const names = ['2026-12-01T02-00-00Z', '2026-12-03T02-00-00Z', '2026-12-02T02-00-00Z', '2026-11-30T02-00-00Z'].map((t) => `chiudete-${t}.tar.gz`);
    for (const name of names) {
      await writeFile(path.join(dir, name), 'x');
      await writeFile(path.join(dir, `${name}.sha256`), 'x');
    }
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await writeFile(path.join(dir, 'chiudete-2026-01-01T00-00-00Z.tar.gz.partial'), 'unfinished');

    const removed = await applyRetention(dir, 2);

    expect(removed).toEqual(['chiudete-2026-12-01T02-00-00Z.tar.gz', 'chiudete-2026-11-30T02-00-00Z.tar.gz']);
    expect((await readdir(dir)).sort()).toEqual([
      'chiudete-2026-01-01T00-00-00Z.tar.gz.partial',
      'chiudete-2026-12-02T02-00-00Z.tar.gz',
      'chiudete-2026-12-02T02-00-00Z.tar.gz.sha256',
      'chiudete-2026-12-03T02-00-00Z.tar.gz',
      'chiudete-2026-12-03T02-00-00Z.tar.gz.sha256',
      'notes.txt',
    ]);
  });
});
