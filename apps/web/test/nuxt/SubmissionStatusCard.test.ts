import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { SubmissionState, SubmissionStatus } from '@chiudete/types';
import SubmissionStatusCard from '~/components/submission/SubmissionStatusCard.vue';

const state = (status: SubmissionStatus, extra: Partial<SubmissionState> = {}): SubmissionState => ({
  status,
  title: 'Tre chiamate, tre risposte diverse',
  submittedAt: '2019-07-10T09:30:00.000Z',
  moderatedAt: null,
  withdrawnAt: null,
  testimonySlug: null,
  canWithdraw: true,
  ...extra,
});

describe('SubmissionStatusCard', () => {
  it.each([
    ['nuova', 'Ricevuta, in attesa di moderazione'],
    ['in_revisione', 'In revisione'],
    ['approvata', 'Pubblicata'],
    ['rifiutata', 'Non pubblicata'],
    ['ritirata', 'Ritirata: i tuoi dati personali sono stati cancellati'],
  ] as const)('shows «%s» as «%s»', async (status, label) => {
    const wrapper = await mountSuspended(SubmissionStatusCard, { props: { state: state(status) } });
    expect(wrapper.find('h2').text()).toBe(label);
    expect(wrapper.text()).toContain('Tre chiamate, tre risposte diverse');
    expect(wrapper.text()).toContain('10 luglio 2019');
  });

  it('links the published testimony once approved', async () => {
    const wrapper = await mountSuspended(SubmissionStatusCard, {
      props: { state: state('approvata', { moderatedAt: '2019-07-12T10:00:00.000Z', testimonySlug: 'tre-chiamate' }) },
    });
    expect(wrapper.find('a[href="/testimonianze/tre-chiamate"]').text()).toBe('Leggi la tua storia pubblicata');
    expect(wrapper.text()).toContain('Moderata il');
  });

  it('explains the policy when a story was not published', async () => {
    const wrapper = await mountSuspended(SubmissionStatusCard, { props: { state: state('rifiutata', { moderatedAt: '2019-07-12T10:00:00.000Z' }) } });
    expect(wrapper.text()).toContain('Non pubblichiamo');
    expect(wrapper.text()).toContain('condizioni di lavoro degli operatori');
    expect(wrapper.find('a').exists()).toBe(false);
  });

  it('shows when a story was withdrawn', async () => {
    const wrapper = await mountSuspended(SubmissionStatusCard, {
      props: { state: state('ritirata', { withdrawnAt: '2019-07-15T08:00:00.000Z', canWithdraw: false }) },
    });
    expect(wrapper.text()).toContain('Ritirata il');
    expect(wrapper.text()).toContain('15 luglio 2019');
  });
});
