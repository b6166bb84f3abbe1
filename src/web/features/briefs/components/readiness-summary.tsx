import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Brief } from "../../../../shared/contracts/enablement-briefs.js";
import { formatDate, formatPercent } from "../../../lib/format";

/** Readiness of a brief's reps (ready = acknowledged and check passed) against the threshold, and the launch flag. */
export function ReadinessSummary({ brief }: { brief: Serialized<Brief> }) {
  const r = brief.readiness;
  const share = r.share ?? 0;
  return (
    <Stack gap="xs" data-testid="brief-readiness">
      <Group justify="space-between">
        <Text fz="sm">
          <b data-testid="brief-ready-count">{r.ready}</b> of {r.inScope} reps ready · {r.acknowledged} acknowledged · {r.passed} passed the check
        </Text>
        <Text fz="sm" fw={700} data-testid="brief-ready-share">
          {r.share === null ? "not published" : formatPercent(r.share)}
        </Text>
      </Group>
      <Progress value={share * 100} color={share >= r.threshold ? "teal" : "orange"} />
      <Text fz="xs" c="dimmed">
        Threshold {formatPercent(r.threshold)}
        {brief.launchCheckedAt ? ` · at launch (${formatDate(brief.launchCheckedAt)}): ${formatPercent(brief.readinessAtLaunch)}` : ""}
      </Text>
      {brief.flaggedAt && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Launched below the readiness threshold" data-testid="brief-flag">
          Only {formatPercent(brief.readinessAtLaunch)} of the reps in scope were ready when the campaign launched; the managers were told.
        </Alert>
      )}
    </Stack>
  );
}
