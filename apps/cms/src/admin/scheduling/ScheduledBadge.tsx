import { Flex, Status, Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext, useForm } from '@strapi/strapi/admin';
import { formatScheduleMoment, scheduleDate } from './format';

/**
 * "Programmato per il …" in the edit view's side panel, under «Pubblica» and
 * «Salva» (injection zone `editView.right-links`), for an entry whose saved
 * version carries `scheduledPublishAt` / `scheduledUnpublishAt`
 * (src/scheduling). A date typed but not saved yet says so: nothing is
 * scheduled until «Salva».
 */
export function ScheduledBadge() {
  const { contentType } = useContentManagerContext();
  const saved = useForm('ScheduledBadge', (state) => state.initialValues) as Record<string, unknown>;
  const current = useForm('ScheduledBadge', (state) => state.values) as Record<string, unknown>;
  const attributes = (contentType?.attributes ?? {}) as Record<string, unknown>;
  if (!('scheduledPublishAt' in attributes)) return null;

  const publishAt = scheduleDate(saved.scheduledPublishAt);
  const unpublishAt = scheduleDate(saved.scheduledUnpublishAt);
  const unsaved
    = String(saved.scheduledPublishAt ?? '') !== String(current.scheduledPublishAt ?? '')
      || String(saved.scheduledUnpublishAt ?? '') !== String(current.scheduledUnpublishAt ?? '');
  if (!publishAt && !unpublishAt && !unsaved) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="scheduled-badge">
      {publishAt && (
        <Status variant="primary" size="S" role="status">
          <Typography fontWeight="bold">{`Programmato per il ${formatScheduleMoment(publishAt)}`}</Typography>
        </Status>
      )}
      {unpublishAt && (
        <Status variant="warning" size="S" role="status">
          <Typography fontWeight="bold">{`Ritiro programmato per il ${formatScheduleMoment(unpublishAt)}`}</Typography>
        </Status>
      )}
      {unsaved && (
        <Typography variant="pi" textColor="neutral600">
          Date di programmazione modificate: premi «Salva» per confermarle.
        </Typography>
      )}
    </Flex>
  );
}
