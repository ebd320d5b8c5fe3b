import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { ENUM_LABELS, enumLabel, enumLabelsFor } from '@chiudete/types/labels';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { adminViews } from '../src/admin-views';
import { CONTENT_MANAGER_READ_ONLY_FIELDS } from '../src/api/testimony-submission/moderation-guard';
import { enumOptions, labelOf } from '../src/admin/labels/options';

const SUBMISSION = 'api::testimony-submission.testimony-submission';

interface Enumeration {
  where: string;
  values: string[];
}

/** Every enumeration attribute of our content types and components, as the running Strapi has them. */
function enumerationsOf(strapi: Core.Strapi): Enumeration[] {
  const models = {
    ...Object.fromEntries(Object.entries(strapi.contentTypes).filter(([uid]) => uid.startsWith('api::'))),
    ...strapi.components,
  } as Record<string, { attributes: Record<string, { type: string; enum?: string[] }> }>;
  return Object.entries(models).flatMap(([uid, model]) =>
    Object.entries(model.attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([name, attribute]) => ({ where: `${uid}.${name}`, values: attribute.enum ?? [] })),
  );
}

describe('Italian labels of the enumerations (one source: @chiudete/types/labels)', () => {
  let cms: TestStrapi;

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('has exactly one vocabulary, with an Italian label for every value, for every enumeration of the CMS', () => {
    const enumerations = enumerationsOf(cms.strapi);
    expect(enumerations.length).toBeGreaterThanOrEqual(14);
    const problems: string[] = [];
    for (const { where, values } of enumerations) {
      const matching = ENUM_LABELS.filter((labels) => labels === enumLabelsFor(values));
      if (!enumLabelsFor(values)) problems.push(`${where}: no labels for ${values.join(', ')}`);
      else if (matching.length !== 1) problems.push(`${where}: ${matching.length} vocabularies`);
      for (const value of values) {
        const label = enumLabel(values, value);
        if (!label.trim() || label === value) problems.push(`${where}.${value}: no Italian label`);
      }
    }
    expect(problems).toEqual([]);
    expect(enumLabel(enumerationsOf(cms.strapi).find((e) => e.where === `${SUBMISSION}.submissionStatus`)!.values, 'in_revisione')).toBe('In revisione');
  });

  it('never has two vocabularies with the same values (the admin finds a vocabulary by its values)', () => {
    const keys = ENUM_LABELS.map((labels) => Object.keys(labels).sort().join(','));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the admin\'s selects, columns and filters the label, and the code back for what it does not know', () => {
    const sectors = ['telefonia', 'luce', 'gas', 'pay_tv', 'e_commerce', 'banche_assicurazioni', 'altro'];
    expect(enumOptions(sectors)).toContainEqual({ value: 'banche_assicurazioni', label: 'Banche e assicurazioni' });
    expect(labelOf(sectors, 'e_commerce')).toBe('E-commerce');
    // `altro` means something else in each vocabulary: found by the whole set of values, never by the code alone.
    expect(labelOf(['condizioni_lavoro_operatori', 'difesa_call_center_disonesti', 'insulti_diffamazione', 'spam', 'dati_personali', 'altro'], 'altro')).toBe('Altro (spiega nella nota)');
    expect(labelOf(sectors, 'altro')).toBe('Altro');
    expect(labelOf(sectors, 'sconosciuto')).toBeUndefined();
    expect(labelOf(['draft', 'published'], 'draft')).toBeUndefined();
    expect(enumOptions(['draft', 'published'])).toEqual([{ value: 'draft', label: 'draft' }, { value: 'published', label: 'published' }]);
  });

  it('quotes no stored code in any help text, only the labels', () => {
    const codes = new Set(enumerationsOf(cms.strapi).flatMap(({ values }) => values).filter((value) => value.includes('_')));
    expect(codes.size).toBeGreaterThan(5);
    const quoted: string[] = [];
    for (const view of Object.values(adminViews(cms.strapi))) {
      for (const [name, field] of Object.entries(view.fields)) {
        for (const code of codes) if (`${field.label} ${field.description}`.includes(code)) quoted.push(`${view.uid}.${name}: ${code}`);
      }
    }
    expect(quoted).toEqual([]);
  });

  it('hides the internal fields of a submission from its edit view, and keeps them out of the Content Manager\'s reach', async () => {
    const cm = cms.strapi.plugin('content-manager').service('content-types') as unknown as {
      findContentType(uid: string): unknown;
      findConfiguration(model: unknown): Promise<{ metadatas: Record<string, { edit: { visible?: boolean } }> }>;
    };
    const { metadatas } = await cm.findConfiguration(cm.findContentType(SUBMISSION));
    const internal = ['ipHash', 'accessTokenHash', 'idempotencyKey', 'requestFingerprint', 'personalDataFindings'];
    for (const name of internal) {
      expect(metadatas[name]!.edit.visible, name).toBe(false);
      expect(CONTENT_MANAGER_READ_ONLY_FIELDS, name).toContain(name);
    }
    for (const name of ['submissionStatus', 'sector', 'redactedStory', 'story', 'testimony']) expect(metadatas[name]!.edit.visible, name).toBe(true);
  });
});
