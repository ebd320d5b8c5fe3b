import { describe, expect, it } from 'vitest';
import { parseOsservatorioPath, isCompanySlug, isWidgetPath, osservatorioCompanyPath, osservatorioQuery, osservatorioSectorPath, parseOsservatorioQuery, periodRange } from './osservatorio-routes';

describe('the Osservatorio\'s addresses', () => {
  it('builds the sector\'s and the company\'s pages', () => {
    expect(osservatorioSectorPath('pay_tv')).toBe('/osservatorio/settori/pay_tv');
    expect(osservatorioCompanyPath('tim')).toBe('/osservatorio/aziende/tim');
  });

  it('accepts only slugs the CMS can give a company', () => {
    expect(isCompanySlug('enel-energia')).toBe(true);
    expect(isCompanySlug('Enel')).toBe(false);
    expect(isCompanySlug('a--b')).toBe(false);
    expect(isCompanySlug('x'.repeat(81))).toBe(false);
  });

  it('reads the filters, ignoring values it does not know, and writes them back without defaults', () => {
    expect(parseOsservatorioQuery({ settore: 'luce', periodo: '12-mesi' })).toEqual({ sector: 'luce', period: '12-mesi' });
    expect(parseOsservatorioQuery({ settore: 'acqua', periodo: ['5-anni'] })).toEqual({ sector: undefined, period: 'tutto' });
    expect(osservatorioQuery({ sector: 'gas', period: 'tutto' })).toEqual({ settore: 'gas' });
    expect(osservatorioQuery({ period: '12-mesi' })).toEqual({ periodo: '12-mesi' });
  });

  it('turns the last twelve months into a range of event months, across the year', () => {
    expect(periodRange('12-mesi', new Date('2026-12-06T04:00:00Z'))).toEqual({ from: '2026-01', to: '2026-12' });
    expect(periodRange('12-mesi', new Date('2026-03-31T23:59:59Z'))).toEqual({ from: '2025-04', to: '2026-03' });
    expect(periodRange('tutto', new Date())).toEqual({});
  });

  it('knows the widget\'s paths, and only those', () => {
    expect(isWidgetPath('/widget/testimonianze')).toBe(true);
    expect(isWidgetPath('/WIDGET/Osservatorio/?settore=luce')).toBe(true);
    expect(isWidgetPath('/widget/osservatorio?settore=luce')).toBe(true);
    expect(isWidgetPath('/widget')).toBe(false);
    expect(isWidgetPath('/osservatorio')).toBe(false);
    expect(isWidgetPath('/widget/testimonianze/x')).toBe(false);
  });
});

describe('parseOsservatorioPath', () => {
  it('tells the overview, a sector\'s page and a company\'s page apart', () => {
    expect(parseOsservatorioPath([])).toEqual({ kind: 'overview' });
    expect(parseOsservatorioPath(['settori', 'pay_tv'])).toEqual({ kind: 'sector', sector: 'pay_tv' });
    expect(parseOsservatorioPath(['aziende', 'gestore-esempio'])).toEqual({ kind: 'company', slug: 'gestore-esempio' });
  });

  it('is null for any other address: an unknown sector, a slug the CMS never makes, other sections or depths', () => {
    expect(parseOsservatorioPath(['settori', 'acqua'])).toBeNull();
    expect(parseOsservatorioPath(['aziende', 'Gestore_Esempio'])).toBeNull();
    expect(parseOsservatorioPath(['settori'])).toBeNull();
    expect(parseOsservatorioPath(['aziende', 'tim', 'x'])).toBeNull();
    expect(parseOsservatorioPath(['altro', 'tim'])).toBeNull();
  });
});
