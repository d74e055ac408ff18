import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVafa, startVafa } from "./runVafa.ts";

const datasets = fileURLToPath(new URL("../../../data/", import.meta.url));
const notice = "note: The data cannot separate customers who stopped from customers who buy slowly";

interface FitJson {
  identification: { code: string; notice: boolean; message: string };
  stop: { reason: string };
}

describe("honest fits: the identification notice, the spread of the scores, the chosen model, Ctrl-C", () => {
  const dir = mkdtempSync(join(tmpdir(), "vafa-honest-"));
  const stores = { "Online Retail": join(dir, "retail.duckdb"), CDNOW: join(dir, "cdnow.duckdb") };
  beforeAll(() => {
    for (const [file, preset, db] of [
      ["online-retail/online-retail.csv.gz", "online-retail", stores["Online Retail"]],
      ["cdnow/CDNOW_sample.txt", "cdnow", stores.CDNOW],
    ] as const)
      expect(
        runVafa(["ingest", "transactions", join(datasets, file), "--preset", preset, "--db", db, "--json"])
          .status,
      ).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["Online Retail", ["--model", "bgnbd"], "dropout-not-identified", true],
    ["Online Retail", ["--model", "pareto-nbd"], "dropout-not-identified", true],
    ["CDNOW", ["--model", "bgnbd", "--calibration-end", "1997-09-30"], "identified", false],
    ["CDNOW", ["--model", "pareto-nbd", "--calibration-end", "1997-09-30"], "identified", false],
  ] as const)("vafa clv fit on %s %s: %s, notice %s", (store, args, code, shown) => {
    const db = stores[store];
    const json = runVafa(["clv", "fit", ...args, "--db", db, "--json"]);
    expect(json.stderr).toBe("");
    const fit = JSON.parse(json.stdout) as FitJson;
    expect(fit.identification.code).toBe(code);
    expect(fit.identification.notice).toBe(shown);
    const text = runVafa(["clv", "fit", ...args, "--db", db]);
    expect(text.status).toBe(0);
    expect(text.stdout.includes(notice)).toBe(shown);
    expect(text.stdout).toContain("95% interval");
  });

  it("vafa clv score (model auto) on Online Retail says which model and why, shows the spread of P(alive) and the notice", () => {
    const db = stores["Online Retail"];
    const report = JSON.parse(runVafa(["clv", "score", "--db", db, "--json"]).stdout) as {
      model: string;
      choice: { model: string; reason: string };
      distribution: { p_alive: { p10: number; median: number }; expected_purchases: { median: number } };
      identification: { notice: boolean } | null;
    };
    expect(report.model).toBe("bgnbd");
    expect(report.choice.model).toBe("bgnbd");
    expect(report.choice.reason).toMatch(
      /^chosen by the model check \(calibration to 2011-08-0\d, holdout to 2011-12-09\): /,
    );
    expect(report.distribution.p_alive.p10).toBeGreaterThan(0.95);
    expect(report.distribution.expected_purchases.median).toBeGreaterThan(0);
    const text = runVafa(["clv", "score", "--model", "bgnbd", "--db", db]).stdout;
    expect(text).toMatch(/P\(alive\): median \d\.\d{3}, middle half/);
    expect(text).not.toContain("mean P(alive)");
  });

  it.each([
    ["check", ["clv", "check", "--calibration-end", "2011-09-01"]],
    ["fit", ["clv", "fit", "--model", "pareto-nbd", "--penalizer", "0.0001"]],
  ] as const)("Ctrl-C stops vafa clv %s within 1 s with exit code 130", async (_, args) => {
    // The progress line, forced without a terminal, says when the worker is fitting.
    process.env.VAFA_PROGRESS = "1";
    const child = startVafa([...args, "--db", stores["Online Retail"]]);
    delete process.env.VAFA_PROGRESS;
    let stderr = "";
    const fitting = new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("fitting")) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await fitting;
    await new Promise((r) => setTimeout(r, 500));
    const sent = performance.now();
    child.kill("SIGINT");
    const code = await exited;
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(code).toBe(130);
    expect(stderr).toMatch(/fitting (bgnbd|pareto-nbd).* s \(Ctrl-C stops\)/);
    expect(stderr).toContain("stopped (Ctrl-C)");
  });
});
