import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { MODERATION_STATS_ROUTE, type ModerationStats } from '../../moderation/stats-contract';

type Get = ReturnType<typeof useFetchClient>['get'];

/** The request in flight: the home page's two figure widgets mount together and share one. */
let inFlight: Promise<ModerationStats> | null = null;

function load(get: Get): Promise<ModerationStats> {
  inFlight ??= get<{ data: ModerationStats }>(MODERATION_STATS_ROUTE)
    .then(({ data }) => data.data)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** GET /admin/moderation-stats, for a widget: the figures, or whether the request failed. */
export function useModerationStats(): { stats?: ModerationStats; failed?: boolean } {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ stats?: ModerationStats; failed?: boolean }>({});
  React.useEffect(() => {
    let live = true;
    load(get)
      .then((stats) => live && setState({ stats }))
      .catch(() => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, [get]);
  return state;
}
