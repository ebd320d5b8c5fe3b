import { describe, expect, it, vi } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import type { Global } from '@chiudete/types';
import { computed } from 'vue';
import PrivacyPage from '~/pages/privacy.vue';
import LegalPrivacyNotice from '~/components/legal/LegalPrivacyNotice.vue';

/** The site settings the page reads (only the network is faked: the CMS's Global entry). */
const cms = vi.hoisted(() => ({ contactEmail: 'redazione@chiudeteicallcenter.eu', dataController: null as string | null }));

mockNuxtImport('useGlobal', () => async () => computed(() => ({
  siteName: 'Chiudete i Call Center',
  contactEmail: cms.contactEmail,
  dataController: cms.dataController,
}) as Global));

const SECTIONS = [
  'In breve',
  'Chi tratta i tuoi dati',
  'Quali dati trattiamo e perché',
  'Su quale base giuridica',
  'Per quanto tempo li conserviamo',
  'A chi li comunichiamo',
  'Trasferimenti fuori dall\'Unione europea',
  'I tuoi diritti',
  'Modifiche a questa informativa',
];

describe('the /privacy page', () => {
  it('has one h1, one h2 per section and an index that links to each of them', async () => {
    cms.contactEmail = 'redazione@chiudeteicallcenter.eu';
    const wrapper = await mountSuspended(PrivacyPage, { route: '/privacy' });

    expect(wrapper.findAll('h1').map((h) => h.text())).toEqual(['Come trattiamo i tuoi dati']);
    expect(wrapper.text()).toContain('Regolamento UE 2016/679');
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(SECTIONS);

    const index = wrapper.find('nav[aria-label="Indice"]');
    expect(index.exists()).toBe(true);
    const links = index.findAll('a');
    expect(links.map((link) => link.text())).toEqual(SECTIONS);
    for (const link of links) {
      const id = link.attributes('href')!.slice(1);
      const section = wrapper.find(`section[id="${id}"]`);
      expect(section.exists()).toBe(true);
      // Each section is labelled by its own heading.
      expect(section.find(`#${section.attributes('aria-labelledby')}`).element.tagName).toBe('H2');
    }
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Le testimonianze', 'I messaggi alla redazione', 'La navigazione sul sito']);
  });

  it('names the controller and gives the editors\' address from Global as a mailto link', async () => {
    cms.contactEmail = 'redazione@chiudeteicallcenter.eu';
    const wrapper = await mountSuspended(PrivacyPage, { route: '/privacy' });

    const controller = wrapper.find('#titolare');
    expect(controller.text()).toContain('la redazione di Chiudete i Call Center');
    const mailto = controller.find('a[href^="mailto:"]');
    expect(mailto.attributes('href')).toBe('mailto:redazione@chiudeteicallcenter.eu');
    expect(mailto.text()).toBe('redazione@chiudeteicallcenter.eu');
    // The rights section repeats it.
    expect(wrapper.find('#diritti a[href="mailto:redazione@chiudeteicallcenter.eu"]').exists()).toBe(true);
  });

  it('names the data controller the editors set in Global', async () => {
    cms.dataController = 'Candy Larsson, curatrice del progetto';
    const wrapper = await mountSuspended(PrivacyPage, { route: '/privacy' });
    expect(wrapper.find('#titolare strong').text()).toBe('Candy Larsson, curatrice del progetto');
    cms.dataController = null;
  });

  it('falls back to app.config\'s address when Global has none', async () => {
    cms.contactEmail = '  ';
    const wrapper = await mountSuspended(PrivacyPage, { route: '/privacy' });
    expect(wrapper.find('#titolare a').attributes('href')).toBe(`mailto:${useAppConfig().site.contactEmail}`);
    cms.contactEmail = 'redazione@chiudeteicallcenter.eu';
  });
});

describe('LegalPrivacyNotice', () => {
  async function mountNotice() {
    return mountSuspended(LegalPrivacyNotice, { props: { contactEmail: 'redazione@chiudeteicallcenter.eu', dataController: 'Associazione Esempio, via Roma 1, Milano' } });
  }

  it('states the 30-day retention of rejected and withdrawn submissions, and withdrawal at any time', async () => {
    const retention = (await mountNotice()).find('#conservazione').text().replace(/\s+/g, ' ');
    expect(retention).toContain('Storie non pubblicate o ritirate');
    expect(retention).toContain('30 giorni');
    expect(retention).toContain('finché non la ritiri');
    expect(retention).toMatch(/ritirarla: la togliamo dal sito, se era pubblicata, e cancelliamo i tuoi dati personali/);
  });

  it('describes the data honestly: private e-mail, hashed IP, no cookies, YouTube only after a click', async () => {
    const data = (await mountNotice()).find('#dati').text().replace(/\s+/g, ' ');
    expect(data).toContain('non lo pubblichiamo mai e non lo diamo a nessuno');
    expect(data).toContain('non conserviamo il tuo indirizzo IP');
    expect(data).toContain('senza servizi di terzi e senza cookie');
    for (const kind of ['codice fiscale', 'IBAN', 'POD', 'PDR', 'nomi di persone private']) expect(data).toContain(kind);
    expect(data).toContain('Nessun cookie');
    expect(data).toContain('youtube-nocookie.com');
  });

  it('lists the reader\'s rights and links to the Garante', async () => {
    const wrapper = await mountNotice();
    const rights = wrapper.find('#diritti').text();
    for (const right of ['Accesso', 'Rettifica', 'Cancellazione', 'Limitazione', 'Opposizione', 'Portabilità', 'Revoca del consenso']) {
      expect(rights).toContain(right);
    }
    const garante = wrapper.find('a[href="https://www.garanteprivacy.it"]');
    expect(garante.text()).toBe('Garante per la protezione dei dati personali');
    expect(garante.attributes('rel')).toBe('noopener noreferrer');
  });

  it('dates its last update', async () => {
    const time = (await mountNotice()).find('#aggiornamenti time');
    expect(time.attributes('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(time.text()).toBe(formatDate(time.attributes('datetime')));
  });
});
