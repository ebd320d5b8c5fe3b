import * as React from 'react';
import { createPortal } from 'react-dom';
import { useParams } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { OPEN_IN_NEW_TAB, PROBLEM_TEXT, parseFrameSignal, problemOf, type PreviewProblem } from './frame-signal';

/** Strapi 5.54's preview frame (content-manager preview/pages/Preview). */
const FRAME_SELECTOR = 'iframe[data-testid="preview-iframe"]';
/** How long after the frame's `load` the site's signal may still come. */
const SIGNAL_WAIT_MS = 2_000;
/** How long the frame may take to load at all. */
const LOAD_WAIT_MS = 20_000;
const POLL_MS = 500;

/**
 * Watches the preview frame of Strapi's Preview page: every page of a
 * preview tells the admin it loaded (the site's public/anteprima-segnale.js).
 * No signal after a load (the site refused to be framed: its
 * `frame-ancestors` names another origin than the one the admin is opened
 * at; or the site is down), or a refusal (expired or invalid link), puts the
 * Italian problem and its cure in front of the frame. Returns the problem,
 * and the frame (where the message goes).
 */
function useFrameProblem(): { problem: PreviewProblem | null; frame: HTMLIFrameElement | null } {
  const [problem, setProblem] = React.useState<PreviewProblem | null>(null);
  const [frame, setFrame] = React.useState<HTMLIFrameElement | null>(null);

  React.useEffect(() => {
    let current: HTMLIFrameElement | null = null;
    let signalled = false;
    let signalTimer: number | undefined;
    let loadTimer: number | undefined;
    const report = (next: PreviewProblem) => setProblem((previous) => previous ?? next);

    const onLoad = () => {
      window.clearTimeout(loadTimer);
      window.clearTimeout(signalTimer);
      signalTimer = window.setTimeout(() => {
        if (!signalled) report('unreachable');
        signalled = false;
      }, SIGNAL_WAIT_MS);
    };
    const onMessage = (event: MessageEvent) => {
      if (!current || event.source !== current.contentWindow) return;
      const signal = parseFrameSignal(event.data);
      if (!signal) return;
      signalled = true;
      setProblem(problemOf(signal));
    };
    const follow = () => {
      const found = document.querySelector<HTMLIFrameElement>(FRAME_SELECTOR);
      if (found === current) return;
      current?.removeEventListener('load', onLoad);
      window.clearTimeout(signalTimer);
      window.clearTimeout(loadTimer);
      current = found;
      signalled = false;
      setProblem(null);
      setFrame(found);
      if (!found) return;
      found.addEventListener('load', onLoad);
      loadTimer = window.setTimeout(() => report('unreachable'), LOAD_WAIT_MS);
    };

    window.addEventListener('message', onMessage);
    follow();
    const poll = window.setInterval(follow, POLL_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      window.clearInterval(poll);
      window.clearTimeout(signalTimer);
      window.clearTimeout(loadTimer);
      current?.removeEventListener('load', onLoad);
    };
  }, []);

  return { problem, frame };
}

/** A fresh preview link of this document (the one in the frame may have expired), or null until it comes. */
function useFreshPreviewUrl(wanted: boolean): string | null {
  const { get } = useFetchClient();
  const { slug: model, id: documentId } = useParams<{ slug: string; id: string }>();
  const [{ query }] = useQueryParams<{ status?: string; plugins?: { i18n?: { locale?: string } } }>();
  const [url, setUrl] = React.useState<string | null>(null);
  const status = query.status === 'published' ? 'published' : 'draft';

  React.useEffect(() => {
    if (!wanted || !model) return;
    let cancelled = false;
    get<{ data?: { url?: string } }>(`/content-manager/preview/url/${model}`, { params: { documentId, status } })
      .then(({ data }) => {
        if (!cancelled && typeof data.data?.url === 'string') setUrl(data.data.url);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [wanted, model, documentId, status, get]);
  return url;
}

/**
 * Injected in the Preview page's header (`preview.actions`): renders nothing
 * there; when the preview cannot be seen in the frame, an Italian message
 * over the frame, with «Apri in una nuova scheda» (a fresh link, opened
 * without `opener` nor Referer).
 */
export function PreviewFallback() {
  const { problem, frame } = useFrameProblem();
  const fresh = useFreshPreviewUrl(problem !== null);
  const host = frame?.parentElement;
  if (!problem || !host) return null;
  if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
  const { title, text } = PROBLEM_TEXT[problem];
  const href = fresh ?? frame.src;

  return createPortal(
    <Box
      role="alert"
      aria-live="polite"
      position="absolute"
      top={0}
      left={0}
      right={0}
      bottom={0}
      background="neutral100"
      padding={8}
      style={{ zIndex: 2 }}
    >
      <Flex direction="column" alignItems="flex-start" gap={4} maxWidth="36rem" marginLeft="auto" marginRight="auto" marginTop={10}>
        <Typography tag="h2" variant="beta">{title}</Typography>
        <Typography tag="p" variant="omega">{text}</Typography>
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          style={{ padding: '0.6rem 1rem', borderRadius: '4px', background: '#4945ff', color: '#fff', fontWeight: 600, textDecoration: 'none' }}
        >
          {OPEN_IN_NEW_TAB}
        </a>
      </Flex>
    </Box>,
    host,
  );
}
