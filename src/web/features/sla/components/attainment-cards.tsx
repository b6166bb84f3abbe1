import { SimpleGrid } from "@mantine/core";
import { IconClockCheck } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { LedgerResponse } from "../../../../shared/contracts/sla.js";
import { StatCard } from "../../../components/stat-card";
import { formatNumber, formatPercent } from "../../../lib/format";
import { formatMinutes } from "../hooks/sla-format";

type ByKind = Serialized<LedgerResponse>["sales"]["byKind"];

/** One card per sales-side SLA: share of timers met on time, with the counts and the median time to meet. */
export function AttainmentCards({ rows }: { rows: ByKind }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.max(2, Math.min(rows.length, 3)) }} spacing="md">
      {rows.map((r) => (
        <StatCard
          key={r.kind}
          testId={`attainment-${r.kind}`}
          label={r.label}
          value={r.attainment === null ? "—" : formatPercent(r.attainment)}
          color={r.attainment === null ? "gray" : r.attainment >= 0.9 ? "teal" : r.attainment >= 0.7 ? "yellow" : "red"}
          icon={<IconClockCheck size={18} />}
          hint={`${formatNumber(r.onTime)} on time · ${formatNumber(r.breached)} breached · ${formatNumber(r.open)} open${r.medianMinutes !== null ? ` · median ${formatMinutes(r.medianMinutes)} (business)` : ""}`}
        />
      ))}
    </SimpleGrid>
  );
}
