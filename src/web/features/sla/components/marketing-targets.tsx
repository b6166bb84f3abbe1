import { Badge, Box, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { LedgerResponse } from "../../../../shared/contracts/sla.js";
import { formatDate, formatNumber, formatPercent } from "../../../lib/format";

type Target = Serialized<LedgerResponse>["marketing"][number];

const STATUS: Record<Target["status"], { label: string; color: string }> = {
  met: { label: "Met", color: "teal" },
  missed: { label: "Missed", color: "red" },
  on_track: { label: "On track", color: "teal" },
  behind: { label: "Behind", color: "orange" },
};

function VolumeBar({ t }: { t: Target }) {
  const max = Math.max(t.mqlTarget, t.mqls, 1);
  const value = (t.mqls / max) * 100;
  const marker = Math.min(100, (t.expectedByNow / max) * 100);
  const onPace = t.pace === null || t.pace >= 1;
  return (
    <Box pos="relative" pt={4}>
      <Progress value={value} color={onPace ? "teal" : "orange"} size="lg" radius="sm" aria-label={`${t.mqls} of ${t.mqlTarget} MQLs`} />
      {!t.final && (
        <Tooltip label={`Expected by now: ${formatNumber(Math.round(t.expectedByNow))}`}>
          <Box pos="absolute" top={0} left={`calc(${marker}% - 1px)`} w={2} h={20} bg="dark.6" style={{ borderRadius: 1 }} data-testid="pace-marker" />
        </Tooltip>
      )}
    </Box>
  );
}

function TargetCard({ t }: { t: Target }) {
  const status = STATUS[t.status];
  const rateOk = t.acceptanceRate === null || t.acceptanceRate >= t.minAcceptanceRate;
  return (
    <Paper withBorder radius="md" p="md" data-testid="marketing-target">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={650} truncate>
              {t.name}
            </Text>
            <Text fz="xs" c="dimmed">
              {t.segment ?? "All MQLs"} · {formatDate(t.periodStart)} – {formatDate(t.periodEnd)}
              {t.final ? " · final" : " · running"}
            </Text>
          </div>
          <Badge color={status.color} variant="light" data-testid="target-status">
            {status.label}
          </Badge>
        </Group>
        <div>
          <Group justify="space-between" mb={2}>
            <Text fz="sm">
              <b>{formatNumber(t.mqls)}</b> of {formatNumber(t.mqlTarget)} MQLs
            </Text>
            {t.pace !== null && !t.final && (
              <Text fz="xs" c={t.pace >= 1 ? "teal.7" : "orange.7"}>
                {formatPercent(t.pace)} of pace (expected {formatNumber(Math.round(t.expectedByNow))} by now)
              </Text>
            )}
          </Group>
          <VolumeBar t={t} />
        </div>
        <Group justify="space-between" wrap="nowrap">
          <Text fz="sm">
            Acceptance <b style={{ color: rateOk ? undefined : "var(--mantine-color-red-7)" }}>{formatPercent(t.acceptanceRate)}</b>
            <Text span c="dimmed" fz="sm">
              {" "}
              · minimum {formatPercent(t.minAcceptanceRate)}
            </Text>
          </Text>
          <Text fz="xs" c="dimmed">
            {formatNumber(t.accepted)} accepted · {formatNumber(t.rejected)} rejected · {formatNumber(t.pending)} pending
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Marketing's promises for the period: MQL volume against target and pace, and acceptance against the minimum. */
export function MarketingTargets({ targets }: { targets: Target[] }) {
  if (targets.length === 0) return <Text fz="sm" c="dimmed">No marketing target is set. Admins add one in Settings → SLA.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {targets.map((t) => (
        <TargetCard key={`${t.policyId}-${t.periodStart}`} t={t} />
      ))}
    </SimpleGrid>
  );
}
