import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ avatar: true, socialLinks: true });
