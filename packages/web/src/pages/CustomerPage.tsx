import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getJson } from "../api/request.ts";
import type { CustomerDetail, LooseRow } from "../api/types.ts";
import { BarsChart } from "../charts/BarsChart.tsx";
import { seriesColor } from "../charts/palette.ts";
import { ApiView } from "../components/ApiView.tsx";
import { LooseTable } from "../components/LooseTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { StatCard } from "../components/StatCard.tsx";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { fieldHeader } from "../tables/fields.ts";
import { plainText, valueLabel } from "../tables/values.ts";

const TX_PAGE = 25;

/** A customer's transactions, newest first, paged on the server; the CSV holds them all. */
function Transactions({ base, id }: { base: string; id: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [state] = useApi<CustomerDetail>(`${base}?tx_limit=${TX_PAGE}&tx_offset=${offset}`);
  const exportAll = async (): Promise<readonly LooseRow[]> => {
    const all: LooseRow[] = [];
    for (let from = 0; ; from += 1000) {
      const page = await getJson<CustomerDetail>(`${base}?tx_limit=1000&tx_offset=${from}`);
      all.push(...page.transactions);
      if (page.transactions.length < 1000) return all;
    }
  };
  return (
    <Panel title={t("customer.transactions")}>
      <ApiView state={state}>
        {(d) =>
          d.transactions.length === 0 ? (
            <p className="muted">{t("customer.nothing")}</p>
          ) : (
            <LooseTable
              rows={d.transactions}
              csvName={`${id}-transactions`}
              hide={["customer_id", "id"]}
              exportAll={exportAll}
              paging={{
                total: d.transactions_total ?? d.transactions.length,
                offset,
                pageSize: TX_PAGE,
                onOffset: setOffset,
              }}
            />
          )
        }
      </ApiView>
    </Panel>
  );
}

export interface CustomerPageProps {
  readonly id: string;
}

/** One customer: purchases over time, value, P(alive), status and rule, and their history with us. */
export function CustomerPage({ id }: CustomerPageProps) {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const base = `/api/customers/${encodeURIComponent(id)}`;
  const [state, reload] = useApi<CustomerDetail>(`${base}?tx_limit=1`);

  const history = (title: string, rows: readonly LooseRow[], name: string) => (
    <Panel title={title}>
      {rows.length === 0 ? (
        <p className="muted">{t("customer.nothing")}</p>
      ) : (
        <LooseTable
          rows={rows}
          csvName={`${id}-${name}`}
          hide={["id", "customer_id", "campaign_id", "alert_id"]}
        />
      )}
    </Panel>
  );

  return (
    <>
      <p>
        <a href="#/customers">← {t("customer.back")}</a>
      </p>
      <PageHeader title={t("customer.title", { id })} />
      <ApiView state={state} reload={reload}>
        {(d) => {
          const status = d.status;
          return (
            <>
              <div className="cards">
                <StatCard
                  label={t("customer.status")}
                  value={
                    status === null ? "—" : t(`statuses.${status.status}`, { defaultValue: status.status })
                  }
                  hint={
                    status === null
                      ? t("customer.noStatus")
                      : [
                          status.since ? t("customer.since", { date: format.date(status.since) }) : "",
                          status.rule ? `${t("customer.rule")}: ${valueLabel(status.rule, language)}` : "",
                        ]
                          .filter((s) => s !== "")
                          .join(" · ")
                  }
                />
                <StatCard label={t("customer.pAlive")} value={format.percent(d.scores?.p_alive ?? null)} />
                <StatCard
                  label={t("cust.expected")}
                  value={format.number(d.scores?.expected_purchases ?? null, 1)}
                  {...(d.scores === null ? { hint: t("customer.noScores") } : {})}
                />
                <StatCard
                  label={t("cust.predicted")}
                  value={format.money(d.scores?.clv ?? null)}
                  hint={`${t("customer.historical")}: ${format.money(d.scores?.historical_value ?? null)}`}
                />
                <StatCard
                  label={t("cust.valueAtStake")}
                  value={format.money(
                    (d.alerts.find((a) => a.state !== "closed")?.value_at_stake as
                      | number
                      | null
                      | undefined) ?? null,
                  )}
                />
              </div>
              {status?.reason ? <p className="reason">{plainText(String(status.reason), language)}</p> : null}
              <div className="grid-2">
                <Panel title={t("customer.timeline")}>
                  <BarsChart
                    label={t("customer.timeline")}
                    data={d.monthly.map((m) => ({ period: m.period, sales: m.sales }))}
                    xKey="period"
                    kind="money"
                    height={240}
                    series={[{ key: "sales", name: t("customers.columns.net_sales"), color: seriesColor(0) }]}
                  />
                </Panel>
                <Panel title={t("customer.attributes")}>
                  <dl className="attributes">
                    {Object.entries(d.customer)
                      .filter(([, value]) => value !== null && value !== undefined && value !== "")
                      .map(([key, value]) => (
                        <div key={key}>
                          <dt>{fieldHeader(key, language)}</dt>
                          <dd>{format.value(value)}</dd>
                        </div>
                      ))}
                  </dl>
                </Panel>
              </div>
              {history(t("customer.alerts"), d.alerts, "alerts")}
              {history(t("customer.contacts"), d.contacts, "contacts")}
              <div className="grid-2">
                {history(t("customer.complaints"), d.complaints, "complaints")}
                {history(t("customer.surveys"), d.surveys, "surveys")}
              </div>
              {history(t("customer.campaigns"), d.campaigns, "campaigns")}
              <Transactions base={base} id={id} />
            </>
          );
        }}
      </ApiView>
    </>
  );
}
