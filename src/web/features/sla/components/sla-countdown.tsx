import { Badge, Tooltip, type BadgeProps } from "@mantine/core";
import { IconAlarm } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SLA_KIND_LABELS, type SlaTimer } from "../../../../shared/contracts/sla.js";
import { formatDateTime } from "../../../lib/format";
import { TONE_COLOR, countdownLabel, countdownTone } from "../hooks/sla-format";

type Props = { timer: Serialized<SlaTimer>; now: number; dueMinutes?: number; size?: BadgeProps["size"] };

/** An SLA timer as a colored badge: green with business time left, yellow near due, red and overdue past it. */
export function SlaCountdown({ timer, now, dueMinutes, size = "sm" }: Props) {
  const tone = countdownTone(timer, now, dueMinutes);
  const label = countdownLabel(timer, tone);
  return (
    <Tooltip
      openDelay={300}
      label={`${SLA_KIND_LABELS[timer.kind]} · due ${formatDateTime(timer.dueAt)} · counted in business hours${timer.escalatedAt ? " · escalated" : ""}`}
    >
      <Badge
        color={TONE_COLOR[tone]}
        variant={tone === "overdue" ? "filled" : "light"}
        size={size}
        radius="sm"
        leftSection={<IconAlarm size={12} />}
        data-testid="sla-countdown"
        data-tone={tone}
        style={{ textTransform: "none" }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
