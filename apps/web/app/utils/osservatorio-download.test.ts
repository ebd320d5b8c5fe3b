import { describe, expect, it } from 'vitest';
import { osservatorioDownloadUrl } from './osservatorio-download';

describe('osservatorioDownloadUrl', () => {
  it('points at the CMS\'s public download, with the page\'s filters', () => {
    expect(osservatorioDownloadUrl('https://cms.example/', 'csv', {})).toBe('https://cms.example/api/osservatorio/download.csv');
    expect(osservatorioDownloadUrl('https://cms.example', 'json', { to: '2026-12', sector: 'pay_tv', from: '2026-01' }))
      .toBe('https://cms.example/api/osservatorio/download.json?sector=pay_tv&from=2026-01&to=2026-12');
    expect(osservatorioDownloadUrl('http://127.0.0.1:1337', 'csv', { company: 'tim' })).toBe('http://127.0.0.1:1337/api/osservatorio/download.csv?company=tim');
  });
});
