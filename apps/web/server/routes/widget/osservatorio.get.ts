import { widgetQuery } from '../../../shared/utils/osservatorio-routes';
import { cmsClientOf, cmsUnavailable } from '../../utils/cms/request';
import { osservatorioWidget } from '../../utils/widget/html';
import { sendWidget } from '../../utils/widget/respond';

/**
 * /widget/osservatorio[?settore=…]: a sector's figures from the
 * Osservatorio (or every sector's), as a tiny HTML page partners frame on
 * their sites (docs/partners.md, «Widget»).
 */
export default defineEventHandler(async (event) => {
  const { sector } = widgetQuery(getQuery(event));
  const { data } = await cmsClientOf(event).osservatorio.get(sector ? { sector } : {}).catch(cmsUnavailable(event, 'widget'));
  return sendWidget(event, osservatorioWidget(data, useRuntimeConfig().public.siteUrl, sector));
});
