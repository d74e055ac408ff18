/** Response shapes of the Vafa HTTP API, as the dashboard reads them. */

// The server sends the core's retention rows as they are; one definition serves both.
import type { RetentionRow } from "@vafa/core";

export type { RetentionRow };

export type Role = "admin" | "analyst" | "manager" | "agent" | "viewer";

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: Role;
  readonly branch?: string | null;
  readonly locale?: string | null;
  readonly calendar?: string | null;
}

export interface MeResponse {
  readonly user: User;
  readonly csrfToken: string;
}

export interface SetupStatus {
  readonly needsSetup: boolean;
}

export interface Target {
  readonly id?: string;
  readonly name?: string | null;
  readonly metric?: string;
  readonly scope?: string | null;
  readonly baseline?: number | null;
  readonly goal?: number;
  readonly current?: number | null;
  readonly progress?: number | null;
  readonly deadline?: string | null;
}

export interface Overview {
  readonly period: string;
  readonly latest: RetentionRow | null;
  readonly previous: RetentionRow | null;
  readonly customers: number;
  readonly active: number;
  readonly defection_rate: number | null;
  readonly clv_total: number | null;
  readonly value_at_risk: number | null;
  readonly targets: readonly Target[];
}

export interface RetentionResponse {
  readonly period: string;
  readonly rows: readonly RetentionRow[];
}

export interface Cohort {
  readonly cohort: string;
  readonly size: number;
  readonly values: readonly (number | null)[];
}

export interface CohortsResponse {
  readonly cohorts: readonly Cohort[];
  readonly mean: readonly (number | null)[];
}

export interface LifecycleRow {
  readonly period: string;
  readonly new: number;
  readonly retained: number;
  readonly resurrected: number;
  readonly dormant: number;
  readonly group?: string | null;
}

export interface LifecycleResponse {
  readonly rows: readonly LifecycleRow[];
}

/** A table-like row whose columns are not fixed by the contract. */
export type LooseRow = Readonly<Record<string, unknown>>;

export interface ProfitabilityResponse {
  readonly rows: readonly LooseRow[];
  readonly total: LooseRow | null;
  readonly notes?: readonly string[];
}

export interface ShareOfWalletSegment {
  readonly segment: string | null;
  readonly customers: number;
  readonly spend: number;
  readonly total: number;
  readonly mean_share: number | null;
  readonly spend_weighted_share: number | null;
  readonly aggregate_share: number | null;
  readonly budget_understated: number;
}

export type ShareOfWalletResponse =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      readonly from?: string | null;
      readonly to?: string | null;
      readonly segments?: readonly ShareOfWalletSegment[];
      readonly overall?: ShareOfWalletSegment;
      readonly notes?: readonly string[];
    };

export interface RepurchaseBucket {
  readonly label: string;
  readonly customers: number;
  readonly share: number | null;
}

export interface RepurchaseCycleResponse {
  readonly customers?: number;
  readonly buckets: readonly RepurchaseBucket[];
  readonly quantiles: Readonly<Record<string, number | null>>;
  readonly suggested: {
    readonly period: string;
    readonly days: number;
    readonly share: number | null;
  } | null;
  readonly summary: string;
}

export interface CustomerListRow {
  readonly id: string;
  readonly segment: string | null;
  readonly branch: string | null;
  readonly country: string | null;
  readonly first_purchase: string | null;
  readonly last_purchase: string | null;
  readonly orders: number;
  readonly net_sales: number;
}

export interface CustomersResponse {
  readonly rows: readonly CustomerListRow[];
  readonly total: number;
}

export interface CustomerScores {
  readonly p_alive?: number | null;
  readonly clv?: number | null;
  readonly historical_value?: number | null;
  readonly expected_purchases?: number | null;
  readonly model?: string | null;
}

export interface CustomerStatus {
  readonly status: string;
  readonly since?: string | null;
  readonly rule?: string | null;
  readonly reason?: string | null;
}

export interface CustomerDetail {
  readonly customer: LooseRow;
  readonly transactions: readonly LooseRow[];
  readonly transactions_total?: number;
  readonly monthly: readonly { readonly period: string; readonly sales: number }[];
  readonly scores: CustomerScores | null;
  readonly status: CustomerStatus | null;
  readonly alerts: readonly LooseRow[];
  readonly contacts: readonly LooseRow[];
  readonly complaints: readonly LooseRow[];
  readonly surveys: readonly LooseRow[];
  readonly campaigns: readonly LooseRow[];
}

export interface Alert {
  readonly id: string;
  readonly customer_id: string;
  readonly created_at: string;
  readonly status: string;
  readonly rule: string | null;
  readonly reason: string | null;
  readonly value_at_stake: number | null;
  readonly priority: number | null;
  readonly owner: string | null;
  readonly account_owner?: string | null;
  readonly branch?: string | null;
  readonly value_basis?: string | null;
  readonly p_alive?: number | null;
  readonly state: string;
}

export interface AlertsResponse {
  readonly rows: readonly Alert[];
  readonly total?: number;
}

export const CONTACT_OUTCOMES = ["saved", "lost", "unreachable", "not_worth_retaining"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const EXIT_REASONS = [
  "price",
  "competitor_offer",
  "staff_behaviour",
  "service_quality",
  "product",
  "moved",
  "no_longer_needs",
  "payment_problem",
  "other",
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const UPLOAD_KINDS = ["transactions", "customers", "activity", "complaints", "surveys"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export interface RowProblem {
  readonly file?: string;
  readonly line?: number | null;
  readonly field?: string | null;
  readonly column?: string | null;
  readonly value?: string | null;
  readonly reason: string;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly state: "queued" | "running" | "done" | "failed";
  readonly progress: number | null;
  readonly result?: Readonly<Record<string, unknown>> | null;
  readonly error?: string | null;
  readonly problems?: readonly RowProblem[] | null;
}

export interface Settings {
  readonly period: string;
  readonly calendar: string;
  readonly fiscal_start: string | null;
  readonly week_start: number | string | null;
  readonly time_zone: string | null;
  readonly margin: number | null;
  readonly activity: unknown;
  readonly defection: unknown;
}

export interface UsersResponse {
  readonly rows?: readonly User[];
  readonly users?: readonly User[];
}
