import { describe, expect, it } from 'vitest';
import type { ApiDeprecation } from './index';
import { markDeprecations } from './openapi';

// A document shaped like the committed one: a list and an entry route answering envelopes of one entry schema.
const document = () => ({
  paths: {
    '/videos': { get: { description: 'List.', responses: { 200: { 'content': { 'application/json': { schema: { $ref: '#/components/schemas/VideoList' } } }, 'x-selection-schema': '#/components/schemas/VideoSelectionList' } } } },
    '/videos/{documentId}': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/VideoOne' } } } } } } },
    '/videosx': { get: { responses: {} } },
  },
  components: {
    schemas: {
      VideoList: { properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Video' } } } },
      VideoSelectionList: { properties: { data: { type: 'array', items: { $ref: '#/components/schemas/VideoSelection' } } } },
      VideoOne: { properties: { data: { $ref: '#/components/schemas/Video' } } },
      Video: { properties: { title: { type: 'string' }, durationSeconds: { type: 'integer', description: 'Length.' } } },
      VideoSelection: { properties: { durationSeconds: { type: 'integer' } } },
    },
  },
});
const route: ApiDeprecation = { path: '/api/videos', deprecatedAt: '2027-01-15', sunset: '2027-08-01', link: 'https://chiudeteicallcenter.eu/changelog#videos' };
const field: ApiDeprecation = { ...route, field: 'durationSeconds', link: 'https://chiudeteicallcenter.eu/changelog#duration' };

describe('markDeprecations', () => {
  it('serves the document untouched with no entry', () => {
    const original = document();
    expect(markDeprecations(original, [], '/api').document).toBe(original);
  });

  it('marks the operations of a retired route and its subpaths, not a path sharing its prefix', () => {
    const original = document();
    const { document: marked, unmatched } = markDeprecations(original, [route], '/api');
    expect(unmatched).toEqual([]);
    expect(marked.paths['/videos'].get).toMatchObject({ 'deprecated': true, 'x-sunset': '2027-08-01', 'description': expect.stringMatching(/^List\.\n\n\*\*Deprecated\*\* since 2027-01-15/) });
    expect(marked.paths['/videos/{documentId}'].get).toMatchObject({ 'deprecated': true, 'x-sunset': '2027-08-01' });
    expect(marked.paths['/videosx'].get).not.toHaveProperty('deprecated');
    expect(original.paths['/videos'].get).not.toHaveProperty('deprecated');
  });

  it('marks a retired field once in every entry schema its routes answer, and reports entries matching nothing', () => {
    const typo = { ...field, field: 'duration' };
    const { document: marked, unmatched } = markDeprecations(document(), [field, typo], '/api');
    expect(unmatched).toEqual([typo]);
    const { Video, VideoSelection } = marked.components.schemas;
    expect(Video.properties.durationSeconds).toEqual({ 'type': 'integer', 'deprecated': true, 'x-sunset': '2027-08-01', 'description': expect.stringMatching(/^Length\.\n\n\*\*Deprecated\*\*[^\n]*changelog#duration$/) });
    expect(VideoSelection.properties.durationSeconds).toMatchObject({ deprecated: true });
    expect(Video.properties.title).not.toHaveProperty('deprecated');
    expect(marked.paths['/videos'].get).not.toHaveProperty('deprecated');
  });
});
