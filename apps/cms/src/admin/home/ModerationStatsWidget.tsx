import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { REJECTION_REASON_LABELS } from '../../moderation/contract';
import { MODERATION_STATS_RECENT_DAYS, MODERATION_STATS_WEEKS, type DecisionTime } from '../../moderation/stats-contract';
import { durationInWords } from './durations';
import { useModerationStats } from './use-moderation-stats';
import { WeeklyDecisionsChart } from './WeeklyDecisionsChart';

/** A reason as the figures name it: the moderators' form label, without its instruction («spiega nella nota»). */
function reasonLabel(reason: keyof typeof REJECTION_REASON_LABELS | null): string {
  if (reason === null) return 'Senza motivo indicato';
  return REJECTION_REASON_LABELS[reason].replace(/\s*\(spiega nella nota\)$/, '');
}

const decisionsText = (count: number) => (count === 1 ? '1 decisione' : `${count} decisioni`);

/** «Ultimi 30 giorni … 1 giorno e 4 ore (14 decisioni)», or that there was none. */
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

/**
 * The newsroom's moderation at a glance: the median time from a reader's
 * submission to the decision, and approvals and rejections per week.
 * Figures computed by the server (GET /admin/moderation-stats).
 */
export function ModerationStatsWidget() {
  const { stats, failed } = useModerationStats();
  if (failed) return <Widget.Error />;
  if (!stats) return <Widget.Loading />;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="sigma" textColor="neutral600">Tempo mediano dall&apos;invio alla decisione</Typography>
        <DecisionTimeLine label={`Ultimi ${MODERATION_STATS_RECENT_DAYS} giorni`} time={stats.decisionTime.recent} />
        <DecisionTimeLine label={`Ultime ${MODERATION_STATS_WEEKS} settimane`} time={stats.decisionTime.weeks} />
      </Flex>
      <WeeklyDecisionsChart weeks={stats.weeks} />
    </Flex>
  );
}

/** Rejections of the last weeks by reason, most frequent first. */
export function RejectionReasonsWidget() {
  const { stats, failed } = useModerationStats();
  if (failed) return <Widget.Error />;
  if (!stats) return <Widget.Loading />;
  if (stats.rejectionsByReason.length === 0) return <Widget.NoData>{`Nessun rifiuto nelle ultime ${MODERATION_STATS_WEEKS} settimane`}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600">{`Ultime ${MODERATION_STATS_WEEKS} settimane`}</Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
        {stats.rejectionsByReason.map(({ reason, count }) => (
          <Flex tag="li" key={reason ?? 'none'} justifyContent="space-between" gap={3} paddingTop={1} paddingBottom={1}>
            <Typography variant="omega">{reasonLabel(reason)}</Typography>
            <Typography variant="omega" fontWeight="semiBold">{count}</Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
