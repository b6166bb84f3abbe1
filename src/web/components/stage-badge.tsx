import { Badge, Tooltip, type BadgeProps } from "@mantine/core";
import { stageColor, stageDescription, stageLabel } from "../lib/labels";

/** A lifecycle stage as a colored badge, with its meaning on hover. */
export function StageBadge({ stage, size = "sm" }: { stage: string; size?: BadgeProps["size"] }) {
  return (
    <Tooltip label={stageDescription(stage)} disabled={!stageDescription(stage)} openDelay={400}>
      <Badge color={stageColor(stage)} variant="light" size={size} radius="sm" data-testid="stage-badge">
        {stageLabel(stage)}
      </Badge>
    </Tooltip>
  );
}
