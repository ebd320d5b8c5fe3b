import { Box, Typography } from '@strapi/design-system';
import { PERSONAL_DATA_KIND_LABELS, type HighlightSegment } from '../../moderation/contract';

/**
 * A text with its personal data marked: one <mark> per finding, built from
 * the segments the server computed (never HTML: React escapes every piece).
 */
export const HighlightedText = ({ segments }: { segments: readonly HighlightSegment[] }) => (
  <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {segments.map((segment, index) =>
      segment.finding
        ? (
            <Box
              key={index}
              tag="mark"
              background="warning100"
              color="warning700"
              borderColor="warning500"
              borderStyle="solid"
              borderWidth="0 0 2px 0"
              paddingLeft={1}
              paddingRight={1}
              title={PERSONAL_DATA_KIND_LABELS[segment.finding.kind]}
              data-kind={segment.finding.kind}
            >
              {segment.text}
            </Box>
          )
        : <span key={index}>{segment.text}</span>,
    )}
  </Typography>
);
