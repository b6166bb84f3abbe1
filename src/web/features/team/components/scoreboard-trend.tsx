import { useState } from "react";
import { Button, Group, MultiSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { LineChart } from "@mantine/charts";
import { IconDownload } from "@tabler/icons-react";
import type { ScoreboardMonth, ScoreboardRow } from "../../../../shared/contracts/team.js";
import { toCsv } from "../../../../shared/csv.js";
import { SectionCard } from "../../../components/section-card";
import { downloadText } from "../../../lib/download";
import { formatNumber } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

type Measure = "meetingsBooked" | "meetingsAccepted" | "pipeline" | "wonRevenue";

const MEASURES: { value: Measure; label: string; money: boolean }[] = [
  { value: "meetingsBooked", label: "Meetings booked", money: false },
  { value: "meetingsAccepted", label: "Meetings accepted", money: false },
  { value: "pipeline", label: "Sourced pipeline", money: true },
  { value: "wonRevenue", label: "Won revenue", money: true },
];

const COLORS = ["orange.6", "teal.6", "indigo.6", "grape.6", "cyan.6", "red.6", "lime.7", "pink.6"];
const MAX_LINES = COLORS.length;

/** The scoreboard month by month as CSV: one record per SDR and month. */
function exportMonthlyCsv(from: string, to: string, reps: ScoreboardRow[]) {
  const rows = reps.flatMap((r) => r.months.map((m) => ({ name: r.name, ...m })));
  const csv = toCsv(
    [
      { header: "SDR", value: (r: ScoreboardMonth & { name: string }) => r.name },
      { header: "Month", value: (r) => r.month },
      { header: "Meetings booked", value: (r) => r.meetingsBooked },
      { header: "Meetings accepted", value: (r) => r.meetingsAccepted },
      { header: "Sourced opportunities", value: (r) => r.opportunities },
      { header: "Sourced pipeline", value: (r) => r.pipeline },
      { header: "Won deals", value: (r) => r.wonDeals },
      { header: "Won revenue", value: (r) => r.wonRevenue },
    ],
    rows,
  );
  downloadText(`sdr-scoreboard-monthly-${from}-to-${to}.csv`, csv);
}

const monthLabel = (m: string) => new Date(`${m}-15T00:00:00Z`).toLocaleDateString(undefined, { month: "short", year: "2-digit", timeZone: "UTC" });

/** Each SDR's month by month on the scoreboard: a line per SDR for the measure picked, and the monthly CSV. */
export function ScoreboardTrend({ from, to, reps }: { from: string; to: string; reps: ScoreboardRow[] }) {
  const money = useMoney();
  const [measure, setMeasure] = useState<Measure>("meetingsBooked");
  // Beyond eight lines the chart stops being readable: the SDRs with the most won revenue are drawn first.
  const byRevenue = [...reps].sort((a, b) => b.wonRevenue - a.wonRevenue || a.name.localeCompare(b.name));
  const [picked, setPicked] = useState<string[] | null>(null);
  const shown = (picked ?? byRevenue.slice(0, MAX_LINES).map((r) => r.userId)).filter((id) => reps.some((r) => r.userId === id));
  const lines = reps.filter((r) => shown.includes(r.userId));
  const months = reps[0]?.months.map((m) => m.month) ?? [];
  const data = months.map((month, i) => ({ month: monthLabel(month), ...Object.fromEntries(lines.map((r) => [r.userId, r.months[i]?.[measure] ?? 0])) }));
  const isMoney = MEASURES.find((m) => m.value === measure)!.money;
  const fmt = (v: number) => (isMoney ? money(v, { compact: Math.abs(v) >= 10_000 }) : formatNumber(v));
  return (
    <SectionCard
      title="Month by month"
      testId="scoreboard-trend"
      actions={
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => exportMonthlyCsv(from, to, reps)}>
          Monthly CSV
        </Button>
      }
    >
      <Stack gap="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl size="xs" value={measure} onChange={(v) => setMeasure(v as Measure)} data={MEASURES.map(({ value, label }) => ({ value, label }))} data-testid="scoreboard-trend-measure" />
          {reps.length > 1 && (
            <MultiSelect
              size="xs"
              label="SDRs"
              data={byRevenue.map((r) => ({ value: r.userId, label: r.name }))}
              value={shown}
              onChange={(v) => setPicked(v.slice(0, MAX_LINES))}
              maxValues={MAX_LINES}
              w={360}
              data-testid="scoreboard-trend-sdrs"
            />
          )}
        </Group>
        {lines.length === 0 ? (
          <Text fz="sm" c="dimmed" py="md">
            Pick an SDR to draw their months.
          </Text>
        ) : (
          <LineChart
            h={260}
            data={data}
            dataKey="month"
            series={lines.map((r, i) => ({ name: r.userId, label: r.name, color: COLORS[i % COLORS.length]! }))}
            valueFormatter={fmt}
            curveType="linear"
            withLegend
            legendProps={{ verticalAlign: "bottom" }}
            yAxisProps={{ width: 72 }}
            gridAxis="y"
          />
        )}
        <Text fz="xs" c="dimmed">
          Meetings by the month they were held, pipeline by the month the sourced deal was created, revenue by the month it was won. The months add up to the table below.
        </Text>
      </Stack>
    </SectionCard>
  );
}
