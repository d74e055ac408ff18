import { customerPage, listCustomers } from "@vafa/app";
import { z } from "zod";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { defineRoute, type Route } from "../http/Route.ts";

/** The customer list and the customer page. Agents see only their branch's customers. */
export function customerRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers",
      summary:
        "Customers with their first and last purchase, orders and net sales; search by id, segment, branch or country",
      tag: "customers",
      access: "read",
      feature: "customers",
      scope: "branch",
      query: z.object({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      returns:
        "{ rows: [{id, segment, branch, country, first_purchase, last_purchase, orders, net_sales}], total }",
      handle: async ({ app, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        return listCustomers(app.engine, {
          ...(query.q !== undefined ? { search: query.q } : {}),
          ...(scope !== undefined ? { branch: scope } : {}),
          limit: query.limit,
          offset: query.offset,
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id",
      summary:
        "One customer: profile, latest 200 transactions (or the page tx_limit after tx_offset) and their total, monthly sales, scores, status, alerts, contacts, complaints, surveys, campaigns",
      tag: "customers",
      access: "read",
      feature: "customers",
      scope: "branch",
      params: z.object({ id: z.string().min(1) }),
      query: z.object({
        tx_limit: z.coerce.number().int().min(1).max(1000).optional(),
        tx_offset: z.coerce.number().int().min(0).optional(),
      }),
      returns:
        "{ customer, transactions, transactions_total, monthly: [{period, sales}], scores, status, alerts, contacts, complaints, surveys, campaigns }",
      handle: async ({ app, params, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        return customerPage(app.engine, params.id, {
          ...(scope !== undefined ? { branch: scope } : {}),
          ...(query.tx_limit !== undefined ? { transactionsLimit: query.tx_limit } : {}),
          ...(query.tx_offset !== undefined ? { transactionsOffset: query.tx_offset } : {}),
        });
      },
    }),
  ];
}
