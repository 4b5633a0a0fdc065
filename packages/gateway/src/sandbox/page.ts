/**
 * The HTML of the sandbox page, and of the page shown instead when the bundle is not built.
 *
 * @module
 */

/** What the page tells the browser app (read by `client/main.tsx`). */
export interface PageConfig {
  readonly endpoint: string;
  readonly defaultQuery?: string;
}

/** JSON safe inside a `<script>` element: `<` never appears literally. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The sandbox page; `assetBase` is where `sandbox.js`/`sandbox.css` are served, `version` busts caches. */
export function sandboxPage(config: PageConfig, assetBase: string, version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Orrery sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetBase}sandbox.css?v=${version}">
</head>
<body>
<div id="root"></div>
<script id="orrery-sandbox-config" type="application/json">${scriptJson(config)}</script>
<script type="module" src="${assetBase}sandbox.js?v=${version}"></script>
</body>
</html>
`;
}

/** Shown at the sandbox's path when the bundle is missing (running from sources, say). */
export function missingBundlePage(endpoint: string, looked: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Orrery sandbox not built</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto">
<h1>The sandbox is not built</h1>
<p>This gateway serves GraphQL at <code>${escapeHtml(endpoint)}</code>, but the sandbox's browser
files (<code>sandbox.js</code>, <code>sandbox.css</code>) were not found. They are made by the
package's build: run <code>pnpm turbo run build --filter @orrery/gateway</code> (or
<code>npm run build</code>) and reload.</p>
<p>Looked in:</p>
<ul>${looked.map((dir) => `<li><code>${escapeHtml(dir)}</code></li>`).join('')}</ul>
</body>
</html>
`;
}
