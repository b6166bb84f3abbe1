import { Badge } from "@mantine/core";

const COLORS: Record<string, string> = { uploaded: "gray", queued: "blue", running: "blue", succeeded: "green", failed: "red" };

/** An import's status, saying "dry run" for a dry run. */
export function ImportStatusBadge({ status, dryRun }: { status: string; dryRun: boolean }) {
  const label = status === "uploaded" ? "not started" : dryRun ? `dry run ${status}` : status;
  return (
    <Badge color={COLORS[status] ?? "gray"} variant="light">
      {label}
    </Badge>
  );
}
