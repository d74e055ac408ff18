#!/usr/bin/env node
// Runs the bundled CLI when it is at least as new as every source file; otherwise (during
// development, before `npm install` rebuilt it) runs the TypeScript sources through tsx.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/vafa.mjs", import.meta.url));
const packages = fileURLToPath(new URL("../../", import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return readdirSync(packages).every((p) => {
      try {
        return newestSource(`${packages}${p}/src`) <= built;
      } catch {
        return true;
      }
    });
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
