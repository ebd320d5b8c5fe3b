import { publicReadRouter } from '../../../utils/public-read-router';

export default publicReadRouter('api::testimony.testimony', { populate: false });
