import { useTranslation } from "react-i18next";
import type { CohortsResponse } from "../api/types.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

export interface CohortHeatmapProps {
  readonly data: CohortsResponse;
}

/** Shade of a cell: darker for larger shares; scaled to the largest cell so sales over 100% still read. */
function shade(value: number | null, top: number): string {
  if (value === null || top <= 0) return "transparent";
  const strength = Math.max(0, Math.min(1, value / top));
  return `rgba(0, 114, 178, ${(0.08 + strength * 0.82).toFixed(3)})`;
}

/** The cohort triangle as a heatmap: one row per first-purchase cohort, one column per period offset. */
export function CohortHeatmap({ data }: CohortHeatmapProps) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const width = Math.max(data.mean.length, ...data.cohorts.map((c) => c.values.length));
  const offsets = Array.from({ length: width }, (_, k) => k);
  const all = data.cohorts.flatMap((c) => c.values).filter((v): v is number => v !== null);
  const top = all.length === 0 ? 1 : Math.min(1.5, Math.max(...all));

  const cell = (value: number | null | undefined, key: string, row: string) => {
    const v = value ?? null;
    const dark = v !== null && top > 0 && v / top > 0.55;
    const title =
      v === null
        ? undefined
        : `${row} · ${format.label(t("cohorts.offset", { n: Number(key) }))}: ${format.percent(v)}`;
    return (
      <td
        key={key}
        className="heat"
        title={title}
        style={{ background: shade(v, top), color: dark ? "#fff" : undefined }}
      >
        {v === null ? "" : format.percent(v)}
      </td>
    );
  };

  return (
    <>
      <div className="heat-legend" aria-hidden="true">
        <span>{t("cohort.legend")}</span>
        <span>{format.percent(0)}</span>
        <span
          className="ramp"
          style={{ background: `linear-gradient(to right, ${shade(0, top)}, ${shade(top, top)})` }}
        />
        <span>{format.percent(top)}</span>
      </div>
      <div className="table-scroll">
        <table className="heatmap" aria-label={t("cohorts.title")}>
          <thead>
            <tr>
              <th>{t("cohorts.cohort")}</th>
              <th className="num">{t("cohorts.size")}</th>
              {offsets.map((k) => (
                <th key={k} className="num">
                  {format.label(t("cohorts.offset", { n: k }))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.cohorts.map((c) => (
              <tr key={c.cohort}>
                <th scope="row">{format.label(c.cohort)}</th>
                <td className="num">{format.number(c.size)}</td>
                {offsets.map((k) => cell(c.values[k], String(k), format.label(c.cohort)))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("cohorts.mean")}</th>
              <td />
              {offsets.map((k) => cell(data.mean[k], String(k), t("cohorts.mean")))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
