import { Badge, Group, Paper, SimpleGrid, Text } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight } from "@tabler/icons-react";
import { formatMoney, formatNumber, formatPercent } from "../../../lib/format";
import type { DigestData } from "../hooks/use-digests";

type Metric = DigestData["content"]["metrics"][number];

/** Numbers where fewer is better: a fall is shown green, a rise red. */
const DOWN_IS_GOOD = new Set(["rejected", "lost"]);

function show(m: Metric, v: number, currency: string): string {
  return m.unit === "money" ? formatMoney(v, currency) : formatNumber(v);
}

/** One number of the week beside the week before, with the change; a number that moved is called out. */
function MetricCard({ m, currency }: { m: Metric; currency: string }) {
  const up = m.value > m.previous;
  const flat = m.value === m.previous;
  const Arrow = up ? IconArrowUpRight : IconArrowDownRight;
  const good = up !== DOWN_IS_GOOD.has(m.key);
  const change = m.change === null ? (m.value === 0 ? "no change" : "new this week") : `${m.change > 0 ? "+" : ""}${formatPercent(m.change)}`;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="digest-metric"
      data-key={m.key}
      data-moved={m.moved}
      style={m.moved ? { borderColor: "var(--mantine-color-indigo-5)", background: "var(--mantine-color-indigo-light)" } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fz="xs" tt="uppercase" fw={600} c="dimmed" lineClamp={2}>
          {m.label}
        </Text>
        {m.moved && (
          <Badge size="xs" color="indigo" variant="filled" style={{ flexShrink: 0 }}>
            Moved
          </Badge>
        )}
      </Group>
      <Text fz={24} fw={700} mt={4} lh={1.2} data-testid="digest-metric-value">
        {show(m, m.value, currency)}
      </Text>
      <Group gap={4} mt={4} wrap="nowrap">
        {!flat && <Arrow size={14} color={`var(--mantine-color-${good ? "teal" : "red"}-7)`} />}
        <Text fz="xs" c={flat ? "dimmed" : good ? "teal.7" : "red.7"} fw={600}>
          {change}
        </Text>
        <Text fz="xs" c="dimmed">
          · week before {show(m, m.previous, currency)}
        </Text>
      </Group>
    </Paper>
  );
}

/** The week's numbers as cards; the ones that moved by a fifth or more come first and stand out. */
export function DigestMetrics({ metrics, currency }: { metrics: Metric[]; currency: string }) {
  const ordered = [...metrics.filter((m) => m.moved), ...metrics.filter((m) => !m.moved)];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="digest-metrics">
      {ordered.map((m) => (
        <MetricCard key={m.key} m={m} currency={currency} />
      ))}
    </SimpleGrid>
  );
}
