import { Badge, Tooltip } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Availability } from "../../../../shared/contracts/enablement-references.js";
import { formatDate } from "../../../lib/format";

/** A reference's availability this quarter: uses left, or when it is free again. */
export function AvailabilityBadge({ availability: a, active = true }: { availability: Serialized<Availability>; active?: boolean }) {
  if (!active) return <Badge color="gray" variant="light">inactive</Badge>;
  const label = a.available ? `${a.remaining} of ${a.cap} left` : "at cap";
  const tip = a.available ? `${a.used} of ${a.cap} uses approved in ${a.quarter}` : `${a.used} of ${a.cap} uses approved in ${a.quarter}: available again on ${formatDate(a.nextAvailableOn)}`;
  return (
    <Tooltip label={tip}>
      <Badge color={a.available ? (a.remaining === 1 ? "yellow" : "teal") : "red"} variant="light" data-testid="reference-availability">
        {label}
      </Badge>
    </Tooltip>
  );
}
