import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint, ChartSeries, ValueKind } from "./ChartSeries.ts";
import { useAxisFormat } from "./useAxisFormat.ts";

export interface TrendChartProps {
  readonly data: readonly ChartPoint[];
  readonly xKey: string;
  readonly series: readonly ChartSeries[];
  readonly kind: ValueKind;
  readonly height?: number;
  readonly label: string;
}

/** A line chart over periods; time runs in the reading direction (right to left in fa/ar). */
export function TrendChart({ data, xKey, series, kind, height = 300, label }: TrendChartProps) {
  const axis = useAxisFormat(kind);
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={[...data]} margin={{ top: 8, right: 16, left: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
          <XAxis
            dataKey={xKey}
            reversed={axis.rtl}
            tickFormatter={axis.x}
            tick={{ fontSize: 12 }}
            minTickGap={16}
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
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              dot={data.length < 40}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
