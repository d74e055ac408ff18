import { useTranslation } from "react-i18next";
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

export interface CustomerPageProps {
  readonly id: string;
}

/** One customer: purchases over time, value, P(alive), status and rule, and their history with us. */
export function CustomerPage({ id }: CustomerPageProps) {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const [state, reload] = useApi<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`);

  const history = (title: string, rows: readonly LooseRow[], name: string) => (
    <Panel title={title}>
      {rows.length === 0 ? (
        <p className="muted">{t("customer.nothing")}</p>
      ) : (
        <LooseTable rows={rows} csvName={`${id}-${name}`} hide={["customer_id", "campaign_id", "alert_id"]} />
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
              {history(t("customer.transactions"), d.transactions, "transactions")}
            </>
          );
        }}
      </ApiView>
    </>
  );
}
