import { describe, expect, it } from 'vitest';
import { readCmsRole, runsCrons, servesApi } from './role';

describe('readCmsRole', () => {
  it('is `all` by default, and reads web and worker', () => {
    expect(readCmsRole({})).toBe('all');
    expect(readCmsRole({ CMS_ROLE: '' })).toBe('all');
    expect(readCmsRole({ CMS_ROLE: ' Worker ' })).toBe('worker');
    expect(readCmsRole({ CMS_ROLE: 'web' })).toBe('web');
  });

  it('refuses anything else, naming the variable and the choices', () => {
    expect(() => readCmsRole({ CMS_ROLE: 'cron' })).toThrow(/CMS_ROLE="cron" is not a role: use all .*, web .* or worker/);
  });

  it('gives the crons to all and worker, the API to all and web', () => {
    expect([runsCrons('all'), runsCrons('web'), runsCrons('worker')]).toEqual([true, false, true]);
    expect([servesApi('all'), servesApi('web'), servesApi('worker')]).toEqual([true, true, false]);
  });
});
