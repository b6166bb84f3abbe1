import { Group, Progress, Text, Tooltip } from "@mantine/core";
import { useMoney } from "../../../lib/session";

/** Actual cost against budget as a thin bar: green within budget, orange near it, red over it. */
export function BudgetBar({ budget, actual, withLabel = false }: { budget: number; actual: number; withLabel?: boolean }) {
  const money = useMoney();
  const ratio = budget > 0 ? actual / budget : actual > 0 ? Infinity : 0;
  const color = ratio > 1 ? "red" : ratio > 0.9 ? "orange" : "teal";
  const label = budget > 0 ? `${Math.round(ratio * 100)}% of budget` : actual > 0 ? "no budget set" : "nothing spent";
  return (
    <Tooltip label={`${money(actual)} of ${money(budget)} · ${label}`} openDelay={300}>
      <div>
        <Progress value={Math.min(100, Number.isFinite(ratio) ? ratio * 100 : 100)} color={color} size="sm" radius="xl" />
        {withLabel && (
          <Group justify="space-between" mt={4}>
            <Text fz="xs" c="dimmed">
              {label}
            </Text>
            <Text fz="xs" c={ratio > 1 ? "red" : "dimmed"}>
              {budget > 0 ? (actual > budget ? `${money(actual - budget)} over` : `${money(budget - actual)} left`) : ""}
            </Text>
          </Group>
        )}
      </div>
    </Tooltip>
  );
}
