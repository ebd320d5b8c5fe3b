import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ legalReferences: true, articles: { fields: ['title', 'slug', 'excerpt', 'publicationDate'] } });
