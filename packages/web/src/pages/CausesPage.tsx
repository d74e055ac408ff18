import { useTranslation } from "react-i18next";
import type { LooseRow } from "../api/types.ts";
import { BarsChart } from "../charts/BarsChart.tsx";
import { seriesColor } from "../charts/palette.ts";
import { ApiView } from "../components/ApiView.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { LooseTable } from "../components/LooseTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { fieldHeader } from "../tables/fields.ts";
import { plainText, valueLabel } from "../tables/values.ts";

interface Reasons {
  readonly rows: readonly LooseRow[];
  /** The same defectors per reason category (two-level reasons); empty when reasons have none. */
  readonly categories?: readonly LooseRow[];
  readonly notes?: readonly string[];
}
interface Drivers {
  readonly drivers: readonly LooseRow[];
  readonly notes?: readonly string[];
}
interface Profiles {
  readonly rows: readonly LooseRow[];
  readonly notes?: readonly string[];
}

function Notes({ notes }: { notes: readonly string[] | undefined }) {
  const { language } = usePrefs();
  if (notes === undefined || notes.length === 0) return null;
  return (
    <ul className="notes muted">
      {notes.map((n) => (
        <li key={n}>{plainText(n, language)}</li>
      ))}
    </ul>
  );
}

/** Exit reasons as two Pareto charts, largest first: by customers and by the value they took. */
function ReasonCharts({ rows }: { rows: readonly LooseRow[] }) {
  const { language } = usePrefs();
  const points = (key: string) =>
    [...rows]
      .sort((a, b) => Number(b[key] ?? 0) - Number(a[key] ?? 0))
      .map((r) => ({
        reason: valueLabel(String(r.reason ?? r.group ?? ""), language),
        [key]: Number(r[key] ?? 0),
      }));
  const customers = fieldHeader("customers", language);
  const value = fieldHeader("valueLost", language);
  return (
    <div className="grid-2">
      <BarsChart
        label={customers}
        data={points("customers")}
        xKey="reason"
        kind="number"
        height={220}
        series={[{ key: "customers", name: customers, color: seriesColor(0) }]}
      />
      <BarsChart
        label={value}
        data={points("value")}
        xKey="reason"
        kind="money"
        height={220}
        series={[{ key: "value", name: value, color: seriesColor(1) }]}
      />
    </div>
  );
}

/** The causes page: exit reasons, the service issues that drive defection, and defector profiles. */
export function CausesPage() {
  const { t } = useTranslation();
  const [reasons, reloadReasons] = useApi<Reasons>("/api/causes/reasons");
  const [drivers, reloadDrivers] = useApi<Drivers>("/api/causes/drivers");
  const [profiles, reloadProfiles] = useApi<Profiles>("/api/causes/profiles");
  return (
    <>
      <PageHeader title={t("causes.title")} intro={t("causes.intro")} />
      <div className="stack">
        <Panel title={t("causes.reasons")}>
          <ApiView state={reasons} reload={reloadReasons}>
            {(d) =>
              d.rows.length === 0 ? (
                <EmptyState
                  message={t("prog.recordReasons")}
                  action={{ href: "#/worklist", label: t("prog.openWorklist") }}
                />
              ) : (
                <>
                  <ReasonCharts rows={d.rows} />
                  <LooseTable
                    rows={d.rows}
                    csvName="exit-reasons"
                    intervals={{ rate: ["rateLow", "rateHigh"], share: ["shareLow", "shareHigh"] }}
                  />
                  {d.categories !== undefined && d.categories.length > 0 ? (
                    <>
                      <h3>{t("causes.reasonCategories")}</h3>
                      <ReasonCharts rows={d.categories} />
                      <LooseTable
                        rows={d.categories}
                        csvName="exit-reason-categories"
                        intervals={{ rate: ["rateLow", "rateHigh"], share: ["shareLow", "shareHigh"] }}
                      />
                    </>
                  ) : null}
                </>
              )
            }
          </ApiView>
        </Panel>
        <Panel title={t("causes.drivers")}>
          <ApiView state={drivers} reload={reloadDrivers}>
            {(d) => (
              <>
                {d.drivers.length === 0 ? (
                  <p className="muted">{t("rc.noDrivers")}</p>
                ) : (
                  <LooseTable
                    rows={d.drivers}
                    csvName="defection-drivers"
                    intervals={{
                      rateWith: ["rateWithLow", "rateWithHigh"],
                    }}
                  />
                )}
                <Notes notes={d.notes} />
              </>
            )}
          </ApiView>
        </Panel>
        <Panel title={t("causes.profiles")}>
          <ApiView state={profiles} reload={reloadProfiles}>
            {(d) => (
              <>
                <LooseTable
                  rows={d.rows}
                  csvName="defector-profiles"
                  intervals={{ rate: ["rateLow", "rateHigh"] }}
                  keys={[
                    "dimension",
                    "group",
                    "customers",
                    "defected",
                    "rate",
                    "rateLow",
                    "rateHigh",
                    "relativeRisk",
                    "meanValue",
                    "valueLost",
                    "likelyToLeave",
                    "belowAverageValue",
                    "costlyAndLikelyToLeave",
                  ]}
                />
                <Notes notes={d.notes} />
              </>
            )}
          </ApiView>
        </Panel>
      </div>
    </>
  );
}
