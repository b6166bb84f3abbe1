import { Text } from "@mantine/core";
import { ScatterChart } from "@mantine/charts";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ModelMetrics } from "../../../../shared/contracts/predictive.js";
import { SectionCard } from "../../../components/section-card";
import { formatPercent } from "../../../lib/format";

const AXIS = { type: "number" as const, domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] };

/** Predicted against observed win rate per bin of the held-out contacts; a calibrated model sits on the diagonal. */
export function CalibrationChart({ metrics }: { metrics: Serialized<ModelMetrics> }) {
  const points = metrics.calibration
    .filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null)
    .map((b) => ({ predicted: b.meanPredicted as number, observed: b.observedRate as number }));
  const empty = metrics.calibration.filter((b) => b.count === 0).length;
  return (
    <SectionCard title="Calibration (held out)" testId="calibration-chart">
      <ScatterChart
        h={280}
        data={[{ color: "indigo.6", name: "Bins of held-out contacts", data: points }]}
        dataKey={{ x: "predicted", y: "observed" }}
        labels={{ x: "Predicted", y: "Observed" }}
        xAxisLabel="Predicted win chance"
        yAxisLabel="Observed win rate"
        valueFormatter={(v) => formatPercent(v)}
        xAxisProps={AXIS}
        yAxisProps={AXIS}
        referenceLines={[{ segment: [{ x: 0, y: 0 }, { x: 1, y: 1 }], color: "gray.5", strokeDasharray: "4 4" }]}
      />
      <Text fz="xs" c="dimmed" mt="xs">
        Each point is one tenth of the probability scale: the mean predicted chance of its held-out contacts against the share that won. The dashed
        diagonal is perfect calibration.
        {empty > 0 ? ` ${empty} of 10 bins held no contacts.` : ""} Small bins are noisy.
      </Text>
    </SectionCard>
  );
}
