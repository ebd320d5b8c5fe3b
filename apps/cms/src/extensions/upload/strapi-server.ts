import { withoutContentApiReadRoutes } from '../../utils/without-read-routes';

/** No `GET /api/upload/files[/:id]`: read-only API tokens could list every file, drafts' media included (see the helper). */
export default withoutContentApiReadRoutes;
