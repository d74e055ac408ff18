import type { SqlClient } from "@vafa/core";
import { sql } from "@vafa/core";
import { hashPassword } from "./auth/passwords.ts";
import type { StateStore } from "./state/StateStore.ts";

/** The documented demo logins `vafa demo` creates. */
export const demoUsers = [
  { email: "demo@vafa.local", password: "vafa-demo", name: "Demo admin", role: "admin", branch: null },
  {
    email: "agent@vafa.local",
    password: "vafa-agent",
    name: "Demo agent",
    role: "agent",
    branch: "United Kingdom",
  },
] as const;

/**
 * Creates the demo users (admin `demo@vafa.local` / `vafa-demo`, agent `agent@vafa.local` /
 * `vafa-agent` for branch "United Kingdom") unless they exist. Demo only: the passwords are public.
 *
 * @example
 * await createDemoUser(sqlStateStore(store.client));
 */
export async function createDemoUser(state: StateStore): Promise<void> {
  for (const u of demoUsers) {
    if ((await state.findUserByEmail(u.email)) !== null) continue;
    await state.createUser({
      email: u.email,
      name: u.name,
      role: u.role,
      branch: u.branch,
      passwordHash: await hashPassword(u.password),
    });
  }
}

/**
 * Online Retail has no branches; the demo uses each customer's country as its branch, so the agent
 * of branch "United Kingdom" sees the UK customers. Only fills branches that are empty.
 *
 * @example
 * await prepareDemoBranches(store.client);
 */
export async function prepareDemoBranches(client: SqlClient): Promise<void> {
  await client.run(sql("UPDATE customers SET branch = country WHERE branch IS NULL"));
}
