import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { MODERATION_STATS_TIME_ZONE, MODERATION_STATS_WEEKS, type ModerationWeek } from '../../moderation/stats-contract';

const WEEK_START = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: MODERATION_STATS_TIME_ZONE });
const CHART_HEIGHT_PX = 64;

const weekName = (week: ModerationWeek, index: number, weeks: ModerationWeek[]) =>
  (index === weeks.length - 1 ? 'Questa settimana' : `Dal ${WEEK_START.format(new Date(week.start))}`);

/** A column in proportion to the busiest week; the figure itself is in the table. */
function Column({ value, max, color }: { value: number; max: number; color: 'success500' | 'danger500' }) {
  const height = max === 0 ? 0 : Math.round((value / max) * CHART_HEIGHT_PX);
  return <Box background={color} width="0.6rem" style={{ height: `${Math.max(height, value > 0 ? 2 : 0)}px` }} />;
}

function Legend({ color, label }: { color: 'success500' | 'danger500'; label: string }) {
  return (
    <Flex gap={1} alignItems="center">
      <Box background={color} width="0.6rem" height="0.6rem" />
      <Typography variant="pi" textColor="neutral700">{label}</Typography>
    </Flex>
  );
}

/**
 * Approvals and rejections per week, oldest on the left: columns for the
 * eye, and the same figures in a table for screen readers (the columns are
 * hidden from them).
 */
export function WeeklyDecisionsChart({ weeks }: { weeks: ModerationWeek[] }) {
  const max = Math.max(0, ...weeks.flatMap((week) => [week.approved, week.rejected]));
  const total = (key: 'approved' | 'rejected') => weeks.reduce((sum, week) => sum + week[key], 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600" aria-hidden>Decisioni per settimana</Typography>
      <Flex aria-hidden alignItems="flex-end" justifyContent="space-between" gap={1}>
        {weeks.map((week, index) => (
          <Flex key={week.start} direction="column" alignItems="center" gap={1} flex="1" title={`${weekName(week, index, weeks)}: ${week.approved} approvate, ${week.rejected} rifiutate`}>
            <Flex alignItems="flex-end" justifyContent="center" gap="2px" width="100%" borderColor="neutral200" borderStyle="solid" borderWidth="0 0 1px 0" style={{ height: `${CHART_HEIGHT_PX}px` }}>
              <Column value={week.approved} max={max} color="success500" />
              <Column value={week.rejected} max={max} color="danger500" />
            </Flex>
            <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap', fontSize: '1rem' }}>
              {index === weeks.length - 1 ? 'questa' : WEEK_START.format(new Date(week.start))}
            </Typography>
          </Flex>
        ))}
      </Flex>
      <Flex aria-hidden gap={4}>
        <Legend color="success500" label={`Approvate: ${total('approved')}`} />
        <Legend color="danger500" label={`Rifiutate: ${total('rejected')}`} />
      </Flex>
      <VisuallyHidden>
        <table>
          <caption>{`Decisioni per settimana (da lunedì), ultime ${MODERATION_STATS_WEEKS} settimane`}</caption>
          <thead>
            <tr>
              <th scope="col">Settimana</th>
              <th scope="col">Approvate</th>
              <th scope="col">Rifiutate</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, index) => (
              <tr key={week.start}>
                <th scope="row">{weekName(week, index, weeks)}</th>
                <td>{week.approved}</td>
                <td>{week.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Flex>
  );
}
