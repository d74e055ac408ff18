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
  readonly priority: number | null;
  readonly owner: string | null;
  readonly state: string;
  /** The customer's branch (for scoping agents). */
  readonly branch: string | null;
}

/** Which alerts to list. `scope` limits an agent to its own branch and its own alerts. */
export interface AlertFilter {
  readonly state?: string;
  readonly owner?: string;
  readonly limit: number;
  readonly scope?: { readonly branch: string | null; readonly owners: readonly string[] };
}

/** A contact attempt on an alert. */
export interface ContactInput {
  readonly outcome: ContactOutcome;
  readonly exitReason: string | null;
  readonly note: string | null;
  readonly followUpAt: string | null;
  /** Who made the contact (user id). */
  readonly employee: string;
}

/**
 * The worklist seam: the defection library's worklist functions when they exist, plain SQL on the
 * alerts and contacts tables (`sqlWorklist`) meanwhile. The server only calls this interface.
 */
export interface Worklist {
  list(filter: AlertFilter): Promise<AlertRow[]>;
  get(id: string): Promise<AlertRow | null>;
  /** Assigns the alert to `owner` and marks it in progress. */
  take(id: string, owner: string): Promise<AlertRow | null>;
  /** Records the contact; every outcome but `unreachable` closes the alert. */
  recordContact(id: string, contact: ContactInput): Promise<{ alert: AlertRow | null; contactId: string }>;
}
