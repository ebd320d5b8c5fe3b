import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StrapiError } from '@chiudete/types';
import { notFound, requireFound, toPageError, useCmsData, useOptionalCmsData } from '~/composables/strapi';
import { useEntry, useEntryList } from '~/composables/useEntries';

/*
 * The site's data layer (app/composables/strapi.ts): how a failed CMS read
 * becomes the page's status, how a missing entry becomes a 404, and how a
 * hydrated page finds its data in the payload (the browser never reads the
 * CMS). The server-side reads themselves run in the e2e suite.
 */

const CMS_URL = 'http://cms.internal:1337/api/articles';
const failure = (status: number) => new StrapiError({ method: 'get', url: CMS_URL, status, statusText: status ? 'Failed' : undefined, cause: status ? undefined : new Error('ECONNREFUSED') });
const caught = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { status: number; statusText: string; message: string; fatal: boolean };
  }
  throw new Error('expected a throw');
};

describe('toPageError', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['an unreachable CMS', failure(0)],
    ['a CMS out of budget (429)', failure(429)],
    ['a failing CMS (502)', failure(502)],
    ['a timeout or any other thrown error', new Error('timeout of 8000ms exceeded')],
  ])('makes %s a 503 that says to come back later, without the CMS address', (_what, cause) => {
    const error = caught(() => toPageError(cause));
    expect(error).toMatchObject({ status: 503, message: 'I contenuti del sito non sono raggiungibili in questo momento.' });
    expect(JSON.stringify(error)).not.toContain('cms.internal');
  });

  it('makes a request the CMS refused (400, 403, 404) a 500: the site asked something wrong', () => {
    for (const status of [400, 403, 404]) {
      expect(caught(() => toPageError(failure(status)))).toMatchObject({ status: 500, message: 'Errore nel caricamento dei contenuti.' });
    }
  });

  it('logs the original on the server, address included', () => {
    caught(() => toPageError(failure(502)));
    expect(vi.mocked(console.error)).toHaveBeenCalledWith('[cms]', expect.stringContaining(CMS_URL));
  });
});

describe('notFound and requireFound', () => {
  it('is a 404, not fatal (an unknown address is no error of the site)', () => {
    expect(notFound('L\'articolo non esiste.')).toMatchObject({ status: 404, statusText: 'Not Found', message: 'L\'articolo non esiste.', fatal: false });
  });

  it('fails the page with its message when the entry is missing, and passes the entry through otherwise', () => {
    expect(caught(() => requireFound(computed(() => null), 'La risposta non esiste.'))).toMatchObject({ status: 404, message: 'La risposta non esiste.' });
    const found = requireFound(computed(() => ({ slug: 'uno' })), 'non usato');
    expect(found.value).toEqual({ slug: 'uno' });
  });
});

describe('a hydrated page reads its payload, never the CMS', () => {
  afterEach(() => {
    const { data } = useNuxtApp().payload;
    for (const key of Object.keys(data)) Reflect.deleteProperty(data, key);
  });

  it('finds what the server stored under the key', async () => {
    useNuxtApp().payload.data['articles:list:1'] = { value: { total: 3 } };
    const handler = vi.fn();
    const data = await useCmsData('articles:list:1', handler);
    expect(data.value).toEqual({ total: 3 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('fails loudly (500, fatal) when required data is missing from the payload, naming the key', async () => {
    await expect(useCmsData('articles:list:2', vi.fn())).rejects.toMatchObject({ status: 500, fatal: true, message: '«articles:list:2» manca nei dati della pagina: ricaricala.' });
  });

  it('falls back when optional data is missing, and uses it when present', async () => {
    expect((await useOptionalCmsData('related:x', vi.fn(), [])).value).toEqual([]);
    useNuxtApp().payload.data['related:y'] = { value: ['a'] };
    expect((await useOptionalCmsData('related:y', vi.fn(), [])).value).toEqual(['a']);
  });
});

describe('useEntry and useEntryList: any simple type, through the registry', () => {
  afterEach(() => {
    const { data } = useNuxtApp().payload;
    for (const key of Object.keys(data)) Reflect.deleteProperty(data, key);
  });

  it('answers a malformed slug with the type\'s 404 before reading anything', async () => {
    await expect(useEntry('answer', '../etc/passwd', 'Risposta non trovata.')).rejects.toMatchObject({ status: 404, message: 'Risposta non trovata.' });
  });

  it('gives the entry the server read under `<type>:<slug>`, and a 404 with the message when there was none', async () => {
    useNuxtApp().payload.data['answer:posso-oppormi'] = { value: { slug: 'posso-oppormi', title: 'Posso oppormi?' } };
    expect((await useEntry('answer', 'posso-oppormi', 'Risposta non trovata.')).value).toMatchObject({ title: 'Posso oppormi?' });
    useNuxtApp().payload.data['answer:non-esiste'] = { value: null };
    await expect(useEntry('answer', 'non-esiste', 'Risposta non trovata.')).rejects.toMatchObject({ status: 404, message: 'Risposta non trovata.' });
  });

  it('keys a list by its type and query, so two lists of one type never share data', async () => {
    useNuxtApp().payload.data['video:list:{"page":1,"pageSize":100,"sort":["createdAt:desc","id:desc"]}'] = { value: [{ slug: 'a' }] };
    useNuxtApp().payload.data['video:list:{"page":1,"pageSize":2,"sort":["createdAt:desc","id:desc"]}'] = { value: [{ slug: 'b' }] };
    expect((await useEntryList('video')).value).toEqual([{ slug: 'a' }]);
    expect((await useEntryList('video', { pageSize: 2 })).value).toEqual([{ slug: 'b' }]);
  });
});
