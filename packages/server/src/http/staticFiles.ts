import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { contentSecurityPolicy, inlineBlocks } from "./contentSecurityPolicy.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Shown at `/` when the dashboard has not been built. */
export const missingWebPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vafa</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto}</style></head>
<body>
<h1>Vafa</h1><p>The API is running, but the web dashboard has not been built.</p>
<p>Build it with <code>npm run build -w @vafa/web</code> and reload this page.</p>
<p>Meanwhile: <a href="/docs">API documentation</a> · <a href="/openapi.json">openapi.json</a></p></body></html>`;

const missingWebPageCsp = contentSecurityPolicy(inlineBlocks(missingWebPage));

async function fileAt(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built dashboard from `dir`: a file if one matches the path, else `index.html` (the
 * single-page app routes in the browser), else the "run the build" page. Paths cannot leave `dir`.
 *
 * @example
 * app.get("*", (c) => serveWeb(config.webDir, c.req.path));
 */
export async function serveWeb(dir: string, urlPath: string): Promise<Response> {
  const root = normalize(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = "/"; // a malformed %-escape names no file: the app's index, as for any unknown path
  }
  const wanted = normalize(join(root, decoded));
  const inside = wanted === root || wanted.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = (inside ? await fileAt(wanted) : null) ?? (await fileAt(join(root, "index.html")));
  if (file === null)
    return new Response(missingWebPage, {
      headers: { "content-type": types[".html"] ?? "", "content-security-policy": missingWebPageCsp },
    });
  const type = types[extname(file)] ?? "application/octet-stream";
  const cache = file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
  return new Response(await readFile(file), { headers: { "content-type": type, "cache-control": cache } });
}
