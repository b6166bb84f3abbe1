import { Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ModelMetrics } from "../../../../shared/contracts/predictive.js";
import { featureLabel } from "../../../../shared/domain/predictive-features.js";
import { SectionCard } from "../../../components/section-card";

/** The features that move the score most, as log-odds weights: right raises the chance of a win, left lowers it. */
export function TopFeaturesChart({ metrics }: { metrics: Serialized<ModelMetrics> }) {
  const data = metrics.topFeatures.map((f) => ({ feature: featureLabel(f.feature, f.column), weight: Number(f.coefficient.toFixed(3)) }));
  return (
    <SectionCard title="Strongest features" testId="top-features-chart">
      {data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No feature separates won from lost contacts yet.
        </Text>
      ) : (
        <BarChart
          h={Math.max(200, data.length * 30)}
          data={data}
          dataKey="feature"
          orientation="vertical"
          series={[{ name: "weight", label: "Log-odds weight", color: "indigo.6" }]}
          getBarColor={(v) => (v >= 0 ? "teal.6" : "red.6")}
          yAxisProps={{ width: 220 }}
          gridAxis="x"
        />
      )}
      <Text fz="xs" c="dimmed" mt="xs">
        Weights are per category, per yes/no flag, or per standard deviation of a number (sizes and touch counts on a log scale).
      </Text>
    </SectionCard>
  );
}
