import { arrayOf, canonical, nullable, object, pascal, ref, type Schema } from './json-schema';
import type { AppModel, AttributeModel, PopulateMap, PopulateSpec, TypeModel } from './model';

/**
 * JSON Schemas of what the public API returns, built from Strapi's content
 * model (Strapi's generator gets these wrong: documentId as a UUID, optional
 * fields not nullable, every relation as if fully populated, media with a
 * required `related`, a generation timestamp as `publishedAt` default).
 *
 * Two families:
 * - the default shapes (`Article`, ...): what a request without `fields` or
 *   `populate` returns, i.e. every public attribute plus exactly what the
 *   type's populate middleware populates (embedded variants are named after
 *   their parent when they differ from the type's own default, e.g.
 *   `ArticleAuthor`). Every property is required.
 * - the selections (`ArticleSelection`, ...): any `fields`/`populate` a
 *   request may choose. Only `id` and `documentId` are required; relations,
 *   media and components, when present, are selections of their targets.
 */

export const MEDIA_UID = 'plugin::upload.file';
const TIMESTAMPS = ['createdAt', 'updatedAt', 'publishedAt'];
const DEFAULT_UID_PATTERN = '^[A-Za-z0-9-_.~]*$';

const ID: Schema = { type: 'integer', minimum: 1, description: 'Numeric id of this row. Use `documentId` to refer to an entry: it is stable across publications.' };
const DOCUMENT_ID: Schema = { type: 'string', pattern: '^[a-z0-9]{24}$', description: 'Stable identifier of the entry (24 lowercase letters and digits).' };
const COMPONENT_ID: Schema = { type: 'integer', minimum: 1, description: 'Numeric id of this component row.' };

/** JSON attributes whose shape Strapi's model does not describe. */
const JSON_SHAPES: Record<string, Schema> = {
  [`${MEDIA_UID}.formats`]: nullable({
    type: 'object',
    description: 'Resized versions of an image, by name (`thumbnail`, `small`, `medium`, `large`): only those smaller than the original exist.',
    additionalProperties: ref('MediaFormat'),
  }),
  [`${MEDIA_UID}.focalPoint`]: nullable({
    type: 'object',
    properties: { x: { type: 'number' }, y: { type: 'number' } },
    required: ['x', 'y'],
  }),
  [`${MEDIA_UID}.provider_metadata`]: { description: 'Data of the storage provider, if any.' },
};

/** Shapes shared by the content schemas: media formats and Strapi's "blocks" rich text. */
export function sharedContentSchemas(): Record<string, Schema> {
  const inline = { oneOf: [ref('BlocksTextNode'), ref('BlocksLinkNode')] };
  const block = (type: string, properties: Record<string, Schema>, required: string[] = []): Schema =>
    object({ type: { const: type }, ...properties }, ['type', ...required]);
  return {
    MediaFormat: {
      type: 'object',
      description: 'One resized version of an uploaded image.',
      properties: {
        name: { type: 'string' },
        hash: { type: 'string' },
        ext: { type: 'string' },
        mime: { type: 'string' },
        path: { type: ['string', 'null'] },
        width: { type: 'integer' },
        height: { type: 'integer' },
        size: { type: 'number', description: 'In kilobytes.' },
        sizeInBytes: { type: 'integer' },
        url: { type: 'string', description: 'Relative to the CMS origin for local uploads (`/uploads/...`).' },
      },
      required: ['name', 'hash', 'ext', 'mime', 'width', 'height', 'size', 'url'],
    },
    Blocks: arrayOf(ref('Block'), { description: 'Strapi "blocks" rich text: an array of block nodes, each with inline children.' }),
    Block: {
      oneOf: [
        ref('BlocksParagraph'),
        ref('BlocksHeading'),
        ref('BlocksQuote'),
        ref('BlocksCode'),
        ref('BlocksList'),
        ref('BlocksImage'),
      ],
    },
    BlocksTextNode: object(
      {
        type: { const: 'text' },
        text: { type: 'string' },
        bold: { type: 'boolean' },
        italic: { type: 'boolean' },
        underline: { type: 'boolean' },
        strikethrough: { type: 'boolean' },
        code: { type: 'boolean' },
      },
      ['type', 'text'],
    ),
    BlocksLinkNode: block('link', { url: { type: 'string' }, children: arrayOf(ref('BlocksTextNode')) }, ['url', 'children']),
    BlocksParagraph: block('paragraph', { children: arrayOf(inline) }, ['children']),
    BlocksHeading: block('heading', { level: { type: 'integer', minimum: 1, maximum: 6 }, children: arrayOf(inline) }, ['level', 'children']),
    BlocksQuote: block('quote', { children: arrayOf(inline) }, ['children']),
    BlocksCode: block('code', { language: { type: 'string' }, children: arrayOf(ref('BlocksTextNode')) }, ['children']),
    BlocksListItem: block('list-item', { children: arrayOf(inline) }, ['children']),
    BlocksList: block(
      'list',
      {
        format: { enum: ['ordered', 'unordered'] },
        indentLevel: { type: 'integer', minimum: 0 },
        children: arrayOf({ oneOf: [ref('BlocksListItem'), ref('BlocksList')] }),
      },
      ['format', 'children'],
    ),
    BlocksImage: block(
      'image',
      {
        image: {
          type: 'object',
          description: 'The uploaded image as it was when inserted (a copy of its media fields).',
          properties: { url: { type: 'string' }, alternativeText: { type: ['string', 'null'] }, width: { type: ['integer', 'null'] }, height: { type: ['integer', 'null'] } },
          required: ['url'],
        },
        children: arrayOf(ref('BlocksTextNode')),
      },
      ['image', 'children'],
    ),
  };
}

const isRelational = (attribute: AttributeModel) =>
  attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component' || attribute.type === 'dynamiczone';

const isToMany = (attribute: AttributeModel) => /Many$/.test(attribute.relation ?? '');

function lengths(attribute: AttributeModel): Schema {
  return {
    ...(typeof attribute.minLength === 'number' ? { minLength: attribute.minLength } : {}),
    ...(typeof attribute.maxLength === 'number' ? { maxLength: attribute.maxLength } : {}),
  };
}

function bounds(attribute: AttributeModel): Schema {
  const numeric = (value: number | string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
  const min = numeric(attribute.min);
  const max = numeric(attribute.max);
  return { ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) };
}

/** The schema of a non-relational attribute's value, null excluded. */
function scalarValue(key: string, attribute: AttributeModel): Schema {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
      return { type: 'string', ...lengths(attribute), ...(attribute.regex ? { pattern: attribute.regex } : {}) };
    case 'uid':
      return { type: 'string', ...lengths(attribute), pattern: attribute.regex ?? DEFAULT_UID_PATTERN };
    case 'email':
      return { type: 'string', format: 'email', ...lengths(attribute) };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum ?? [] };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?$' };
    case 'integer':
      return { type: 'integer', ...bounds(attribute) };
    case 'biginteger':
      return { type: 'string', pattern: '^-?\\d+$' };
    case 'float':
    case 'decimal':
      return { type: 'number', ...bounds(attribute) };
    case 'boolean':
      return { type: 'boolean' };
    case 'json':
      return JSON_SHAPES[key] ?? {};
    case 'blocks':
      return ref('Blocks');
    default:
      throw new Error(`Attribute "${key}" has type "${attribute.type}", which scripts/openapi/content-schemas.ts does not describe yet: add it.`);
  }
}

interface Spec {
  fields?: string[];
  populate?: PopulateMap;
}

const normalize = (spec: PopulateSpec | undefined): Spec => {
  if (spec === undefined || spec === true) return {};
  return {
    ...(spec.fields ? { fields: [...spec.fields].sort() } : {}),
    ...(spec.populate && Object.keys(spec.populate).length > 0 ? { populate: spec.populate } : {}),
  };
};

export class ContentSchemas {
  /** Every schema built so far, by name. */
  readonly schemas: Record<string, Schema> = {};
  private readonly nameBySignature = new Map<string, string>();
  private readonly usedNames = new Set<string>();

  private readonly model: AppModel;
  private readonly readableTypes: readonly string[];

  constructor(model: AppModel, readableTypes: readonly string[]) {
    this.model = model;
    this.readableTypes = readableTypes;
  }

  /** Schema name of a type's own default shape, or of a component/media base shape. */
  baseName(uid: string): string {
    if (uid === MEDIA_UID) return 'Media';
    const type = this.model.contentTypes[uid];
    return type ? pascal(type.singularName) : pascal(uid);
  }

  private typeOf(uid: string): TypeModel {
    const type = this.model.contentTypes[uid] ?? this.model.components[uid];
    if (!type) throw new Error(`Unknown content type or component "${uid}"`);
    return type;
  }

  private isVisible(key: string, attribute: AttributeModel): boolean {
    return attribute.private !== true && !this.model.globallyPrivate.includes(key);
  }

  private isReadable(uid: string | undefined): boolean {
    return uid === MEDIA_UID || (uid !== undefined && this.readableTypes.includes(uid));
  }

  /**
   * Reserves the default shape of each readable type under its own name
   * (`Article`), so that an identical embedded shape reuses it. Call first.
   */
  reserveDefaultShapes(defaults: ReadonlyArray<{ uid: string; populate?: PopulateMap }>): void {
    for (const { uid, populate } of [{ uid: MEDIA_UID }, ...defaults]) {
      const signature = canonical([uid, normalize(populate ? { populate } : true)]);
      const name = this.baseName(uid);
      this.nameBySignature.set(signature, name);
      this.usedNames.add(name);
    }
  }

  /** The default shape of a readable type (reserved first), built on demand. */
  defaultShape(uid: string, populate?: PopulateMap): string {
    return this.shape(uid, populate ? { populate } : true, '');
  }

  /** The schema name of `uid` populated as `spec`, building it (and what it embeds) if needed. */
  private shape(uid: string, spec: PopulateSpec, parentName: string): string {
    const normalized = normalize(spec);
    const signature = canonical([uid, normalized]);
    let name = this.nameBySignature.get(signature);
    if (name === undefined) {
      const base = this.baseName(uid);
      name = this.usedNames.has(base) ? `${parentName}${base}` : base;
      for (let n = 2; this.usedNames.has(name); n++) name = `${parentName}${base}${n}`;
      this.nameBySignature.set(signature, name);
      this.usedNames.add(name);
    }
    if (this.schemas[name] === undefined) {
      this.schemas[name] = {};
      this.schemas[name] = this.buildShape(uid, normalized, name);
    }
    return name;
  }

  private buildShape(uid: string, spec: Spec, name: string): Schema {
    const type = this.typeOf(uid);
    const isComponent = type.kind === 'component';
    const properties: Record<string, Schema> = isComponent ? { id: COMPONENT_ID } : { id: ID, documentId: DOCUMENT_ID };

    for (const [key, attribute] of Object.entries(type.attributes)) {
      if (isRelational(attribute) || !this.isVisible(key, attribute)) continue;
      if (spec.fields && !spec.fields.includes(key)) continue;
      const value = scalarValue(`${uid}.${key}`, attribute);
      properties[key] = attribute.required === true || TIMESTAMPS.includes(key) ? value : nullable(value);
    }
    for (const [key, sub] of Object.entries(spec.populate ?? {})) {
      const attribute = type.attributes[key];
      if (!attribute || !isRelational(attribute) || !this.isVisible(key, attribute)) {
        throw new Error(`The default populate of ${uid} names "${key}", which is not a public relation, media or component`);
      }
      properties[key] = this.relationalValue(key, attribute, sub, name, (target, targetSpec) => this.shape(target, targetSpec, name));
    }
    const described = isComponent ? `Component ${type.displayName} (${uid}).` : undefined;
    return object(properties, Object.keys(properties), described ? { description: described } : {});
  }

  private relationalValue(
    key: string,
    attribute: AttributeModel,
    spec: PopulateSpec,
    parentName: string,
    nameOf: (uid: string, spec: PopulateSpec) => string,
  ): Schema {
    switch (attribute.type) {
      case 'media': {
        const item = ref(nameOf(MEDIA_UID, spec));
        return attribute.multiple ? arrayOf(item) : nullable(item);
      }
      case 'component': {
        const item = ref(nameOf(attribute.component ?? '', spec));
        return attribute.repeatable ? arrayOf(item) : nullable(item);
      }
      case 'relation': {
        if (!this.isReadable(attribute.target)) {
          throw new Error(`${parentName}.${key} points to ${attribute.target ?? 'nothing'}, which the public API does not serve`);
        }
        const item = ref(nameOf(attribute.target ?? '', spec));
        return isToMany(attribute) ? arrayOf(item) : nullable(item);
      }
      default:
        throw new Error(`${parentName}.${key}: ${attribute.type} attributes are not described yet`);
    }
  }

  /** `<Type>Selection`: the entry with any `fields` and `populate`; built on demand. */
  selection(uid: string): string {
    const name = `${this.baseName(uid)}Selection`;
    if (this.schemas[name] !== undefined) return name;
    this.schemas[name] = {};

    const type = this.typeOf(uid);
    const isComponent = type.kind === 'component';
    const properties: Record<string, Schema> = isComponent ? { id: COMPONENT_ID } : { id: ID, documentId: DOCUMENT_ID };
    for (const [key, attribute] of Object.entries(type.attributes)) {
      if (!this.isVisible(key, attribute)) continue;
      if (!isRelational(attribute)) {
        const value = scalarValue(`${uid}.${key}`, attribute);
        properties[key] = attribute.required === true || TIMESTAMPS.includes(key) ? value : nullable(value);
      } else if (attribute.type !== 'relation' || this.isReadable(attribute.target)) {
        properties[key] = this.relationalValue(key, attribute, true, name, (target) => this.selection(target));
      }
    }
    this.schemas[name] = object(properties, isComponent ? ['id'] : ['id', 'documentId'], {
      description: `${isComponent ? 'Component' : 'Entry'} ${type.displayName} with the attributes and relations a request chose with \`fields\` and \`populate\`.`,
    });
    return name;
  }
}
