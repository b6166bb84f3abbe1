import { Badge, type BadgeProps } from "@mantine/core";
import { definitionStatusColor, definitionStatusLabel } from "../../../lib/agreement-labels";

/** A lead definition's status (draft, awaiting approval, active, superseded) as a colored badge. */
export function DefinitionStatusBadge({ status, size = "sm" }: { status: string; size?: BadgeProps["size"] }) {
  return (
    <Badge color={definitionStatusColor(status)} variant={status === "active" ? "filled" : "light"} size={size} data-testid="definition-status">
      {definitionStatusLabel(status)}
    </Badge>
  );
}
