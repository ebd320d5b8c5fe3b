import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { REJECTION_REASON_LABELS } from '../../moderation/contract';
import {
  MODERATION_STATS_RECENT_DAYS,
  MODERATION_STATS_ROUTE,
  MODERATION_STATS_TIME_ZONE,
  MODERATION_STATS_WEEKS,
  type DecisionTime,
  type ModerationStats,
  type ModerationWeek,
  type RejectionCount,
} from '../../moderation/stats-contract';
import { durationInWords } from './durations';

const WEEK_START = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: MODERATION_STATS_TIME_ZONE });

const decisionsText = (count: number) => (count === 1 ? '1 decisione' : `${count} decisioni`);

/** «1 giorno e 4 ore (14 decisioni)», or that there was none. */
function DecisionTimeLine({ label, time }: { label: string; time: DecisionTime }) {
  return (
    <Flex justifyContent="space-between" gap={3}>
      <Typography variant="omega" textColor="neutral700">{label}</Typography>
      <Typography variant="omega" fontWeight="semiBold">
        {time.medianMs === null ? 'nessuna decisione' : `${durationInWords(time.medianMs)} (${decisionsText(time.decisions)})`}
      </Typography>
    </Flex>
  );
}

/** A bar in proportion to the busiest week: decoration only, the figure is in the cell. */
function Bar({ value, max, color }: { value: number; max: number; color: 'success500' | 'danger500' }) {
  const width = max === 0 ? 0 : Math.round((value / max) * 100);
  return <Box aria-hidden background={color} height="0.5rem" style={{ width: `${width}%`, minWidth: value > 0 ? '2px' : 0 }} hasRadius />;
}

const cell = { padding: '0.25rem 0.5rem 0.25rem 0', textAlign: 'left' as const, verticalAlign: 'middle' as const };

/** Approvals and rejections per week, the newest first, as a table with bars. */
function WeeklyDecisions({ weeks }: { weeks: ModerationWeek[] }) {
  const max = Math.max(0, ...weeks.flatMap((week) => [week.approved, week.rejected]));
  const newestFirst = [...weeks].reverse();
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'left', paddingBottom: '0.5rem' }}>
        <Typography variant="sigma" textColor="neutral600">Decisioni per settimana (da lunedì)</Typography>
      </caption>
      <thead>
        <tr>
          {['Settimana', 'Approvate', 'Rifiutate'].map((heading) => (
            <th key={heading} scope="col" style={cell}><Typography variant="pi" fontWeight="bold" textColor="neutral600">{heading}</Typography></th>
          ))}
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((week, index) => (
          <tr key={week.start}>
            <th scope="row" style={{ ...cell, fontWeight: 'normal', whiteSpace: 'nowrap' }}>
              <Typography variant="pi">{index === 0 ? 'Questa settimana' : `Dal ${WEEK_START.format(new Date(week.start))}`}</Typography>
            </th>
            {([['approved', 'success500'], ['rejected', 'danger500']] as const).map(([key, color]) => (
              <td key={key} style={{ ...cell, width: '35%' }}>
                <Flex gap={2} alignItems="center">
                  <Typography variant="pi" style={{ minWidth: '1.5rem' }}>{week[key]}</Typography>
                  <Box flex="1"><Bar value={week[key]} max={max} color={color} /></Box>
                </Flex>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RejectionReasons({ reasons }: { reasons: RejectionCount[] }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" textColor="neutral600">{`Rifiuti per motivo, ultime ${MODERATION_STATS_WEEKS} settimane`}</Typography>
      {reasons.length === 0
        ? <Typography variant="pi" textColor="neutral600">Nessun rifiuto.</Typography>
        : (
            <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
              {reasons.map(({ reason, count }) => (
                <Flex tag="li" key={reason ?? 'none'} justifyContent="space-between" gap={3}>
                  <Typography variant="pi">{reason === null ? 'Senza motivo indicato' : REJECTION_REASON_LABELS[reason]}</Typography>
                  <Typography variant="pi" fontWeight="semiBold">{count}</Typography>
                </Flex>
              ))}
            </Flex>
          )}
    </Flex>
  );
}

/**
 * The newsroom's moderation at a glance: the median time from a reader's
 * submission to the decision, approvals and rejections per week, rejections
 * by reason. Figures from GET /admin/moderation-stats (computed by the server).
 */
export function ModerationStatsWidget() {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ stats?: ModerationStats; failed?: boolean }>({});

  React.useEffect(() => {
    let live = true;
    get<{ data: ModerationStats }>(MODERATION_STATS_ROUTE)
      .then(({ data }) => live && setState({ stats: data.data }))
      .catch(() => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, [get]);

  if (state.failed) return <Widget.Error />;
  const { stats } = state;
  if (!stats) return <Widget.Loading />;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="sigma" textColor="neutral600">Tempo mediano dall&apos;invio alla decisione</Typography>
        <DecisionTimeLine label={`Ultimi ${MODERATION_STATS_RECENT_DAYS} giorni`} time={stats.decisionTime.recent} />
        <DecisionTimeLine label={`Ultime ${MODERATION_STATS_WEEKS} settimane`} time={stats.decisionTime.weeks} />
      </Flex>
      <WeeklyDecisions weeks={stats.weeks} />
      <RejectionReasons reasons={stats.rejectionsByReason} />
    </Flex>
  );
}
