import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The CLI entry point, run as a user would run `npx vafa`. */
export const vafaBin = fileURLToPath(new URL("../bin/vafa.js", import.meta.url));

/** Runs `vafa args…` to completion and returns its exit status and output. */
export function runVafa(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [vafaBin, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `vafa args…` without waiting, for tests that interrupt it. */
export function startVafa(args: readonly string[]) {
  return spawn(process.execPath, [vafaBin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}
