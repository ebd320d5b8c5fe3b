// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enhance } from './enhance';

/** A GET form like TestimonyFilters.vue, with the filters chosen as given. */
function filters(role: string, sector: string): HTMLFormElement {
  document.body.innerHTML = `<form method="get" action="/testimonianze" data-enhance="clean-query">
    <select name="ruolo"><option value="">Tutti</option><option value="operatore">Operatori</option></select>
    <select name="settore"><option value="">Tutti</option><option value="luce">Luce</option></select>
    <button type="submit">Filtra</button>
  </form>`;
  const form = document.querySelector('form')!;
  (form.elements.namedItem('ruolo') as HTMLSelectElement).value = role;
  (form.elements.namedItem('settore') as HTMLSelectElement).value = sector;
  enhance(document);
  return form;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('clean-query', () => {
  it.each([
    ['operatore', '', '/testimonianze?ruolo=operatore'],
    ['', 'luce', '/testimonianze?settore=luce'],
    ['operatore', 'luce', '/testimonianze?ruolo=operatore&settore=luce'],
    ['', '', '/testimonianze'],
  ])('role %j, sector %j: goes to %s', (role, sector, expected) => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const form = filters(role, sector);
    const submit = new Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(assign).toHaveBeenCalledTimes(1);
    const target = new URL(String(assign.mock.calls[0]![0]));
    expect(`${target.pathname}${target.search}`).toBe(expected);
  });
});
