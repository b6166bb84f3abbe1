import { Badge, Tooltip } from "@mantine/core";

const DELIVERY_COLORS = { pending: "yellow", succeeded: "green", failed: "red" } as const;
const DELIVERY_LABELS = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;

/** Whether an endpoint receives events; a disabled one shows why on hover. */
export function EndpointStatusBadge({ enabled, disabledReason }: { enabled: boolean; disabledReason: string | null }) {
  if (enabled) {
    return (
      <Badge variant="light" color="green">
        Enabled
      </Badge>
    );
  }
  return (
    <Tooltip label={disabledReason ?? "Disabled"} withArrow>
      <Badge variant="light" color="gray">
        Disabled
      </Badge>
    </Tooltip>
  );
}

/** A delivery's state: pending (retrying), delivered or failed. */
export function DeliveryStatusBadge({ status }: { status: "pending" | "succeeded" | "failed" }) {
  return (
    <Badge variant="light" color={DELIVERY_COLORS[status]} data-testid="delivery-status">
      {DELIVERY_LABELS[status]}
    </Badge>
  );
}

/** An attempt's HTTP status (or its error), coloured by outcome. */
export function AttemptStatusBadge({ statusCode }: { statusCode: number | null }) {
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  return (
    <Badge variant="outline" color={ok ? "green" : "red"} size="sm">
      {statusCode === null ? "No response" : `HTTP ${statusCode}`}
    </Badge>
  );
}
