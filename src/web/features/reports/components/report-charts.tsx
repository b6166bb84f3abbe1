import type { ReactNode } from "react";
import { Text } from "@mantine/core";
import { BarChart, LineChart, type BarChartSeries } from "@mantine/charts";
import { formatMoney } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { formatValue, type ValueFormat } from "../hooks/report-format";
import { SectionCard } from "../../../components/section-card";

/** Chart colours in a fixed order, so the same series keeps its colour across charts. */
export const SERIES_COLORS = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.6", "red.6", "lime.7", "pink.6", "yellow.7", "blue.4"];

export type Series = { name: string; label: string; color?: string };

function useFormatter(format: ValueFormat) {
  const { workspace } = useSession();
  // Axis ticks and tooltips: money compact ($1.2M, $900K) so the axis stays narrow.
  return (v: number) => (format === "money" ? formatMoney(v, workspace.currency, Math.abs(v) >= 10_000) : formatValue(v, format, workspace.currency));
}

function withColors(series: Series[]): BarChartSeries[] {
  return series.map((s, i) => ({ name: s.name, label: s.label, color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]! }));
}

/**
 * Hours become days when the largest value passes three days, so one axis never mixes units (45 h next to 2.5 d).
 */
function scaleHours(data: Record<string, unknown>[], series: Series[], format: ValueFormat): { data: Record<string, unknown>[]; format: ValueFormat } {
  if (format !== "hours") return { data, format };
  const max = Math.max(0, ...data.flatMap((row) => series.map((s) => (typeof row[s.name] === "number" ? (row[s.name] as number) : 0))));
  if (max < 72) return { data, format };
  const scaled = data.map((row) => {
    const out = { ...row };
    for (const s of series) if (typeof row[s.name] === "number") out[s.name] = (row[s.name] as number) / 24;
    return out;
  });
  return { data: scaled, format: "days" };
}

type CardProps = {
  title: ReactNode;
  /** Nothing to draw: say what would fill the chart. */
  empty: string | null;
  hint?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
};

/** A titled card around a chart, with its empty state and a caption. */
export function ChartCard({ title, empty, hint, actions, testId, children }: CardProps) {
  return (
    <SectionCard title={title} actions={actions} testId={testId}>
      {empty ? (
        <Text fz="sm" c="dimmed" data-testid="chart-empty" py="md">
          {empty}
        </Text>
      ) : (
        children
      )}
      {hint && !empty && (
        <Text fz="xs" c="dimmed" mt={6}>
          {hint}
        </Text>
      )}
    </SectionCard>
  );
}

type TrendProps = { data: Record<string, unknown>[]; dataKey: string; series: Series[]; format: ValueFormat; h?: number };

/** Values over months as lines (null points leave a gap rather than dropping to zero). */
export function TrendChart({ data: raw, dataKey, series, format: rawFormat, h = 240 }: TrendProps) {
  const { data, format } = scaleHours(raw, series, rawFormat);
  const fmt = useFormatter(format);
  return (
    <LineChart
      h={h}
      data={data}
      dataKey={dataKey}
      series={withColors(series)}
      valueFormatter={fmt}
      curveType="monotone"
      connectNulls={false}
      withLegend={series.length > 1}
      legendProps={{ verticalAlign: "bottom" }}
      yAxisProps={{ width: 72 }}
      gridAxis="y"
    />
  );
}

type BarsProps = {
  data: Record<string, unknown>[];
  dataKey: string;
  series: Series[];
  format: ValueFormat;
  /** Horizontal bars, one row per category (long names). */
  horizontal?: boolean;
  stacked?: boolean;
  h?: number;
  /** Opens the records behind a bar. */
  onBarClick?: (row: Record<string, unknown>, series: string) => void;
  categoryWidth?: number;
};

/** Numbers people compare, as bars: one group per category, one bar per series (e.g. this period and the previous). */
export function BarsChart({ data: raw, dataKey, series, format: rawFormat, horizontal, stacked, h, onBarClick, categoryWidth = 150 }: BarsProps) {
  const { data, format } = scaleHours(raw, series, rawFormat);
  const fmt = useFormatter(format);
  const perRow = stacked || series.length === 1 ? 30 : 12 + series.length * 11;
  const height = h ?? (horizontal ? Math.max(160, data.length * perRow + (series.length > 1 ? 70 : 40)) : 260);
  return (
    <BarChart
      h={height}
      data={data}
      dataKey={dataKey}
      series={withColors(series)}
      type={stacked ? "stacked" : "default"}
      orientation={horizontal ? "vertical" : "horizontal"}
      valueFormatter={fmt}
      withLegend={series.length > 1}
      legendProps={{ verticalAlign: "bottom" }}
      yAxisProps={horizontal ? { width: categoryWidth } : { width: 72 }}
      gridAxis={horizontal ? "x" : "y"}
      barProps={
        onBarClick
          ? (s) => ({
              cursor: "pointer",
              onClick: (entry: { payload?: Record<string, unknown> }) => {
                if (entry.payload) onBarClick(entry.payload, s.name);
              },
            })
          : undefined
      }
    />
  );
}
