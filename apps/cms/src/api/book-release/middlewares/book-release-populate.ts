import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ cover: true, formats: true, buyLinks: true, seo: { populate: { shareImage: true } } });
