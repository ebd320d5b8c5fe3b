import type { OsservatorioParams } from '@chiudete/types';
import { osservatorioDownloadUrl } from '~/utils/osservatorio-download';

/**
 * Where the reader downloads the Osservatorio's open data: the CMS's public
 * endpoints (`/api/osservatorio/download.csv|json`), at the CMS's public
 * origin (`runtimeConfig.public.cmsUrl`, as media URLs are built).
 */
export function useOsservatorioDownloadUrl(): (format: 'csv' | 'json', params: OsservatorioParams) => string {
  const { cmsUrl } = useRuntimeConfig().public;
  return (format, params) => osservatorioDownloadUrl(cmsUrl, format, params);
}
