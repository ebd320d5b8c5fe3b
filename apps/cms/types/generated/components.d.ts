import type { Schema, Struct } from '@strapi/strapi';

export interface BookFormat extends Struct.ComponentSchema {
  collectionName: 'components_book_formats';
  info: {
    description: "Un'edizione disponibile del libro";
    displayName: 'Formato';
    icon: 'layer';
  };
  attributes: {
    format: Schema.Attribute.Enumeration<['cartaceo', 'ebook', 'audiolibro']> &
      Schema.Attribute.Required;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
  };
}

export interface SharedBuyLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_buy_links';
  info: {
    description: 'Dove comprare il libro';
    displayName: 'Link di acquisto';
    icon: 'shoppingCart';
  };
  attributes: {
    format: Schema.Attribute.Enumeration<['cartaceo', 'ebook', 'audiolibro']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'cartaceo'>;
    store: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface SharedLegalReference extends Struct.ComponentSchema {
  collectionName: 'components_shared_legal_references';
  info: {
    description: 'Una legge, un articolo del Codice del consumo, una delibera ARERA o AGCOM';
    displayName: 'Riferimento normativo';
    icon: 'book';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    description: 'Titolo e descrizione per Google e per le anteprime sui social';
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    noIndex: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    shareImage: Schema.Attribute.Media<'images'>;
  };
}

export interface SharedSocialLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_social_links';
  info: {
    description: 'Un profilo del progetto su un social network';
    displayName: 'Profilo social';
    icon: 'earth';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    platform: Schema.Attribute.Enumeration<
      ['facebook', 'instagram', 'youtube', 'x', 'linkedin', 'telegram', 'altro']
    > &
      Schema.Attribute.Required;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'book.format': BookFormat;
      'shared.buy-link': SharedBuyLink;
      'shared.legal-reference': SharedLegalReference;
      'shared.seo': SharedSeo;
      'shared.social-link': SharedSocialLink;
    }
  }
}
