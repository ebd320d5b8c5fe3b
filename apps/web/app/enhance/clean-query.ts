/**
 * A GET form whose empty fields are left out of the address (TestimonyFilters.vue):
 * without JavaScript the browser submits `?ruolo=operatore&settore=`; with it,
 * `?ruolo=operatore`, and the bare list when every field is empty. Same page,
 * one address per filter.
 */
export function enhanceCleanQuery(root: HTMLElement): void {
  if (!(root instanceof HTMLFormElement) || root.method.toLowerCase() !== 'get') return;
  const form = root;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = new URL(form.action, window.location.href);
    target.search = '';
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value !== '') target.searchParams.append(name, value);
    }
    window.location.assign(target.href);
  });
}
