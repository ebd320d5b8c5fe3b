import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ cover: true, author: { populate: { avatar: true } }, categories: true, book: { fields: ['title', 'slug', 'releaseDate'] }, answers: { fields: ['title', 'slug', 'operatorClaim'] }, seo: { populate: { shareImage: true } } });
