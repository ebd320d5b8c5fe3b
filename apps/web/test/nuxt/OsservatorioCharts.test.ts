import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import OsservatorioBarChart from '~/components/osservatorio/OsservatorioBarChart.vue';
import OsservatorioMonthChart from '~/components/osservatorio/OsservatorioMonthChart.vue';

const rows = [
  { key: 'telefonia', label: 'Telefonia fissa e mobile', count: 412, to: '/osservatorio/settori/telefonia' },
  { key: 'luce', label: 'Luce', count: 206, to: '/osservatorio/settori/luce' },
  { key: 'gas', label: 'Gas', count: 0, to: '/osservatorio/settori/gas' },
];
const summary = 'Il settore più citato è «Telefonia fissa e mobile»: 412 testimonianze su 1.024, il 40\u00A0%.';

describe('OsservatorioBarChart', () => {
  it('draws one image with a name, described by its summary', async () => {
    const wrapper = await mountSuspended(OsservatorioBarChart, { props: { id: 'settori', title: 'Testimonianze per settore', summary, rows, total: 1024, rowHeader: 'Settore' } });
    const svg = wrapper.find('svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-label')).toBe('Testimonianze per settore');
    expect(svg.attributes('aria-describedby')).toBe('settori-sintesi');
    expect(wrapper.find('figcaption#settori-sintesi').text()).toBe(summary);
  });

  it('draws bars proportional to the counts, the largest the longest, a zero as nothing', async () => {
    const wrapper = await mountSuspended(OsservatorioBarChart, { props: { id: 'settori', title: 'Testimonianze per settore', summary, rows, total: 1024, rowHeader: 'Settore' } });
    const widths = wrapper.findAll('rect').map((rect) => Number(rect.attributes('width')));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.5, 3);
    expect(widths[2]).toBe(0);
    expect(wrapper.findAll('text').map((text) => text.text())).toEqual(['Telefonia fissa e mobile', '412', 'Luce', '206', 'Gas', '0']);
  });

  it('puts every value in a data table, with links, shares and the total', async () => {
    const wrapper = await mountSuspended(OsservatorioBarChart, { props: { id: 'settori', title: 'Testimonianze per settore', summary, rows, total: 1024, rowHeader: 'Settore' } });
    const table = wrapper.find('details table');
    expect(table.find('caption').text()).toBe('Testimonianze per settore');
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['Settore', 'Testimonianze', 'Quota']);
    const body = table.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(body).toEqual([['Telefonia fissa e mobile', '412', '40\u00A0%'], ['Luce', '206', '20\u00A0%'], ['Gas', '0', '0\u00A0%']]);
    expect(table.find('tbody th a').attributes('href')).toBe('/osservatorio/settori/telefonia');
    expect(table.find('tfoot').text()).toContain('1.024');
  });
});

describe('OsservatorioMonthChart', () => {
  const months = [
    { month: '2025-11', count: 10, cliente: 6, operatore: 4 },
    { month: '2025-12', count: 0, cliente: 0, operatore: 0 },
    { month: '2026-01', count: 40, cliente: 30, operatore: 10 },
  ];
  const monthText = 'Da novembre 2025 a gennaio 2026, 50 testimonianze; il mese con più testimonianze è gennaio 2026, con 40.';

  it('draws one column per month, heights proportional, the first and last months named', async () => {
    const wrapper = await mountSuspended(OsservatorioMonthChart, { props: { id: 'mesi', title: 'Testimonianze per mese dei fatti', summary: monthText, months } });
    const svg = wrapper.find('svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-label')).toBe('Testimonianze per mese dei fatti');
    const columns = wrapper.findAll('rect');
    expect(columns.map((rect) => rect.attributes('data-month'))).toEqual(['2025-11', '2025-12', '2026-01']);
    const heights = columns.map((rect) => Number(rect.attributes('height')));
    expect(heights[0]! / heights[2]!).toBeCloseTo(0.25, 3);
    expect(heights[1]).toBe(0);
    // Columns stand on the same baseline.
    const bottoms = columns.map((rect) => Number(rect.attributes('y')) + Number(rect.attributes('height')));
    expect(new Set(bottoms.map((bottom) => bottom.toFixed(1))).size).toBe(1);
    expect(svg.text()).toContain('nov 2025');
    expect(svg.text()).toContain('gen 2026');
    expect(svg.text()).toContain('40 testimonianze');
    expect(wrapper.find('figcaption').text()).toBe(monthText);
  });

  it('lists every month in the table, with customers and operators apart', async () => {
    const wrapper = await mountSuspended(OsservatorioMonthChart, { props: { id: 'mesi', title: 'Testimonianze per mese dei fatti', summary: monthText, months } });
    const body = wrapper.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(body).toEqual([['novembre 2025', '10', '6', '4'], ['dicembre 2025', '0', '0', '0'], ['gennaio 2026', '40', '30', '10']]);
    expect(wrapper.findAll('tfoot td').map((td) => td.text())).toEqual(['50', '36', '14']);
  });
});
