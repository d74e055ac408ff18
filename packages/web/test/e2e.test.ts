import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "@vafa/core";
import { type RunningServer, startServer } from "@vafa/server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// End-to-end: the built dashboard, served by the real server over a fresh DuckDB file, driven in
// headless Chromium (Debian's /usr/bin/chromium; `.ci/run` installs it).
const CHROMIUM = process.env.VAFA_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../../..");
const SHOTS = join(ROOT, ".ci/out/screenshots");
const ADMIN = { name: "Admin Person", email: "admin@example.com", password: "correct-horse-1" };
const AGENT = { name: "Agent Person", email: "agent@example.com", password: "agent-pass-22" };
const PERSIAN_DIGIT = /[۰-۹]/;
// A date written in the Jalali calendar with Persian digits, e.g. "۱۶ فروردین ۱۴۰۲".
const JALALI = /[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴۰[۰-۳]/;

/** Thirty customers buying over 2022-04 .. 2023-06, plus one row whose amount is not a number. */
function transactionsCsv(): { text: string; badLine: number } {
  const lines = ["id,customer_id,occurred_at,amount,country"];
  let n = 0;
  for (let c = 1; c <= 30; c++) {
    const every = 1 + (c % 3);
    const first = c % 4;
    const last = 6 + (c % 10);
    for (let m = first; m <= last; m += every) {
      const year = 2022 + Math.floor((3 + m) / 12);
      const month = ((3 + m) % 12) + 1;
      const day = 1 + ((c * 7 + m) % 27);
      n++;
      const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      lines.push(
        `t${n},c${String(c).padStart(2, "0")},${iso},${20 + ((c * 13 + m * 7) % 90)},${c % 2 ? "Iran" : "Oman"}`,
      );
    }
  }
  lines.push("tbad,c01,2022-05-05,abc,Iran");
  return { text: `${lines.join("\n")}\n`, badLine: lines.length };
}

// Skipped on a laptop without Chromium; in CI (where .ci/run installs it) a missing browser fails.
const skip = !existsSync(CHROMIUM) && process.env.CI !== "true";

describe.skipIf(skip)("web dashboard end to end", () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csvPath: string;
  let badLine: number;
  const cspViolations: string[] = [];

  const goto = async (route: string): Promise<void> => {
    await page.goto(`${server.url}/#/${route}`);
    await page.waitForSelector(".content h1");
  };
  const shot = async (name: string): Promise<void> => {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  // The text a reader sees (hidden <option> labels left out), hence innerText rather than textContent.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
  const text = (): Promise<string> => page.locator("body").innerText();
  const signIn = async (email: string, password: string): Promise<void> => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('input[name="email"], .sidenav');
    if ((await page.$(".sidenav")) !== null) {
      await page.click(".topbar button.secondary");
      await page.waitForSelector('input[name="email"]');
    }
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForSelector(".sidenav");
  };

  beforeAll(async () => {
    execFileSync("npm", ["run", "build", "-w", "@vafa/web"], { cwd: ROOT, stdio: "pipe" });
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "vafa-web-e2e-"));
    const csv = transactionsCsv();
    csvPath = join(dir, "transactions.csv");
    badLine = csv.badLine;
    writeFileSync(csvPath, csv.text);
    server = await startServer({ db: join(dir, "facts.duckdb"), port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // Every Content-Security-Policy violation Chromium reports on any page this suite visits.
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy"))
        cspViolations.push(`${page.url()}: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("sets up the first administrator and lands on an overview that asks for data", async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('input[name="name"]');
    await shot("en-setup");
    await page.fill('input[name="name"]', ADMIN.name);
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForSelector(".sidenav");
    await page.waitForSelector(".empty");
    expect(await text()).toContain("No data yet — upload transactions on the Data page");
  });

  it("signs out and back in", async () => {
    await page.click(".topbar button.secondary");
    await page.waitForSelector('input[name="password"]');
    await shot("en-login");
    await signIn(ADMIN.email, ADMIN.password);
    expect(await text()).toContain(ADMIN.name);
  });

  it("shows the bad row of a strict upload, then loads the rest when told to skip it", async () => {
    await goto("data");
    await page.setInputFiles('input[type="file"]', csvPath);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-testid="job"][data-state="failed"]');
    const problems = await page.textContent('[data-testid="problems"]');
    expect(problems).toContain("abc");
    expect(problems).toContain(String(badLine));

    await page.check('input[name="skip_bad_rows"]');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-testid="job"][data-state="done"]');
    expect(await page.textContent('[data-testid="problems"]')).toContain("abc");
    expect(await page.getAttribute('[role="progressbar"]', "aria-valuenow")).toBe("100");
    await shot("en-data");
  });

  it("shows the overview: three retention rates, defection and a trend chart", async () => {
    await goto("overview");
    await page.waitForSelector(".stat-card");
    await page.waitForSelector(".recharts-surface .recharts-line");
    const body = await text();
    expect(body).toContain("Customer retention");
    expect(body).toContain("Sales-adjusted retention");
    expect(body).toContain("Profit-adjusted retention");
    expect(body).toContain("Defection rate");
    expect(body).toMatch(/\d+(\.\d)?%/);
    await shot("en-overview");
  });

  it("draws the cohort heatmap", async () => {
    await goto("cohorts");
    await page.waitForSelector("table.heatmap td.heat");
    const cells = await page.$$eval("table.heatmap tbody td.heat", (tds) =>
      tds.map((td) => td.textContent ?? ""),
    );
    expect(cells.filter((c) => c.includes("%")).length).toBeGreaterThan(5);
    // Period 0 of every cohort holds all of it.
    expect(await page.textContent("table.heatmap tbody tr:first-child td.heat")).toBe("100%");
    await shot("en-cohorts");
  });

  it("renders the other analysis pages with charts and tables", async () => {
    await goto("retention");
    await page.waitForSelector(".recharts-surface");
    await page.waitForSelector("table tbody tr");
    await shot("en-retention");
    await goto("lifecycle");
    await page.waitForSelector(".recharts-bar-rectangle");
    await shot("en-lifecycle");
    await goto("profitability");
    await page.waitForSelector("table tbody tr");
    await shot("en-profitability");
    await goto("customers");
    await page.waitForSelector("table tbody tr a");
    await shot("en-customers");
    await page.click("table tbody tr a");
    await page.waitForSelector(".stat-card");
    await shot("en-customer");
    await goto("segments");
    await page.waitForSelector(".panel .empty, .panel table");
    await shot("en-segments");
  });

  it("lets an agent take an alert and record the call with an exit reason", async () => {
    await goto("settings");
    await page.waitForSelector('form[aria-label="Add user"]');
    const form = page.locator('form[aria-label="Add user"]');
    await form.locator('input[name="name"]').fill(AGENT.name);
    await form.locator('input[name="email"]').fill(AGENT.email);
    await form.locator('input[name="password"]').fill(AGENT.password);
    await form.locator("select").selectOption("agent");
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector(`text=${AGENT.email}`);
    await shot("en-settings");

    const agentId = await page.evaluate(async (email) => {
      const answer = (await (await fetch("/api/users")).json()) as { rows: { id: string; email: string }[] };
      return answer.rows.find((u) => u.email === email)?.id ?? "";
    }, AGENT.email);
    expect(agentId).not.toBe("");
    // Until `vafa defection run` feeds the worklist here, the alert is written straight into the store.
    await server.context.engine.state.run(
      sql(
        `INSERT INTO alerts (id, customer_id, created_at, status, rule, reason, value_at_stake, priority, owner, state)
         VALUES ('e2e-1', 'c07', TIMESTAMP '2023-06-20 09:30:00', 'at_risk', 'silence',
                 'silent 74 days, 2.5× the usual gap', 420, 3, $1, 'open')`,
        [agentId],
      ),
    );

    await page.click(".topbar button.secondary");
    await page.waitForSelector('input[name="password"]');
    await signIn(AGENT.email, AGENT.password);
    await goto("worklist");
    await page.waitForSelector('button[data-action="take"]');
    await shot("en-worklist");
    await page.click('button[data-action="take"]');
    const call = page.locator("form.record-call");
    await call.waitFor();
    await call.locator('select[name="outcome"]').selectOption("lost");
    await call.locator('select[name="exit_reason"]').selectOption("competitor_offer");
    await call.locator('textarea[name="note"]').fill("Moved to a cheaper shop across the street");
    await call.locator('button[type="submit"]').click();
    await page.waitForSelector("text=Call recorded.");
    const [row] = await server.context.facts.client.all(sql("SELECT state FROM alerts WHERE id = 'e2e-1'"));
    expect(row?.state).toBe("closed");
  });

  it("switches to Persian: right to left, Persian digits, Jalali dates", async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await goto("overview");
    await page.selectOption('[data-testid="language"]', "fa");
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
    await page.waitForSelector(".recharts-surface .recharts-line");
    expect(await text()).toMatch(PERSIAN_DIGIT);
    expect(await text()).toContain("نرخ ریزش");
    await shot("fa-overview");

    await goto("customers");
    await page.waitForSelector("table tbody tr a");
    const customers = await text();
    expect(customers).toMatch(JALALI);
    expect(customers).toMatch(PERSIAN_DIGIT);
    await shot("fa-customers");

    // The choice survives a reload (localStorage).
    await page.reload();
    await page.waitForSelector(".sidenav");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");

    for (const route of [
      "retention",
      "cohorts",
      "lifecycle",
      "profitability",
      "worklist",
      "data",
      "settings",
    ]) {
      await goto(route);
      await page.waitForSelector(".content .panel, .content .empty");
      await page.waitForTimeout(200);
      await shot(`fa-${route}`);
    }
    await page.click("text=خروج");
    await page.waitForSelector('input[name="password"]');
    await shot("fa-login");
  });

  it("shows Arabic with Arabic-Indic digits and the Umm al-Qura calendar", async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await page.selectOption('[data-testid="language"]', "ar");
    await page.waitForFunction(() => document.documentElement.lang === "ar");
    await goto("customers");
    await page.waitForSelector("table tbody tr a");
    const body = await text();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(body).toMatch(/[٠-٩]/);
    expect(body).toMatch(/[٠-٩]{1,2} [\u0621-\u064A ]+ ١٤٤[٣-٥]/);
    await shot("ar-customers");
    await goto("overview");
    await page.waitForSelector(".recharts-surface .recharts-line");
    await shot("ar-overview");
  });

  it("runs every page it visited, /docs included, with no Content-Security-Policy violation", async () => {
    const docs = await page.goto(`${server.url}/docs`);
    expect(docs?.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    await page.waitForSelector("#ops h2");
    expect(await page.locator("#ops details").count()).toBeGreaterThan(10);
    expect(cspViolations).toEqual([]);
  });
});
