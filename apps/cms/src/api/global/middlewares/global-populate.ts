import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ socialLinks: true, defaultSeo: { populate: { shareImage: true } } });
