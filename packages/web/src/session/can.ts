import type { Role } from "../api/types.ts";

/** What each role may open; the server enforces it, the menu only hides what would be refused. */
const PAGES_BY_ROLE: Readonly<Record<Role, "all" | readonly string[]>> = {
  admin: "all",
  analyst: "all",
  manager: "all",
  agent: ["overview", "worklist", "customers"],
  viewer: [
    "overview",
    "retention",
    "cohorts",
    "lifecycle",
    "profitability",
    "customers",
    "causes",
    "programme",
    "segments",
    "baskets",
  ],
};

/** True when a user of `role` sees the page named `page` in the menu. */
export function canOpen(role: Role, page: string): boolean {
  const allowed = PAGES_BY_ROLE[role] ?? [];
  if (allowed === "all") return role === "admin" || page !== "settings" || role === "manager";
  return allowed.includes(page);
}
