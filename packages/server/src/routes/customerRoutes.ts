import type { Row, SqlValue } from "@vafa/core";
import { sql } from "@vafa/core";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";

/** Rows of `text` when `table` exists, else [] (sections whose tables another part adds later). */
async function section(app: AppContext, table: string, text: string, params: SqlValue[]): Promise<Row[]> {
  return app.facts.hasTable(table) ? app.facts.client.all(sql(text, params)) : [];
}

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
      query: z.object({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      returns:
        "{ rows: [{id, segment, branch, country, first_purchase, last_purchase, orders, net_sales}], total }",
      handle: async ({ app, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.q !== undefined && query.q.trim() !== "") {
          // `%`, `_` and `\` in the search are the characters themselves, not wildcards.
          params.push(`%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`);
          const like = `ILIKE $${params.length} ESCAPE '\\'`;
          where.push(`(c.id ${like} OR c.segment ${like} OR c.branch ${like} OR c.country ${like})`);
        }
        if (scope !== undefined) {
          params.push(scope);
          where.push(`c.branch = $${params.length}`);
        }
        const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
        const [count] = await app.facts.client.all(
          sql(`SELECT count(*) AS n FROM customers c ${filter}`, params),
        );
        const page = [...params, query.limit, query.offset];
        // Page the customers first, then aggregate only their transactions.
        const rows = await app.facts.client.all(
          sql(
            `WITH page AS (SELECT * FROM customers c ${filter} ORDER BY c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2})
             SELECT p.id, p.segment, p.branch, p.country,
               strftime(min(t.occurred_at), '%Y-%m-%d') AS first_purchase,
               strftime(max(t.occurred_at), '%Y-%m-%d') AS last_purchase,
               count(DISTINCT coalesce(t.order_id, t.id)) AS orders,
               coalesce(round(sum(t.amount), 2), 0) AS net_sales
             FROM page p LEFT JOIN transactions t ON t.customer_id = p.id
             GROUP BY p.id, p.segment, p.branch, p.country ORDER BY p.id`,
            page,
          ),
        );
        return { rows, total: Number(count?.n ?? 0) };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id",
      summary:
        "One customer: profile, latest 200 transactions, monthly sales, scores, status, alerts, contacts, complaints, surveys, campaigns",
      tag: "customers",
      access: "read",
      params: z.object({ id: z.string().min(1) }),
      returns:
        "{ customer, transactions, monthly: [{period, sales}], scores, status, alerts, contacts, complaints, surveys, campaigns }",
      handle: async ({ app, params, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        const id = params.id;
        const [customer] = await app.facts.client.all(sql("SELECT * FROM customers WHERE id = $1", [id]));
        if (customer === undefined) throw new HttpError(404, `no customer ${id}`);
        if (scope !== undefined && (scope === null || customer.branch !== scope))
          throw new HttpError(403, "this customer is outside your branch");
        const [transactions, monthly, scores, status, alerts, contacts, complaints, surveys, campaigns] =
          await Promise.all([
            app.facts.client.all(
              sql(
                "SELECT * FROM transactions WHERE customer_id = $1 ORDER BY occurred_at DESC, id LIMIT 200",
                [id],
              ),
            ),
            app.facts.client.all(
              sql(
                `SELECT strftime(occurred_at, '%Y-%m') AS period, round(sum(amount), 2) AS sales
                 FROM transactions WHERE customer_id = $1 GROUP BY 1 ORDER BY 1`,
                [id],
              ),
            ),
            section(app, "customer_scores", "SELECT * FROM customer_scores WHERE customer_id = $1", [id]),
            section(app, "customer_status", "SELECT * FROM customer_status WHERE customer_id = $1", [id]),
            section(app, "alerts", "SELECT * FROM alerts WHERE customer_id = $1 ORDER BY created_at DESC", [
              id,
            ]),
            section(
              app,
              "contacts",
              "SELECT * FROM contacts WHERE customer_id = $1 ORDER BY occurred_at DESC",
              [id],
            ),
            section(
              app,
              "complaints",
              "SELECT * FROM complaints WHERE customer_id = $1 ORDER BY occurred_at DESC",
              [id],
            ),
            section(
              app,
              "survey_responses",
              "SELECT * FROM survey_responses WHERE customer_id = $1 ORDER BY occurred_at DESC",
              [id],
            ),
            section(
              app,
              "campaign_members",
              `SELECT m.*, c.name, c.strategy FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
               WHERE m.customer_id = $1 ORDER BY m.assigned_at DESC`,
              [id],
            ),
          ]);
        return {
          customer,
          transactions,
          monthly,
          scores: scores[0] ?? null,
          status: status[0] ?? null,
          alerts,
          contacts,
          complaints,
          surveys,
          campaigns,
        };
      },
    }),
  ];
}
