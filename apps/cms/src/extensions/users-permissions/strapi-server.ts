import { withoutContentApiReadRoutes } from '../../utils/without-read-routes';

/** No `GET /api/users`, `/api/users/:id`, `/api/users-permissions/roles[/:id]`: read-only API tokens could list them (see the helper). */
export default withoutContentApiReadRoutes;
