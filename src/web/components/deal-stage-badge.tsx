import { Badge, type BadgeProps } from "@mantine/core";
import { dealStageColor, dealStageLabel } from "../lib/labels";

/** A deal stage as a colored badge. */
export function DealStageBadge({ stage, size = "sm" }: { stage: string; size?: BadgeProps["size"] }) {
  return (
    <Badge color={dealStageColor(stage)} variant="light" size={size} radius="sm" data-testid="deal-stage-badge">
      {dealStageLabel(stage)}
    </Badge>
  );
}
