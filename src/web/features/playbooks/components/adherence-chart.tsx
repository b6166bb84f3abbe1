import { Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { AdherenceRow } from "../../../../shared/contracts/playbooks.js";

const pct = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);

/** Bars per rep or source: first touch on the recommended channel, steps on time, overall adherence (percent). */
export function AdherenceChart({ rows }: { rows: Serialized<AdherenceRow>[] }) {
  if (rows.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        No leads were handed over with a playbook in this period.
      </Text>
    );
  }
  const data = rows.map((r) => ({ group: r.label, firstTouch: pct(r.firstTouchOnChannelRate), stepsOnTime: pct(r.stepsOnTimeRate), adherence: pct(r.adherenceRate) }));
  return (
    <BarChart
      h={320}
      data={data}
      dataKey="group"
      withLegend
      unit="%"
      yAxisProps={{ domain: [0, 100] }}
      series={[
        { name: "firstTouch", label: "First touch on recommended channel", color: "indigo.6" },
        { name: "stepsOnTime", label: "Steps on time", color: "teal.6" },
        { name: "adherence", label: "Adherence", color: "orange.6" },
      ]}
    />
  );
}
