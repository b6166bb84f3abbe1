import { Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { formatPercent } from "../../../lib/format";

export type Reason = { code: string; label: string; count: number; share: number };

const COLORS = ["red.6", "orange.5", "yellow.5", "grape.5", "blue.5", "gray.5"];

/** A group's rejection reasons as one stacked bar (share of its rejections) with the top three named below. */
export function ReasonBar({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return <Text fz="xs" c="dimmed">No rejections</Text>;
  const top = reasons.slice(0, 5);
  const rest = reasons.slice(5).reduce((s, r) => s + r.share, 0);
  return (
    <Stack gap={4} miw={220}>
      <Progress.Root size={10} radius="sm">
        {top.map((r, i) => (
          <Tooltip key={r.code} label={`${r.label}: ${r.count} (${formatPercent(r.share)})`}>
            <Progress.Section value={r.share * 100} color={COLORS[i]} aria-label={r.label} />
          </Tooltip>
        ))}
        {rest > 0 && (
          <Tooltip label={`Other reasons: ${formatPercent(rest)}`}>
            <Progress.Section value={rest * 100} color={COLORS[5]} />
          </Tooltip>
        )}
      </Progress.Root>
      <Group gap={10} wrap="wrap">
        {top.slice(0, 3).map((r, i) => (
          <Text key={r.code} fz="xs" style={{ whiteSpace: "nowrap" }}>
            <Text span c={COLORS[i]} fw={700}>
              ■
            </Text>{" "}
            {r.label} {formatPercent(r.share)}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
