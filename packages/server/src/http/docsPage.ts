import { contentSecurityPolicy, inlineBlocks } from "./contentSecurityPolicy.ts";

/**
 * A self-contained page that renders `/openapi.json` as a browsable list (no CDN: nothing is fetched
 * from outside at run time): one section per tag, each operation with its access, parameters and
 * request body schema.
 */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vafa API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 2rem;color:#1d2433}
h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;margin-top:2rem;text-transform:capitalize}
details{border:1px solid #e3e6eb;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer}code,pre{font:12px ui-monospace,monospace}pre{background:#f6f8fa;padding:.5rem;overflow:auto}
.m{display:inline-block;width:4.2rem;font-weight:600;text-transform:uppercase}.get{color:#0a7}.post{color:#06c}
.put,.patch{color:#b60}.delete{color:#c22}.a{color:#777;font-size:12px;margin-left:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #e3e6eb;padding:.2rem .5rem;text-align:left}
</style></head><body><h1>Vafa API</h1><p id="d"></p><p><a href="/openapi.json">openapi.json</a></p><div id="ops">Loading…</div>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"})[c]);
fetch("/openapi.json").then((r) => r.json()).then((doc) => {
  document.getElementById("d").textContent = doc.info.description;
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
    (byTag[op.tags[0]] ??= []).push({ path, method, op });
  }
  let html = "";
  for (const [tag, ops] of Object.entries(byTag)) {
    html += "<h2>" + esc(tag) + "</h2>";
    for (const { path, method, op } of ops) {
      html += '<details><summary><span class="m ' + method + '">' + method + "</span><code>" + esc(path) +
        "</code> — " + esc(op.summary) + '<span class="a">' + esc(op["x-vafa-access"]) + "</span></summary>";
      if (op.parameters.length) {
        html += "<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>";
        for (const p of op.parameters) html += "<tr><td><code>" + esc(p.name) + "</code></td><td>" + p.in +
          "</td><td>" + (p.required ? "yes" : "") + "</td><td><code>" + esc(JSON.stringify(p.schema)) + "</code></td></tr>";
        html += "</table>";
      }
      if (op.requestBody) html += "<p>Body:</p><pre>" + esc(JSON.stringify(op.requestBody.content, null, 2)) + "</pre>";
      html += "<p>Returns: <code>" + esc(op.responses["200"].description) + "</code></p></details>";
    }
  }
  document.getElementById("ops").innerHTML = html;
});
</script></body></html>`;

/** The `/docs` page's Content-Security-Policy: the default one plus the hashes of its inline blocks. */
export const docsPageCsp = contentSecurityPolicy(inlineBlocks(docsPage));
