import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "@vafa/core";
import { type RunningServer, startServer } from "@vafa/server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// End-to-end: the built dashboard, served by the real server over a fresh DuckDB file, driven in
// headless Chromium (Debian's /usr/bin/chromium; `.ci/run` installs it). Screenshots of every page
// in every language go to .ci/out/screenshots/; the README's three go to docs/screenshots/.
const CHROMIUM = process.env.VAFA_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../../..");
const SHOTS = join(ROOT, ".ci/out/screenshots");
const README_SHOTS = join(ROOT, "docs/screenshots");
const ADMIN = { name: "Admin Person", email: "admin@example.com", password: "correct-horse-1" };
const AGENT = { name: "Agent Person", email: "agent@example.com", password: "agent-pass-22", branch: "Iran" };
const MANAGER = { name: "Manager Person", email: "manager@example.com", password: "manager-pass-3" };
const PERSIAN_DIGIT = /[۰-۹]/;
const ARABIC_DIGIT = /[٠-٩]/;
// A date written in the Jalali calendar with Persian digits, e.g. "۱۶ فروردین ۱۴۰۲".
const JALALI = /[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴۰[۰-۳]/;
const ALL_PAGES = [
  "overview",
  "retention",
  "cohorts",
  "lifecycle",
  "profitability",
  "customers",
  "customers/c07",
  "worklist",
  "causes",
  "programme",
  "segments",
  "baskets",
  "data",
  "settings",
] as const;
const AGENT_PAGES = ["overview", "worklist", "customers", "customers/c07"] as const;
/** Identifiers a reader should never see: camelCase or snake_case words. */
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z0-9_]+\b/;
const RAW_JSON = /\[\{|\{"/;
/** A message key shown instead of its message. */
const MESSAGE_KEY =
  /\b(nav|common|empty|setup|login|overview|metrics|retention|periods|cohorts|lifecycle|profitability|customers|customer|worklist|causes|programme|segments|baskets|data|settings|wl|prog|ov|cust|cohort|rc|set)\.[a-zA-Z]+\b/;
const NOT_A_NUMBER = /\bNaN\b|\bundefined\b/;

/** Thirty customers buying over 2022-04 .. 2023-06, plus one row whose amount is not a number. */
function transactionsCsv(): { text: string; badLine: number } {
  const lines = ["id,customer_id,occurred_at,amount,country,branch"];
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
      const country = c % 2 ? "Iran" : "Oman";
      lines.push(
        `t${n},c${String(c).padStart(2, "0")},${iso},${20 + ((c * 13 + m * 7) % 90)},${country},${country}`,
      );
    }
  }
  lines.push("tbad,c01,2022-05-05,abc,Iran,Iran");
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
  let agentId = "";
  const cspViolations: string[] = [];
  const consoleErrors: string[] = [];

  const goto = async (route: string): Promise<void> => {
    await page.goto(`${server.url}/#/${route}`);
    await page.waitForSelector(".content h1");
  };
  /** Waits until every request of the page has answered (no "Loading…" left). */
  const settled = async (): Promise<void> => {
    await page.waitForFunction(() => document.querySelector(".content .loading") === null, null, {
      timeout: 20_000,
    });
    await page.waitForTimeout(150);
  };
  const shot = async (name: string, also?: string): Promise<void> => {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(250);
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    if (also !== undefined) copyFileSync(path, join(README_SHOTS, also));
  };
  // The text a reader sees (hidden <option> labels left out), hence innerText rather than textContent.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
  const text = (): Promise<string> => page.locator("body").innerText();
  /** Each visible text node on its own line, so that inline neighbours are not read as one word. */
  const words = (): Promise<string> =>
    page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent === null || parent.closest("script, style, option") !== null) continue;
        // Hidden text (a folded <details>, a closed menu) is not read.
        if (!parent.checkVisibility()) continue;
        const value = node.nodeValue?.trim() ?? "";
        if (value !== "") out.push(value);
      }
      return out.join("\n");
    });
  const signOut = async (): Promise<void> => {
    await page.click(".topbar button.secondary");
    await page.waitForSelector('input[name="password"]');
  };
  const signIn = async (email: string, password: string): Promise<void> => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('input[name="email"], .sidenav');
    if ((await page.$(".sidenav")) !== null) await signOut();
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForSelector(".sidenav");
  };
  const setLanguage = async (language: "en" | "fa" | "ar"): Promise<void> => {
    await page.selectOption('[data-testid="language"]', language);
    await page.waitForFunction((l) => document.documentElement.lang === l, language);
  };
  const addUser = async (
    user: { name: string; email: string; password: string; branch?: string },
    role: string,
  ) => {
    await goto("settings");
    const form = page.locator('form[aria-label="Add user"]');
    await form.waitFor();
    await form.locator('input[name="name"]').fill(user.name);
    await form.locator('input[name="email"]').fill(user.email);
    await form.locator('input[name="password"]').fill(user.password);
    if (user.branch !== undefined) await form.locator('input[name="branch"]').fill(user.branch);
    await form.locator("select").selectOption(role);
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector(`text=${user.email}`);
  };
  const alertState = async (id: string): Promise<string> => {
    const [row] = await server.context.engine.state.all(sql("SELECT state FROM alerts WHERE id = $1", [id]));
    return String(row?.state);
  };

  beforeAll(async () => {
    execFileSync("npm", ["run", "build", "-w", "@vafa/web"], { cwd: ROOT, stdio: "pipe" });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(README_SHOTS, { recursive: true });
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
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy"))
        cspViolations.push(`${page.url()}: ${message.text()}`);
      // A refused request is reported below with its address; the console's line has none.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400)
        consoleErrors.push(
          `${page.url()}: ${response.request().method()} ${response.url()} ${response.status()}`,
        );
    });
    page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  }, 120_000);

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
    await signOut();
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
    // The upload's rejected row is a 4xx the page reports in words; it is not a page error.
    consoleErrors.length = 0;
  });

  it("adds an agent and a manager, and the worklist holds 150 alerts", async () => {
    await addUser(AGENT, "agent");
    await addUser(MANAGER, "manager");
    agentId = await page.evaluate(async (email) => {
      const answer = (await (await fetch("/api/users")).json()) as { rows: { id: string; email: string }[] };
      return answer.rows.find((u) => u.email === email)?.id ?? "";
    }, AGENT.email);
    expect(agentId).not.toBe("");
    // Until a defection run feeds the worklist here, alerts are written straight into the store:
    // two of the agent's own, and 148 of its branch and the other, so that the list must page.
    const values: string[] = [];
    for (let i = 1; i <= 150; i++) {
      const customer = `c${String(((i * 7) % 30) + 1).padStart(2, "0")}`;
      const branch = i % 2 ? "Iran" : "Oman";
      const owner = i <= 2 ? `'${agentId}'` : "NULL";
      values.push(
        `('e2e-${i}', '${i === 1 ? "c07" : customer}', TIMESTAMP '2023-06-20 09:30:00', 'at_risk', 'silence',
          'silent ${40 + i} days, 2.5× the usual gap', ${i === 1 ? 420 : 100 + i}, ${i <= 2 ? 5 : 1 + (i % 4)}, ${owner}, '${branch}', 'open')`,
      );
    }
    await server.context.engine.state.run(
      sql(
        `INSERT INTO alerts (id, customer_id, created_at, status, rule, reason, value_at_stake, priority, owner, branch, state)
         VALUES ${values.join(",\n")}`,
      ),
    );
    // Each customer's branch is its country (as in the demo), so the agent of Iran sees c07.
    await server.context.engine.facts.run(
      sql(
        "UPDATE customers SET branch = CASE WHEN CAST(substr(id, 2) AS INTEGER) % 2 = 1 THEN 'Iran' ELSE 'Oman' END",
      ),
    );
    server.context.cache.clear();
  });

  it("reads the overview's one defection figure, named, and matches it with the API", async () => {
    await goto("overview");
    await page.waitForSelector('[data-testid="defection-card"] .stat-value');
    await settled();
    const card = page.locator('[data-testid="defection-card"]');
    const label = await card.locator(".stat-label").innerText();
    const value = await card.locator(".stat-value").innerText();
    const hint = await card.locator(".stat-hint").innerText();
    expect(label).toBe("Defected by rule");
    const api = await page.evaluate(async () => {
      const rate = (await (await fetch("/api/defection/rate?period=month&periods=1")).json()) as {
        rows: { period: string; group: string | null; rate: number; low: number; high: number }[];
      };
      const retention = (await (await fetch("/api/retention?period=month")).json()) as {
        rows: { period: string; group: string | null; raw: number; complete: boolean }[];
      };
      const overall = rate.rows.filter((r) => r.group === null);
      const latest = overall.at(-1);
      const same = retention.rows.find((r) => r.period === latest?.period && r.group === null);
      return { latest, raw: same?.raw ?? null, complete: same?.complete ?? false };
    });
    expect(api.latest).toBeDefined();
    const pct = (v: number) =>
      new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(v);
    // The card: defected by rule, with its 95% interval, for the API's latest complete period.
    expect(value).toBe(
      `${pct(api.latest?.rate ?? 0)} (${pct(api.latest?.low ?? 0)}–${pct(api.latest?.high ?? 0)})`,
    );
    expect(hint).toContain(String(api.latest?.period));
    // Its companion, named: period churn is 1 − customer retention of the same period.
    expect(api.complete).toBe(true);
    expect(hint).toContain(`Period churn (1 − customer retention) is ${pct(1 - (api.raw ?? 0))}`);
    expect(await card.locator("a").getAttribute("href")).toBe("#/worklist");
    await shot("en-overview", "overview.png");
  });

  it("lets the agent take an alert, record a call with an exit reason and close another from the worklist alone", async () => {
    await signIn(AGENT.email, AGENT.password);
    await goto("worklist");
    await page.waitForSelector('button[data-action="take"]');
    await settled();
    // My queue first: the agent's own alerts lead, the most valuable of them first.
    const firstRow = page.locator(".content table tbody tr").first();
    expect(await firstRow.innerText()).toContain("c07");
    expect(await firstRow.innerText()).toContain("silent 41 days");
    expect(await page.locator(".content table tbody tr").count()).toBeLessThanOrEqual(100);
    expect(await page.locator('[data-testid="showing"]').innerText()).toMatch(/^1–25 of \d+/);
    await shot("en-worklist", "worklist.png");

    await firstRow.locator('button[data-action="take"]').click();
    const call = page.locator("form.record-call");
    await call.waitFor();
    await call.locator('select[name="outcome"]').selectOption("lost");
    await call.locator('select[name="exit_reason"]').selectOption("competitor_offer");
    await call.locator('textarea[name="note"]').fill("Moved to a cheaper shop across the street");
    await call.locator('button[type="submit"]').click();
    await page.waitForSelector("text=Call recorded.");
    expect(await alertState("e2e-1")).toBe("closed");

    // The list shows the working alerts only, so the closed one is gone; close the next inline.
    await page.waitForFunction(
      () => !document.querySelector(".content table")?.textContent?.includes("silent 41 days"),
    );
    const next = page.locator(".content table tbody tr").first();
    expect(await next.innerText()).toContain("silent 42 days");
    await next.locator('button[data-action="close"]').click();
    const close = page.locator("form.close-alert");
    await close.waitFor();
    await close.locator('select[name="close_reason"]').selectOption("duplicate");
    await close.locator('button[type="submit"]').click();
    await page.waitForSelector("text=Alert closed.");
    expect(await alertState("e2e-2")).toBe("closed");

    // Filters run on the server: the Oman branch is outside this agent's, so nothing shows.
    await page.fill('input[name="branch"]', "Oman");
    await page.waitForSelector(".content .empty");
    await page.fill('input[name="branch"]', "");
    await page.waitForSelector('button[data-action="take"]');
  });

  it("lets the manager create a target and a campaign with a control group, and see its evaluation", async () => {
    await signIn(MANAGER.email, MANAGER.password);
    await goto("programme");
    await settled();
    expect(await text()).toContain("No target yet — create the first one");
    expect(await text()).toContain("No campaign yet — create one with a control group");
    expect(await text()).not.toContain("upload transactions");

    const target = page.locator("form.target-form");
    await target.locator('input[name="name"]').fill("Keep more customers");
    await target.locator('select[name="metric"]').selectOption("raw");
    await target.locator('input[name="goal"]').fill("55");
    await target.locator('input[name="deadline"]').fill("2023-12-31");
    await target.locator('button[type="submit"]').click();
    await page.waitForSelector("text=Keep more customers");

    const campaign = page.locator("form.campaign-form");
    await campaign.locator('input[name="name"]').fill("Spring call-back");
    await campaign.locator('select[name="strategy"]').selectOption("personal_call");
    await campaign.locator('input[name="start"]').fill("2022-10-01");
    await campaign.locator('input[name="end"]').fill("2023-03-31");
    await campaign.locator('input[name="control_share"]').fill("30");
    await campaign.locator('button[type="submit"]').click();
    await page.waitForSelector("text=Spring call-back");
    const row = page.locator(".content table tbody tr", { hasText: "Spring call-back" });
    expect(await row.innerText()).toContain("30%");
    expect(await row.innerText()).toContain("Personal call");
    await row.locator('button[data-action="assign"]').click();
    const evaluation = page.locator('[data-testid="evaluation"]');
    await evaluation.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="evaluation"] .loading') === null);
    const said = await evaluation.innerText();
    expect(said).toMatch(/\d+ treated, \d+ in the control group/);
    expect(said).toMatch(/Return on investment/);
    expect(said).toMatch(/Uplift [+−]\d|Not enough outcome data/);
    expect(said).toMatch(/significant|Not enough outcome data/);
    await shot("en-programme-evaluation");
  });

  it("exports the whole filtered worklist as CSV, not only the page shown", async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await goto("worklist");
    await page.waitForSelector('[data-testid="showing"]');
    await settled();
    expect(await page.locator('[data-testid="showing"]').textContent()).toBe("1–25 of 148");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-action="export-csv"]'),
    ]);
    const path = await download.path();
    const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
    expect(lines.length).toBe(1 + 148);
    expect(lines[0]).toContain("Value at stake");
    // The customer page's transactions are paged on the server too, with their total.
    const c07 = await page.evaluate(async () => {
      const answer = (await (await fetch("/api/customers/c07?tx_limit=2&tx_offset=1")).json()) as {
        transactions: unknown[];
        transactions_total: number;
      };
      return { rows: answer.transactions.length, total: answer.transactions_total };
    });
    expect(c07.rows).toBe(2);
    expect(c07.total).toBeGreaterThan(3);
  });

  it("shows the exit reason recorded on the worklist on Root causes, by reason and by category, as Pareto charts and tables", async () => {
    await goto("causes");
    await settled();
    await page.waitForSelector(".content .recharts-bar-rectangle");
    const body = await text();
    expect(body).toContain("Competitor's offer");
    // The same reasons per category (the two-level taxonomy), charted and listed below them.
    expect(body).toContain("Exit reasons by category");
    expect(await page.locator(".content .recharts-wrapper").count()).toBe(4);
    expect(body).not.toContain("upload transactions");
  });

  for (const who of ["admin", "agent"] as const) {
    it(`shows every page to the ${who} in English, Persian and Arabic, as a product`, async () => {
      const user = who === "admin" ? ADMIN : AGENT;
      await signIn(user.email, user.password);
      consoleErrors.length = 0;
      for (const language of ["en", "fa", "ar"] as const) {
        await setLanguage(language);
        for (const route of who === "admin" ? ALL_PAGES : AGENT_PAGES) {
          await goto(route);
          await settled();
          const body = await words();
          const where = `${who} ${language} ${route}`;
          expect(body.match(IDENTIFIER)?.[0] ?? null, `${where}: an identifier`).toBeNull();
          expect(body.match(RAW_JSON)?.[0] ?? null, `${where}: raw JSON`).toBeNull();
          expect(body.match(MESSAGE_KEY)?.[0] ?? null, `${where}: a message key`).toBeNull();
          expect(body.match(NOT_A_NUMBER)?.[0] ?? null, `${where}: NaN or undefined`).toBeNull();
          const rows = await page.locator(".content table tbody tr").count();
          expect(rows, `${where}: table rows`).toBeLessThanOrEqual(100);
          if (language !== "en") {
            expect(await page.evaluate(() => document.documentElement.dir), where).toBe("rtl");
            expect(body, where).toMatch(language === "fa" ? PERSIAN_DIGIT : ARABIC_DIGIT);
          }
          const name = `${language}-${who}-${route.replace("/", "-")}`;
          await shot(
            name,
            language === "en" && route === "customers/c07" && who === "admin" ? "customer.png" : undefined,
          );
        }
      }
      expect(consoleErrors).toEqual([]);
      await setLanguage("en");
    });
  }

  it("writes Jalali dates with Persian digits, and keeps the language over a reload", async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await setLanguage("fa");
    await goto("customers");
    await page.waitForSelector("table tbody tr a");
    expect(await text()).toMatch(JALALI);
    await page.reload();
    await page.waitForSelector(".sidenav");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await setLanguage("ar");
    await goto("customers");
    await page.waitForSelector("table tbody tr a");
    expect(await text()).toMatch(/[٠-٩]{1,2} [\u0621-\u064A ]+ ١٤٤[٣-٥]/);
    await setLanguage("en");
  });

  it("runs every page it visited, /docs included, with no Content-Security-Policy violation", async () => {
    const docs = await page.goto(`${server.url}/docs`);
    expect(docs?.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    await page.waitForSelector("#ops h2");
    expect(await page.locator("#ops details").count()).toBeGreaterThan(10);
    expect(cspViolations).toEqual([]);
  });
});
