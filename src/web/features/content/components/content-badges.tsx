import { Badge, Group } from "@mantine/core";
import type { AssetStatus, BuyingStage } from "../../../../shared/domain/content.js";
import { humanize } from "../../../lib/format";

const STATUS_COLOR: Record<AssetStatus, string> = { draft: "gray", in_review: "yellow", published: "teal", retired: "dark" };

/** Engage (blue) or Convert (violet). */
export function StageBadge({ stage }: { stage: BuyingStage }) {
  return <Badge variant="light" color={stage === "engage" ? "blue" : "violet"}>{humanize(stage)}</Badge>;
}

/** An asset's publishing status. */
export function AssetStatusBadge({ status, expired }: { status: AssetStatus; expired?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLOR[status]}>{humanize(status)}</Badge>
      {expired && <Badge variant="light" color="red">Expired</Badge>}
    </Group>
  );
}
