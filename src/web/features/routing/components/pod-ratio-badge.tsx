import { Badge } from "@mantine/core";
import type { Pod } from "../../../../shared/contracts/routing.js";

/** The pod's SDR:AE ratio: green inside the 3–6 AE band, red outside with the reason (`1:2 — below 3 AEs`). */
export function PodRatioBadge({ ratio }: { ratio: Pod["ratio"] }) {
  return (
    <Badge variant="light" color={ratio.status === "ok" ? "green" : "red"} tt="none" data-testid="pod-ratio" data-status={ratio.status}>
      {ratio.label}
    </Badge>
  );
}
