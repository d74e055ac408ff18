// Bundles the CLI and the workspace packages it uses into one ES module, so `vafa` starts without
// compiling TypeScript on every run. Third-party packages stay external (native bindings among them).
import { build } from "esbuild";

const workspaceOnly = {
  name: "workspace-only",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@vafa/") ? undefined : { external: true },
    );
  },
};

await build({
  entryPoints: [new URL("src/main.ts", import.meta.url).pathname],
  // Split chunks keep the server's and ClickHouse's dependencies out of every other command's start.
  outdir: new URL("dist", import.meta.url).pathname,
  entryNames: "vafa",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [workspaceOnly],
  logLevel: "warning",
});
