import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint, ChartSeries, ValueKind } from "./ChartSeries.ts";
import { useAxisFormat } from "./useAxisFormat.ts";

export interface BarsChartProps {
  readonly data: readonly ChartPoint[];
  readonly xKey: string;
  readonly series: readonly ChartSeries[];
  readonly kind: ValueKind;
  readonly height?: number;
  readonly label: string;
}

/** Bars per period, stacked by each series' `stack`; mirrored in right-to-left languages. */
export function BarsChart({ data, xKey, series, kind, height = 300, label }: BarsChartProps) {
  const axis = useAxisFormat(kind);
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={[...data]} margin={{ top: 8, right: 16, left: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
          <XAxis
            dataKey={xKey}
            reversed={axis.rtl}
            tickFormatter={axis.x}
            tick={{ fontSize: 12 }}
            minTickGap={8}
          />
          <YAxis
            orientation={axis.rtl ? "right" : "left"}
            tickFormatter={axis.y}
            tick={{ fontSize: 12 }}
            width={64}
          />
          <Tooltip formatter={(value) => axis.y(value)} labelFormatter={axis.x} />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              isAnimationActive={false}
              {...(s.stack === undefined ? {} : { stackId: s.stack })}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
