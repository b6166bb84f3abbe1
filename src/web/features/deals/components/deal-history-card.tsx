import { Group, Text, Timeline } from "@mantine/core";
import type { DealDetail } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { dealStageColor } from "../../../lib/labels";

/** A deal's stage history, newest first. */
export function DealHistoryCard({ deal }: { deal: Serialized<DealDetail> }) {
  const history = [...deal.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard title="Stage history" testId="deal-history">
      {history.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No stage changes yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={history.length - 1}>
          {history.map((h, i) => (
            <Timeline.Item key={`${h.at}-${i}`} color={dealStageColor(h.toStage)}>
              <Group gap={6}>
                {h.fromStage ? <DealStageBadge stage={h.fromStage} size="xs" /> : <Text fz="xs" c="dimmed">opened</Text>}
                <Text fz="xs" c="dimmed">
                  →
                </Text>
                <DealStageBadge stage={h.toStage} size="xs" />
              </Group>
              <Text fz="xs" c="dimmed" mt={2} title={formatDateTime(h.at)}>
                {formatRelative(h.at)}
                {h.actorName ? ` · ${h.actorName}` : ""}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
