import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const vafaBin = fileURLToPath(new URL("../../cli/bin/vafa.js", import.meta.url));

/** Starts `vafa serve …` and resolves with its URL once it prints "Vafa serving URL". */
export function startServe(
  args: readonly string[],
): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [vafaBin, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Vafa serving (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.once("exit", (code) => reject(new Error(`vafa serve exited ${code}: ${err}`)));
  });
}

/** Stops a server started by `startServe` and waits for it to exit. */
export function stopServe(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
