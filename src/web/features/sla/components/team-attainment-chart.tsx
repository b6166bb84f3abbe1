import { Group, SegmentedControl, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { useState } from "react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { LedgerResponse } from "../../../../shared/contracts/sla.js";
import type { SlaKind } from "../../../../shared/contracts/sla.js";
import { SectionCard } from "../../../components/section-card";

type ByTeam = Serialized<LedgerResponse>["sales"]["byTeam"];
/** Kind names short enough for a toggle. */
export const SHORT_LABELS: Record<SlaKind, string> = { accept: "Accept", first_touch: "First touch", recycle_attempts: "Recycling", mql_target: "MQL target" };

type Row = { team: string; attainment: number; due: number };

/** Attainment per team of the chosen kinds (null when nothing was due), as whole-number percentages. */
export function teamAttainment(rows: ByTeam, kind: SlaKind | "all"): Row[] {
  const byTeam = new Map<string, { onTime: number; breached: number }>();
  for (const r of rows) {
    if (kind !== "all" && r.kind !== kind) continue;
    const t = byTeam.get(r.teamName) ?? { onTime: 0, breached: 0 };
    t.onTime += r.onTime;
    t.breached += r.breached;
    byTeam.set(r.teamName, t);
  }
  return [...byTeam.entries()]
    .filter(([, t]) => t.onTime + t.breached > 0)
    .map(([team, t]) => ({ team, attainment: Math.round((t.onTime / (t.onTime + t.breached)) * 1000) / 10, due: t.onTime + t.breached }))
    .sort((a, b) => a.team.localeCompare(b.team));
}

/** Attainment by team as bars; teams below the workspace's overall attainment are red, the rest teal. */
export function TeamAttainmentChart({ rows }: { rows: ByTeam }) {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const [kind, setKind] = useState<SlaKind | "all">("all");
  const data = teamAttainment(rows, kind);
  const totalDue = data.reduce((s, d) => s + d.due, 0);
  const overall = totalDue ? Math.round((data.reduce((s, d) => s + (d.attainment / 100) * d.due, 0) / totalDue) * 1000) / 10 : null;
  return (
    <SectionCard
      title="Attainment by team"
      testId="team-attainment-chart"
      actions={
        kinds.length > 1 && (
          <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as SlaKind | "all")} data={[{ value: "all", label: "All" }, ...kinds.map((k) => ({ value: k, label: SHORT_LABELS[k] }))]} />
        )
      }
    >
      {data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No team had a timer due in this period.
        </Text>
      ) : (
        <>
          <BarChart
            h={Math.max(180, data.length * 46)}
            data={data}
            dataKey="team"
            orientation="vertical"
            series={[{ name: "attainment", label: "On time", color: "teal.6" }]}
            getBarColor={(v) => (overall !== null && v < overall ? "red.6" : "teal.6")}
            valueFormatter={(v) => `${v}%`}
            withBarValueLabel
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 120 }}
            referenceLines={overall !== null ? [{ x: overall, label: `Workspace ${overall}%`, color: "gray.6" }] : []}
            gridAxis="x"
          />
          <Group gap="md" mt="xs" aria-label="Attainment per team">
            {data.map((d) => (
              <Text key={d.team} fz="xs" data-testid="team-attainment" data-team={d.team} data-attainment={d.attainment} c={overall !== null && d.attainment < overall ? "red.7" : undefined} fw={overall !== null && d.attainment < overall ? 700 : 400}>
                {d.team}: {d.attainment}% of {d.due}
              </Text>
            ))}
          </Group>
          <Text fz="xs" c="dimmed" mt={4}>
            Share of timers due in the period that were met on time. Red: below the workspace&apos;s {overall}%.
          </Text>
        </>
      )}
    </SectionCard>
  );
}
