import { SimpleGrid } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { PredictiveModelDetail } from "../../../../shared/contracts/predictive.js";
import { StatCard } from "../../../components/stat-card";
import { formatDateTime, formatNumber, formatPercent, formatRelative } from "../../../lib/format";

const fixed = (n: number | null, digits = 3) => (n === null ? "—" : n.toFixed(digits));

/** The active model's headline numbers, all measured on the held-out split. */
export function ModelStats({ model }: { model: Serialized<PredictiveModelDetail> }) {
  const m = model.metrics;
  const baseRate = m.test.rows ? m.test.positives / m.test.rows : null;
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="md">
      <StatCard testId="model-auc" label="Held-out AUC" value={fixed(m.auc)} hint="0.5 is a coin flip, 1 ranks every win above every loss" />
      <StatCard testId="model-brier" label="Brier score" value={fixed(m.brier)} hint={`lower is better; always guessing the base rate scores ${fixed(baseRate === null ? null : baseRate * (1 - baseRate))}`} />
      <StatCard testId="model-accuracy" label="Accuracy at 50%" value={formatPercent(m.accuracy)} hint={`always saying "lost" scores ${formatPercent(baseRate === null ? null : Math.max(baseRate, 1 - baseRate))}`} />
      <StatCard
        testId="model-outcomes"
        label="Outcomes"
        value={`${formatNumber(m.positives)} won · ${formatNumber(m.negatives)} lost`}
        hint={`${formatNumber(m.train.rows)} to train, ${formatNumber(m.test.rows)} held out (${formatNumber(m.test.positives)} won)`}
      />
      <StatCard testId="model-trained" label={`Version ${model.version}`} value={formatRelative(model.trainedAt)} hint={`trained ${formatDateTime(model.trainedAt)} · ${m.features} features, λ = ${m.lambda}`} />
    </SimpleGrid>
  );
}
