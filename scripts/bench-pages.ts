// Benchmark: time to data of every dashboard page on the demo data. Uses ./vafa.duckdb (or BENCH_DB;
// built with `vafa demo` when missing), builds the dashboard when it is not built, starts the server
// on loopback, signs in as a bench admin in headless Chromium (/usr/bin/chromium or VAFA_CHROMIUM)
// and navigates to each page twice: cold (the server's first answer) and warm (cached). The time is
// from navigation until the page's requests have answered and its data (a table, chart, card or
// empty state) is on screen. Target: every page within 1 s. Run with `npm run bench:pages`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openStore } from "@vafa/duckdb";
import { hashPassword, sqlStateStore, startServer } from "@vafa/server";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const db = process.env.BENCH_DB ?? "vafa.duckdb";
const chromiumPath = process.env.VAFA_CHROMIUM ?? "/usr/bin/chromium";
/** What the browser-side functions use (this script is type-checked without the DOM library). */
interface Browser {
  readonly location: { hash: string };
  readonly document: { querySelector(selector: string): unknown };
}
const PAGES = [
  "overview",
  "retention",
  "cohorts",
  "lifecycle",
  "profitability",
  "customers",
  "customer",
  "worklist",
  "causes",
  "programme",
  "segments",
  "baskets",
  "data",
  "settings",
];

if (!existsSync(db)) {
  process.stdout.write(`building the demo database at ${db} (vafa demo) …\n`);
  const r = spawnSync(process.execPath, [vafa, "demo", "--db", db], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("vafa demo failed");
}
if (!existsSync(`${root}packages/web/dist/index.html`))
  spawnSync("npm", ["run", "build:web"], { cwd: root, stdio: "inherit" });

// A bench user, created directly in the store before the server holds the file.
const email = "bench-pages@vafa.local";
const password = "bench-pages-password";
{
  const store = await openStore(db);
  const state = sqlStateStore(store.client);
  if ((await state.findUserByEmail(email)) === null)
    await state.createUser({
      email,
      name: "Bench",
      role: "admin",
      branch: null,
      passwordHash: await hashPassword(password),
    });
  store.close();
}

const server = await startServer({ db, port: 0, host: "127.0.0.1" });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector(".sidenav");
  const customer = await page.evaluate(async () => {
    const answer = (await (await fetch("/api/customers?limit=1")).json()) as { rows: { id: string }[] };
    return answer.rows[0]?.id ?? "";
  });

  const timeTo = async (name: string): Promise<number> => {
    const route = name === "customer" ? `customers/${encodeURIComponent(customer)}` : name;
    // Leave for a page without data first, so each measurement starts from a navigation.
    await page.evaluate(() => {
      (globalThis as unknown as Browser).location.hash = "#/nowhere";
    });
    await page.waitForFunction(
      () => (globalThis as unknown as Browser).document.querySelector(".content h1") === null,
    );
    const start = performance.now();
    await page.evaluate((r) => {
      (globalThis as unknown as Browser).location.hash = `#/${r}`;
    }, route);
    await page.waitForFunction(
      () => {
        const { document } = globalThis as unknown as Browser;
        return (
          document.querySelector(".content h1") !== null &&
          document.querySelector(".content .loading") === null &&
          document.querySelector(
            ".content table, .content .stat-card, .content .recharts-surface, .content .empty, .content form",
          ) !== null
        );
      },
      null,
      { polling: 10 },
    );
    return performance.now() - start;
  };

  const rows: { page: string; cold: number; warm: number }[] = [];
  for (const name of PAGES) {
    const cold = await timeTo(name);
    const warm = await timeTo(name);
    rows.push({ page: name, cold, warm });
  }
  const ms = (v: number) => `${Math.round(v).toLocaleString("en")} ms`.padStart(9);
  process.stdout.write(`\nTime to data per page (${db}):\n\n`);
  process.stdout.write("| page | first visit | again | within 1 s |\n|---|---:|---:|---|\n");
  for (const r of rows)
    process.stdout.write(
      `| ${r.page} | ${ms(r.cold)} | ${ms(r.warm)} | ${r.cold <= 1000 ? "yes" : "no"} |\n`,
    );
} finally {
  await browser.close();
  await server.close();
}
