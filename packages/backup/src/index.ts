export { backup, type BackupOptions, type BackupResult } from './backup.ts';
export { restore, latestArchive, type RestoreOptions, type RestoreResult } from './restore.ts';
export { checkArchiveChecksum, checksumFileOf, verifyArchive } from './archive.ts';
export { applyRetention, archiveNameFor } from './retention.ts';
export { databaseTarget, uploadsTarget, type DatabaseTarget, type UploadsTarget } from './targets.ts';
export { manifestSchema, type Manifest } from './manifest.ts';
export { BackupError } from './errors.ts';
