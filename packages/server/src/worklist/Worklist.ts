import type { AlertPageFilter } from "@vafa/app";
import type { ContactOutcome } from "@vafa/core";

/** An alert on the worklist, as the API shows it. */
export interface AlertRow {
  readonly id: string;
  readonly customer_id: string;
  readonly created_at: string;
  readonly status: string;
  readonly rule: string | null;
  readonly reason: string | null;
  readonly value_at_stake: number | null;
  /** What the value at stake is made of (CLV, last-12-months profit or sales). */
  readonly value_basis: string | null;
  readonly priority: number | null;
  readonly p_alive: number | null;
  /** Who works the alert: the user who took it (the library's `assignee`). */
  readonly owner: string | null;
  /** The customer's account owner (employee) when the alert was raised. */
  readonly account_owner: string | null;
  readonly state: string;
  readonly closed_at: string | null;
  readonly closed_reason: string | null;
  /** The customer's branch, as the alert carries it. */
  readonly branch: string | null;
}

/** Which alerts to list (see `AlertPageFilter`): `scope` limits an agent to its branch and its own alerts. */
export type AlertFilter = AlertPageFilter;

/** A contact attempt on an alert. */
export interface ContactInput {
  readonly outcome: ContactOutcome;
  readonly exitReason: string | null;
  readonly note: string | null;
  /** "YYYY-MM-DD". */
  readonly followUpAt: string | null;
  /** Who made the contact (user id). */
  readonly employee: string;
}

/**
 * The worklist seam: the server only calls this interface; `defectionWorklist` implements it over
 * the defection library (`listAlerts`, `takeAlert`, `recordContact`, `closeAlert`).
 */
export interface Worklist {
  list(filter: AlertFilter): Promise<AlertRow[]>;
  /** How many alerts the filter matches (limit and offset aside). */
  count?(filter: AlertFilter): Promise<number>;
  get(id: string): Promise<AlertRow | null>;
  /** Assigns the alert to `owner` and marks it in progress. */
  take(id: string, owner: string): Promise<AlertRow | null>;
  /** Records the contact; every outcome but `unreachable` closes the alert. */
  recordContact(id: string, contact: ContactInput): Promise<{ alert: AlertRow | null; contactId: string }>;
  /** Closes the alert without a contact, with a reason (e.g. "duplicate"). */
  close(id: string, reason: string): Promise<AlertRow | null>;
}
