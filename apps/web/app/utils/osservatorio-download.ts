import type { OsservatorioParams } from '@chiudete/types';

/** `https://cms…/api/osservatorio/download.csv?sector=luce&from=2025-01`: the parameters the page applies, in a fixed order. */
export function osservatorioDownloadUrl(cmsUrl: string, format: 'csv' | 'json', params: OsservatorioParams): string {
  const query = new URLSearchParams();
  for (const name of ['sector', 'from', 'to', 'company'] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return `${cmsUrl.replace(/\/+$/, '')}/api/osservatorio/download.${format}${search ? `?${search}` : ''}`;
}
