import { Badge } from "@mantine/core";
import type { ReviewActionData, ReviewSummaryData } from "../hooks/use-reviews";

/** A review's state: a draft can still be regenerated and annotated; a final review is the record of the meeting. */
export function ReviewStatusBadge({ status }: { status: ReviewSummaryData["status"] }) {
  return (
    <Badge variant="light" color={status === "final" ? "teal" : "gray"} data-testid="review-status">
      {status === "final" ? "Final" : "Draft"}
    </Badge>
  );
}

const ACTION_STATUS: Record<ReviewActionData["status"], { label: string; color: string }> = {
  open: { label: "Open", color: "blue" },
  done: { label: "Done", color: "teal" },
  dropped: { label: "Dropped", color: "gray" },
};

export const ACTION_STATUS_OPTIONS = Object.entries(ACTION_STATUS).map(([value, s]) => ({ value, label: s.label }));

/** An action's status as a badge. */
export function ActionStatusBadge({ status }: { status: ReviewActionData["status"] }) {
  return (
    <Badge variant="light" color={ACTION_STATUS[status].color}>
      {ACTION_STATUS[status].label}
    </Badge>
  );
}

/** Shown next to the due date of an open action past it. */
export function OverdueBadge() {
  return (
    <Badge color="red" variant="filled" size="sm" data-testid="overdue-badge">
      Overdue
    </Badge>
  );
}
