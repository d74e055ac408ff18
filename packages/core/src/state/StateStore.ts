/** The roles of a Vafa user, from most to least powerful (see `permissions.ts`). */
export const ROLES = ["admin", "analyst", "manager", "agent", "viewer"] as const;
/** A user's role. */
export type Role = (typeof ROLES)[number];

/** A user as the API shows it (never the password hash). */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: Role;
  readonly branch: string | null;
  readonly locale: string | null;
  readonly calendar: string | null;
  readonly disabled: boolean;
}

/** A new user; `passwordHash` is already hashed (argon2id). */
export interface NewUser {
  readonly email: string;
  readonly name: string | null;
  readonly role: Role;
  readonly branch: string | null;
  readonly passwordHash: string;
  readonly locale?: string | null;
  readonly calendar?: string | null;
}

/** Fields an admin may change; absent fields stay as they are. */
export interface UserPatch {
  readonly name?: string | null;
  readonly role?: Role;
  readonly branch?: string | null;
  readonly passwordHash?: string;
  readonly locale?: string | null;
  readonly calendar?: string | null;
  readonly disabled?: boolean;
}

/** A login session: the token itself only lives in the cookie; the store keeps its hash. */
export interface Session {
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** One line of the audit log: who did what to which target, and when (epoch ms). */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: number;
  readonly actorId: string | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly details: unknown;
}

/** The state of a background job. */
export type JobState = "queued" | "running" | "done" | "failed";

/** A background job's record (uploads now; model fits later). `result` and `problems` are JSON. */
export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly state: JobState;
  readonly progress: number;
  readonly result: unknown;
  readonly error: string | null;
  readonly problems: unknown;
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

/**
 * Application state — users, sessions, API tokens, audit log, settings, job metadata — behind one
 * small interface, so the same server runs on the embedded DuckDB file or on a shared PostgreSQL
 * database (several API processes). Implementations: `sqlStateStore` over DuckDB or PostgreSQL.
 *
 * @example
 * const state = await postgresStateStore("postgres://postgres@127.0.0.1:5432/vafa");
 * const n = await state.countUsers();
 */
export interface StateStore {
  countUsers(): Promise<number>;
  listUsers(): Promise<User[]>;
  getUser(id: string): Promise<User | null>;
  /** The user and its password hash, for login. */
  findUserByEmail(email: string): Promise<{ user: User; passwordHash: string | null } | null>;
  /** Creates a user; `onlyIfNone` makes it the first-admin insert that fails once any user exists. */
  createUser(user: NewUser, onlyIfNone?: boolean): Promise<User | null>;
  updateUser(id: string, patch: UserPatch): Promise<User | null>;

  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<Session | null>;
  /**
   * Slides a session's expiry forward to `expiresAt` — only if that is later than the stored one, so
   * concurrent slides of one session never move it back.
   */
  extendSession(tokenHash: string, expiresAt: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Ends every session of a user (its password, role or branch changed), but `exceptTokenHash` —
   * the admin's own session when they change their own account. Returns how many ended.
   */
  deleteUserSessions(userId: string, exceptTokenHash?: string): Promise<number>;

  /**
   * Adds one to the counter `key` and returns its new value, atomically: parallel calls, from this
   * process or others sharing the store, each get a distinct value. A counter lives `windowMs` from
   * its first increment, then starts again at 1 (a fixed window). The login limits use it.
   */
  incrementCounter(key: string, windowMs: number, now: number): Promise<number>;
  /** Takes one back from a live counter (an attempt that turned out legitimate); never below 0. */
  decrementCounter(key: string, now: number): Promise<void>;
  /** A live counter's value; 0 when absent or expired. */
  readCounter(key: string, now: number): Promise<number>;
  /** Forgets a counter. */
  deleteCounter(key: string): Promise<void>;

  createApiToken(token: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: number;
  }): Promise<void>;
  /** The user id owning a token hash, or null. */
  findApiToken(tokenHash: string): Promise<string | null>;

  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;

  getSetting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown, by: string | null, at: number): Promise<void>;

  saveJob(job: JobRecord): Promise<void>;
  getJob(id: string): Promise<JobRecord | null>;

  close(): Promise<void>;
}
