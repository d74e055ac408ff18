import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import { getJson } from "../api/request.ts";
import type { CustomerListRow, CustomersResponse } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useDebounced } from "../hooks/useDebounced.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

const PAGE_SIZE = 50;

/** Customer search with paging; each id links to the customer page. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const q = useDebounced(query.trim(), 300);
  const [state, reload] = useApi<CustomersResponse>(
    withQuery("/api/customers", { q, limit: PAGE_SIZE, offset }),
  );

  const columns: Column<CustomerListRow>[] = [
    {
      key: "id",
      header: t("customers.columns.id"),
      value: (r) => r.id,
      render: (r) => (
        <a href={`#/customers/${encodeURIComponent(r.id)}`} dir="auto">
          {r.id}
        </a>
      ),
    },
    { key: "segment", header: t("customers.columns.segment"), value: (r) => r.segment, kind: "label" },
    { key: "branch", header: t("customers.columns.branch"), value: (r) => r.branch, kind: "label" },
    { key: "country", header: t("customers.columns.country"), value: (r) => r.country, kind: "label" },
    {
      key: "first_purchase",
      header: t("customers.columns.first_purchase"),
      value: (r) => r.first_purchase,
      kind: "date",
    },
    {
      key: "last_purchase",
      header: t("customers.columns.last_purchase"),
      value: (r) => r.last_purchase,
      kind: "date",
    },
    { key: "orders", header: t("customers.columns.orders"), value: (r) => r.orders, kind: "number" },
    { key: "net_sales", header: t("customers.columns.net_sales"), value: (r) => r.net_sales, kind: "money" },
  ];

  return (
    <>
      <PageHeader title={t("customers.title")}>
        <input
          type="search"
          className="search"
          aria-label={t("customers.search")}
          placeholder={t("customers.search")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOffset(0);
          }}
        />
      </PageHeader>
      <ApiView
        state={state}
        reload={reload}
        isEmpty={(d) => d.total === 0}
        {...(q === "" ? {} : { emptyMessage: t("customers.none", { q }) })}
      >
        {(d) => (
          <Panel>
            <DataTable
              columns={columns}
              rows={d.rows}
              rowKey={(r) => r.id}
              csvName="customers"
              exportAll={async () => {
                const all: CustomerListRow[] = [];
                for (let from = 0; ; from += 1000) {
                  const page = await getJson<CustomersResponse>(
                    withQuery("/api/customers", { q, limit: 1000, offset: from }),
                  );
                  all.push(...page.rows);
                  if (page.rows.length < 1000) return all;
                }
              }}
            />
            <div className="pager">
              <button
                type="button"
                className="secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t("common.previous")}
              </button>
              <span>
                {t("common.showing", {
                  from: format.number(Math.min(d.total, offset + 1)),
                  to: format.number(Math.min(d.total, offset + d.rows.length)),
                  total: format.number(d.total),
                })}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={offset + PAGE_SIZE >= d.total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t("common.next")}
              </button>
            </div>
          </Panel>
        )}
      </ApiView>
    </>
  );
}
