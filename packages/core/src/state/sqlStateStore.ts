import type { Row, SqlClient } from "../SqlClient.ts";
import { sql } from "../SqlQuery.ts";
import { type JobRecord, type JobState, ROLES, type Role, type StateStore, type User } from "./StateStore.ts";

const userColumns = "id, email, name, role, branch, locale, calendar, disabled";

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function toRole(v: unknown): Role {
  const found = ROLES.find((r) => r === v);
  // An unknown role in the table (edited by hand) gets the least power rather than an error.
  return found ?? "viewer";
}

function toUser(r: Row): User {
  return {
    id: String(r.id),
    email: String(r.email),
    name: text(r.name),
    role: toRole(r.role),
    branch: text(r.branch),
    locale: text(r.locale),
    calendar: text(r.calendar),
    disabled: r.disabled === true,
  };
}

function json(v: unknown): unknown {
  return v === null || v === undefined ? null : (JSON.parse(String(v)) as unknown);
}

function toJob(r: Row): JobRecord {
  return {
    id: String(r.id),
    kind: String(r.kind),
    state: String(r.state) as JobState,
    progress: Number(r.progress),
    result: json(r.result),
    error: text(r.error),
    problems: json(r.problems),
    createdBy: text(r.created_by),
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  };
}

/** UTC "YYYY-MM-DD HH:MM:SS.sss": a TIMESTAMP literal both DuckDB and PostgreSQL read the same way. */
function timestampText(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

/**
 * The login limits' counters. Created on first use (CREATE … IF NOT EXISTS), so an existing store
 * needs no migration; the same DDL runs on DuckDB and PostgreSQL.
 */
export const counterTableDdl =
  "CREATE TABLE IF NOT EXISTS rate_counters (key VARCHAR PRIMARY KEY, count BIGINT NOT NULL, expires_at BIGINT NOT NULL)";

/** Whether a store error is a write-write conflict (DuckDB's optimistic concurrency, PostgreSQL's 40001/40P01). */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return (
    /conflict on (update|tuple deletion)|transactioncontext error.*conflict/i.test(error.message) ||
    code === "40001" ||
    code === "40P01"
  );
}

/**
 * Runs `work` again (up to 5 times, a few ms apart) while it fails with a write conflict, so that
 * two requests touching one row never surface the store's conflict to a client.
 */
async function retryOnConflict<R>(work: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || !isWriteConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, 2 * attempt + Math.random() * 5));
    }
  }
}

/**
 * The `StateStore` over any `SqlClient` speaking portable SQL (`$n` parameters, `ON CONFLICT`,
 * `LIMIT`): the same statements run on DuckDB and on PostgreSQL. The tables are those of
 * migrations 1 (users) and 5; the caller has created them.
 *
 * @example
 * const state = sqlStateStore(store.client); // DuckDB, the embedded default
 * await state.countUsers();
 */
export function sqlStateStore(client: SqlClient, close: () => Promise<void> = async () => {}): StateStore {
  const one = async (text: string, params: readonly (string | number | boolean | null)[] = []) =>
    (await client.all(sql(text, params)))[0];
  // Counter writes run one at a time in this process (DuckDB would otherwise see two pooled
  // connections update one row and raise a conflict); across processes the single
  // INSERT … ON CONFLICT statement is atomic, and a conflict is retried.
  let counterQueue: Promise<unknown> = Promise.resolve();
  let counterTable: Promise<void> | null = null;
  let increments = 0;
  const counterWrite = <R>(work: () => Promise<R>): Promise<R> => {
    const run = async () => {
      counterTable ??= retryOnConflict(() => client.run(sql(counterTableDdl))).catch((error: unknown) => {
        counterTable = null;
        throw error;
      });
      await counterTable;
      return retryOnConflict(work);
    };
    const next = counterQueue.then(run, run);
    counterQueue = next.catch(() => {});
    return next;
  };
  return {
    async countUsers() {
      return Number((await one("SELECT count(*) AS n FROM users"))?.n ?? 0);
    },
    async listUsers() {
      return (await client.all(sql(`SELECT ${userColumns} FROM users ORDER BY email`))).map(toUser);
    },
    async getUser(id) {
      const r = await one(`SELECT ${userColumns} FROM users WHERE id = $1`, [id]);
      return r ? toUser(r) : null;
    },
    async findUserByEmail(email) {
      const r = await one(`SELECT ${userColumns}, password_hash FROM users WHERE lower(email) = lower($1)`, [
        email,
      ]);
      return r ? { user: toUser(r), passwordHash: text(r.password_hash) } : null;
    },
    async createUser(u, onlyIfNone = false) {
      const id = crypto.randomUUID();
      const params = [
        id,
        u.email,
        u.name,
        u.role,
        u.branch,
        u.passwordHash,
        u.locale ?? null,
        u.calendar ?? null,
        timestampText(Date.now()),
      ];
      // One statement, so "only when no user exists" cannot interleave with another first admin.
      await client.run(
        sql(
          `INSERT INTO users (id, email, name, role, branch, password_hash, locale, calendar, created_at, disabled)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS TIMESTAMP), false
           ${onlyIfNone ? "WHERE NOT EXISTS (SELECT 1 FROM users)" : ""}`,
          params,
        ),
      );
      return this.getUser(id);
    },
    async updateUser(id, patch) {
      const sets: string[] = [];
      const params: (string | boolean | null)[] = [];
      const set = (column: string, value: string | boolean | null | undefined) => {
        if (value === undefined) return;
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      set("name", patch.name);
      set("role", patch.role);
      set("branch", patch.branch);
      set("password_hash", patch.passwordHash);
      set("locale", patch.locale);
      set("calendar", patch.calendar);
      set("disabled", patch.disabled);
      if (sets.length > 0) {
        params.push(id);
        await client.run(sql(`UPDATE users SET ${sets.join(", ")} WHERE id = $${params.length}`, params));
      }
      return this.getUser(id);
    },
    async createSession(s) {
      await client.run(
        sql(
          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
          [s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
        ),
      );
    },
    async getSession(tokenHash) {
      const r = await one(
        "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = $1",
        [tokenHash],
      );
      return r
        ? {
            tokenHash: String(r.token_hash),
            userId: String(r.user_id),
            csrfToken: String(r.csrf_token),
            createdAt: Number(r.created_at),
            expiresAt: Number(r.expires_at),
          }
        : null;
    },
    async extendSession(tokenHash, expiresAt) {
      await retryOnConflict(() =>
        client.run(
          sql("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2 AND expires_at < $1", [
            expiresAt,
            tokenHash,
          ]),
        ),
      );
    },
    async deleteSession(tokenHash) {
      await retryOnConflict(() => client.run(sql("DELETE FROM sessions WHERE token_hash = $1", [tokenHash])));
    },
    async deleteUserSessions(userId, exceptTokenHash) {
      const keep = exceptTokenHash ?? "";
      const where = "user_id = $1 AND token_hash <> $2";
      return retryOnConflict(async () => {
        const n = Number(
          (await one(`SELECT count(*) AS n FROM sessions WHERE ${where}`, [userId, keep]))?.n ?? 0,
        );
        await client.run(sql(`DELETE FROM sessions WHERE ${where}`, [userId, keep]));
        return n;
      });
    },
    incrementCounter(key, windowMs, now) {
      return counterWrite(async () => {
        if (++increments % 200 === 0)
          await client.run(sql("DELETE FROM rate_counters WHERE expires_at <= $1", [now]));
        const r = await one(
          `INSERT INTO rate_counters (key, count, expires_at) VALUES ($1, 1, $2)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_counters.expires_at <= $3 THEN 1 ELSE rate_counters.count + 1 END,
             expires_at = CASE WHEN rate_counters.expires_at <= $3 THEN excluded.expires_at ELSE rate_counters.expires_at END
           RETURNING count`,
          [key, now + windowMs, now],
        );
        return Number(r?.count ?? 1);
      });
    },
    decrementCounter(key, now) {
      return counterWrite(() =>
        client.run(
          sql("UPDATE rate_counters SET count = count - 1 WHERE key = $1 AND expires_at > $2 AND count > 0", [
            key,
            now,
          ]),
        ),
      );
    },
    async readCounter(key, now) {
      await counterWrite(async () => {});
      const r = await one("SELECT count FROM rate_counters WHERE key = $1 AND expires_at > $2", [key, now]);
      return Number(r?.count ?? 0);
    },
    deleteCounter(key) {
      return counterWrite(() => client.run(sql("DELETE FROM rate_counters WHERE key = $1", [key])));
    },
    async createApiToken(t) {
      await client.run(
        sql(
          "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
          [t.id, t.userId, t.name, t.tokenHash, t.createdAt],
        ),
      );
    },
    async findApiToken(tokenHash) {
      const r = await one("SELECT user_id FROM api_tokens WHERE token_hash = $1", [tokenHash]);
      return r ? String(r.user_id) : null;
    },
    async audit(e) {
      await client.run(
        sql(
          "INSERT INTO audit_log (id, occurred_at, actor_id, actor_email, action, target, details) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [
            e.id,
            e.occurredAt,
            e.actorId,
            e.actorEmail,
            e.action,
            e.target,
            e.details === undefined || e.details === null ? null : JSON.stringify(e.details),
          ],
        ),
      );
    },
    async listAudit(limit) {
      const rows = await client.all(
        sql(
          "SELECT id, occurred_at, actor_id, actor_email, action, target, details FROM audit_log ORDER BY occurred_at DESC, id LIMIT $1",
          [limit],
        ),
      );
      return rows.map((r) => ({
        id: String(r.id),
        occurredAt: Number(r.occurred_at),
        actorId: text(r.actor_id),
        actorEmail: text(r.actor_email),
        action: String(r.action),
        target: text(r.target),
        details: json(r.details),
      }));
    },
    async getSetting(key) {
      const r = await one("SELECT value FROM settings WHERE key = $1", [key]);
      return r ? json(r.value) : null;
    },
    async putSetting(key, value, by, at) {
      await client.run(
        sql(
          `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          [key, JSON.stringify(value), at, by],
        ),
      );
    },
    async saveJob(j) {
      const enc = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      await client.run(
        sql(
          `INSERT INTO jobs (id, kind, state, progress, result, error, problems, created_by, created_at, finished_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (id) DO UPDATE SET state = excluded.state, progress = excluded.progress, result = excluded.result,
             error = excluded.error, problems = excluded.problems, finished_at = excluded.finished_at`,
          [
            j.id,
            j.kind,
            j.state,
            j.progress,
            enc(j.result),
            j.error,
            enc(j.problems),
            j.createdBy,
            j.createdAt,
            j.finishedAt,
          ],
        ),
      );
    },
    async getJob(id) {
      const r = await one("SELECT * FROM jobs WHERE id = $1", [id]);
      return r ? toJob(r) : null;
    },
    close,
  };
}
