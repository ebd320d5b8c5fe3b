const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);

/**
 * The small Italian page of a refused or impossible preview: it shows no
 * content, only what happened and what to do. Self-contained (no CMS call,
 * no app shell), never indexed nor cached.
 */
export function previewRefusalPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} · Chiudete i Call Center</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1d1a;background:#faf6ee}h1{font-size:1.6rem}a{color:#9c2b14}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Vai alla pagina iniziale</a></p>
</main>
</body>
</html>
`;
}
