import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

/** One row of a home-page list: a link into the Content Manager's edit view. */
export interface RecentItem {
  documentId: string;
  title: string;
  /** Right-hand note, e.g. "Bozza" or "In revisione". */
  note: string;
  /** ISO date shown under the title. */
  date: string | null;
}

interface Props {
  /** Content type uid, e.g. api::article.article. */
  uid: string;
  /** Query string of the Content Manager list request (sort, filters, pageSize). */
  query: string;
  toItem: (row: Record<string, unknown>) => RecentItem;
  empty: string;
  /** A line above the list from the number of matching entries (all pages), e.g. "12 in attesa". */
  summary?: (total: number) => string;
}

interface ListResponse {
  results: Array<Record<string, unknown>>;
  pagination?: { total?: number };
}

const DAY = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });

/**
 * A short list of entries of one type read through the Content Manager's own
 * admin API (so the user's permissions apply), for the home-page widgets.
 */
export function RecentList({ uid, query, toItem, empty, summary }: Props) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ items?: RecentItem[]; total?: number; failed?: boolean }>({});

  React.useEffect(() => {
    let live = true;
    get<ListResponse>(`/content-manager/collection-types/${uid}?${query}`)
      .then(({ data }) => live && setState({ items: data.results.map(toItem), total: data.pagination?.total ?? data.results.length }))
      .catch(() => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, [get, uid, query, toItem]);

  if (state.failed) return <Widget.Error />;
  if (!state.items) return <Widget.Loading />;
  if (state.items.length === 0) return <Widget.NoData>{empty}</Widget.NoData>;
  const list = (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
      {state.items.map((item) => (
        <Box tag="li" key={item.documentId} paddingTop={2} paddingBottom={2} borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
          <Flex justifyContent="space-between" gap={3}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Link to={`/content-manager/collection-types/${uid}/${item.documentId}`}>
                <Typography fontWeight="semiBold" textColor="primary700">{item.title || 'Senza titolo'}</Typography>
              </Link>
              {item.date && <Typography variant="pi" textColor="neutral600">{DAY.format(new Date(item.date))}</Typography>}
            </Flex>
            <Typography variant="pi" textColor="neutral700">{item.note}</Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
  if (!summary) return list;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="omega" fontWeight="semiBold">{summary(state.total ?? state.items.length)}</Typography>
      {list}
    </Flex>
  );
}
