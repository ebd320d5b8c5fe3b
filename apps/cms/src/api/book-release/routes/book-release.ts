import { publicReadRouter } from '../../../utils/public-read-router';

export default publicReadRouter('api::book-release.book-release');
