#!/bin/sh
# Entry point of the backup image (packages/backup/Dockerfile), next to the
# deployed package's src/:
#   (nothing), backup [options]   pnpm backup's command: src/cli/backup.ts
#   restore [options]             pnpm restore's command: src/cli/restore.ts
#   --keep 3 ...                  options alone: a backup with them
# Anything else is refused (a typo must not look like a successful backup);
# a shell for debugging: `docker compose run --rm --entrypoint sh backup`.
set -eu
here=$(dirname "$0")
command=backup
case "${1:-}" in
  backup | restore) command=$1; shift ;;
  '' | -*) ;;
  *)
    echo "Unknown command \"$1\": use backup (the default) or restore, e.g. \`restore --latest\`." >&2
    exit 2
    ;;
esac
exec node "$here/src/cli/$command.ts" "$@"
