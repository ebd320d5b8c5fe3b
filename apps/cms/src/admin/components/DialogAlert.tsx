import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';

/**
 * What went wrong, inside an action's dialog (approve, reject, ping...):
 * announced to screen readers (role="alert"), in the danger colours, with an
 * optional bold title and anything below the message (a list of findings).
 */
export const DialogAlert = ({ title, message, children }: { title?: string; message: string; children?: React.ReactNode }) => (
  <Box role="alert" background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius padding={3}>
    {title ? <Typography tag="p" fontWeight="bold" textColor="danger700">{title}</Typography> : null}
    <Typography tag="p" textColor="danger700">{message}</Typography>
    {children}
  </Box>
);
