import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type {
  LooseRow,
  ProfitabilityResponse,
  RepurchaseCycleResponse,
  ShareOfWalletResponse,
  ShareOfWalletSegment,
} from "../api/types.ts";
import { BarsChart } from "../charts/BarsChart.tsx";
import { seriesColor } from "../charts/palette.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { Field } from "../components/Field.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { plainText } from "../tables/values.ts";

const DIMENSIONS = [
  "none",
  "segment",
  "region",
  "country",
  "branch",
  "channel",
  "category",
  "product",
] as const;
const MONEY = [
  "sales",
  "returns",
  "cost",
  "profit",
  "profit_per_customer",
  "profit_after_acquisition",
] as const;

function num(row: LooseRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" ? v : null;
}

/** Profit by group, share of wallet, and the repurchase cycle. */
export function ProfitabilityPage() {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const [by, setBy] = useState<(typeof DIMENSIONS)[number]>("segment");
  const [margin, setMargin] = useState("");
  const [profit, reload] = useApi<ProfitabilityResponse>(
    withQuery("/api/profitability", { by: by === "none" ? undefined : by, margin: margin.trim() }),
  );
  const [wallet, reloadWallet] = useApi<ShareOfWalletResponse>("/api/share-of-wallet");
  const [cycle, reloadCycle] = useApi<RepurchaseCycleResponse>("/api/repurchase-cycle");

  const columns: Column<LooseRow>[] = [
    {
      key: "group",
      header: t("profitability.columns.group"),
      value: (r) => (r.group === null ? "—" : String(r.group)),
      kind: "label",
    },
    {
      key: "customers",
      header: t("profitability.columns.customers"),
      value: (r) => num(r, "customers"),
      kind: "number",
    },
    ...MONEY.map((k) => ({
      key: k,
      header: t(`profitability.columns.${k}`),
      value: (r: LooseRow) => num(r, k),
      kind: "money" as const,
    })),
    {
      key: "profit_share",
      header: t("profitability.columns.profit_share"),
      value: (r) => num(r, "profit_share"),
      kind: "percent",
    },
  ];
  const walletColumns: Column<ShareOfWalletSegment>[] = [
    {
      key: "segment",
      header: t("profitability.walletSegment"),
      value: (r) => r.segment ?? "—",
      kind: "label",
    },
    {
      key: "customers",
      header: t("profitability.columns.customers"),
      value: (r) => r.customers,
      kind: "number",
    },
    { key: "spend", header: t("profitability.walletSpend"), value: (r) => r.spend, kind: "money" },
    { key: "total", header: t("profitability.walletTotal"), value: (r) => r.total, kind: "money" },
    {
      key: "share",
      header: t("profitability.walletShare"),
      value: (r) => r.aggregate_share,
      kind: "percent",
    },
  ];

  return (
    <>
      <PageHeader title={t("profitability.title")}>
        <Select
          label={t("profitability.by")}
          value={by}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`dims.${d}`) }))}
          onChange={setBy}
        />
        <Field label={t("profitability.margin")}>
          <input
            value={margin}
            inputMode="decimal"
            dir="ltr"
            size={6}
            placeholder="0.3"
            onChange={(e) => setMargin(e.target.value)}
          />
        </Field>
      </PageHeader>
      <ApiView
        state={profit}
        reload={reload}
        isEmpty={(d) => d.rows.length === 0 && (d.total === null || num(d.total, "lines") === 0)}
      >
        {(d) => (
          <>
            <Panel>
              <BarsChart
                label={t("profitability.columns.profit")}
                data={d.rows.slice(0, 20).map((r) => ({
                  group: r.group === null ? "—" : String(r.group),
                  profit: num(r, "profit"),
                  sales: num(r, "sales"),
                }))}
                xKey="group"
                kind="money"
                series={[
                  { key: "sales", name: t("profitability.columns.sales"), color: seriesColor(4) },
                  { key: "profit", name: t("profitability.columns.profit"), color: seriesColor(2) },
                ]}
              />
            </Panel>
            <Panel>
              <DataTable
                columns={columns}
                rows={d.rows}
                rowKey={(r, i) => String(r.group ?? i)}
                csvName={`profitability${by === "none" ? "" : `-by-${by}`}`}
                initialSort={{ key: "profit", descending: true }}
                {...(d.total === null ? {} : { footer: { ...d.total, group: t("profitability.total") } })}
              />
              {d.notes !== undefined && d.notes.length > 0 ? (
                <ul className="notes">
                  {d.notes.map((n) => (
                    <li key={n}>{plainText(n, language)}</li>
                  ))}
                </ul>
              ) : null}
            </Panel>
          </>
        )}
      </ApiView>
      <div className="grid-2">
        <Panel title={t("profitability.wallet")}>
          <ApiView state={wallet} reload={reloadWallet}>
            {(w) =>
              w.available ? (
                <DataTable
                  columns={walletColumns}
                  rows={[...(w.segments ?? []), ...(w.overall === undefined ? [] : [w.overall])]}
                  rowKey={(r, i) => `${r.segment ?? "—"}|${i}`}
                  csvName="share-of-wallet"
                />
              ) : (
                <EmptyState
                  message={t("profitability.walletUnavailable", {
                    reason: plainText(String(w.reason ?? ""), language),
                  })}
                />
              )
            }
          </ApiView>
        </Panel>
        <Panel title={t("profitability.cycle")}>
          <ApiView state={cycle} reload={reloadCycle} isEmpty={(c) => c.buckets.length === 0}>
            {(c) => (
              <>
                {c.suggested === null ? (
                  <p className="muted">{c.summary}</p>
                ) : (
                  <p className="muted">
                    {t("profitability.suggested", {
                      period: t(`periods.${c.suggested.period}`, { defaultValue: c.suggested.period }),
                      share: format.percent(c.suggested.share),
                    })}
                  </p>
                )}
                <BarsChart
                  label={t("profitability.cycle")}
                  data={c.buckets.map((b) => ({ label: b.label, customers: b.customers }))}
                  xKey="label"
                  kind="number"
                  height={260}
                  series={[
                    { key: "customers", name: t("profitability.cycleCustomers"), color: seriesColor(0) },
                  ]}
                />
              </>
            )}
          </ApiView>
        </Panel>
      </div>
    </>
  );
}
