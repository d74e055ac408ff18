import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServe, stopServe } from "../../server/test/startServe.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("vafa serve", () => {
  it("prints its URL on port 0 and answers the API", async () => {
    const { url, child } = await startServe(["--db", join(dir, "v.duckdb"), "serve", "--port", "0"]);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const setup = await fetch(`${url}/api/setup`);
      expect(await setup.json()).toEqual({ needsSetup: true });
      expect((await fetch(`${url}/api/overview`)).status).toBe(401);
    } finally {
      await stopServe(child);
    }
  });

  it("refuses a state store it does not know", async () => {
    await expect(
      startServe(["--db", join(dir, "w.duckdb"), "serve", "--state", "mysql://x"]),
    ).rejects.toThrow(/--state must be/);
  });
});
