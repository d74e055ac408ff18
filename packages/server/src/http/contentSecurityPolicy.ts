import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts, images and requests from
 * this origin only; no plugins, no `<base>` rewriting, forms post only here, and no site may frame
 * any page (`frame-ancestors 'none'`). The dashboard (Vite's build: external module scripts and one
 * stylesheet; React sets styles through the CSSOM, which CSP does not govern) runs under it as is.
 * `inline` adds the SHA-256 hashes of a self-contained page's inline `<script>` and `<style>` blocks
 * (the `/docs` page), so exactly those blocks run and nothing injected does.
 *
 * @example
 * contentSecurityPolicy(); // "default-src 'self'; script-src 'self'; …; frame-ancestors 'none'"
 * contentSecurityPolicy(inlineBlocks(docsPage));
 */
export function contentSecurityPolicy(inline: InlineBlocks = { scripts: [], styles: [] }): string {
  const hashes = (blocks: readonly string[]) => blocks.map((b) => ` '${sha256(b)}'`).join("");
  return [
    "default-src 'self'",
    `script-src 'self'${hashes(inline.scripts)}`,
    `style-src 'self'${hashes(inline.styles)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The inline `<script>` and `<style>` bodies of an HTML page. */
export interface InlineBlocks {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

/**
 * The inline blocks of a page we ship as a string (scripts without `src`, and styles), for
 * `contentSecurityPolicy`.
 *
 * @example
 * inlineBlocks("<style>p{}</style><script>go()</script>"); // { scripts: ["go()"], styles: ["p{}"] }
 */
export function inlineBlocks(html: string): InlineBlocks {
  const bodies = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1] ?? "");
  return {
    scripts: bodies(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi),
    styles: bodies(/<style[^>]*>([\s\S]*?)<\/style>/gi),
  };
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
