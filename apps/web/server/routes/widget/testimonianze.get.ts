import { widgetQuery } from '../../../shared/utils/osservatorio-routes';
import { cmsClientOf, cmsUnavailable } from '../../utils/cms/request';
import { testimoniesWidget } from '../../utils/widget/html';
import { sendWidget } from '../../utils/widget/respond';

/** How many testimonies the widget shows. */
const WIDGET_TESTIMONIES = 3;

/**
 * /widget/testimonianze[?settore=…]: the latest published testimonies (of a
 * sector), as a tiny HTML page partners frame on their sites (docs/partners.md, «Widget»).
 */
export default defineEventHandler(async (event) => {
  const { sector } = widgetQuery(getQuery(event));
  const { data } = await cmsClientOf(event).testimonies.list({
    page: 1,
    pageSize: WIDGET_TESTIMONIES,
    sort: ['publishedAt:desc', 'id:desc'],
    fields: ['slug', 'title', 'role', 'sector', 'eventMonth'],
    ...(sector ? { filters: { sector: { $eq: sector } } } : {}),
  }).catch(cmsUnavailable(event, 'widget'));
  return sendWidget(event, testimoniesWidget(data, useRuntimeConfig().public.siteUrl, sector));
});
