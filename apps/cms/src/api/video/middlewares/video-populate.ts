import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ poster: true });
