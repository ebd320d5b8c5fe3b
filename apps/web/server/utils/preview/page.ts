import { PREVIEW_FRAME_STATES, PREVIEW_SIGNAL_SCRIPT_PATH, type PreviewRefusalReason } from '@chiudete/types';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);

export interface PreviewRefusal {
  /** Told to the admin's preview pane (the signal's script, server/routes/anteprima-segnale.js.get.ts). */
  reason: PreviewRefusalReason;
  title: string;
  message: string;
}

/**
 * The small Italian page of a refused or impossible preview: it shows no
 * content, only what happened and what to do. Self-contained (no CMS call,
 * no app shell), never indexed nor cached. Its one script (a file of the
 * site: the CSP allows no inline script) tells the admin's preview pane, when
 * framed there, that the preview was refused: the admin then offers to open
 * it in a new tab.
 */
export function previewRefusalPage({ reason, title, message }: PreviewRefusal): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Chiudete i Call Center</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1d1a;background:#faf6ee}h1{font-size:1.6rem}a{color:#9c2b14}</style>
<script src="${PREVIEW_SIGNAL_SCRIPT_PATH}" data-stato="${PREVIEW_FRAME_STATES[1]}" data-motivo="${escapeHtml(reason)}"></script>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/" target="_blank" rel="noopener noreferrer">Vai alla pagina iniziale del sito</a></p>
</main>
</body>
</html>
`;
}
