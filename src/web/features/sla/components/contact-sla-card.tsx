import { Badge, Box, Group, Stack, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SLA_KIND_LABELS, type SlaTimer } from "../../../../shared/contracts/sla.js";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime } from "../../../lib/format";
import { useContactTimers } from "../hooks/use-sla";
import { useNow } from "../hooks/use-now";
import { SlaCountdown } from "./sla-countdown";

const STATE_COLORS: Record<string, string> = { met: "teal", breached: "red", cancelled: "gray", running: "blue" };

function outcome(t: Serialized<SlaTimer>): string {
  if (t.state === "met") return `Met ${formatDateTime(t.metAt)}`;
  if (t.state === "cancelled") return `Cancelled${t.cancelReason ? `: ${t.cancelReason}` : ""}`;
  if (t.state === "breached") return `Breached ${formatDateTime(t.breachedAt)}${t.reassignedAt ? " · reassigned" : t.escalatedAt ? " · escalated" : ""}`;
  return `Due ${formatDateTime(t.dueAt)}`;
}

function TimerRow({ t, now }: { t: Serialized<SlaTimer>; now: number }) {
  const open = t.state === "running" || (t.state === "breached" && !t.metAt);
  return (
    <Box>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="sm" fw={600} truncate>
          {SLA_KIND_LABELS[t.kind]}
        </Text>
        {open ? (
          <SlaCountdown timer={t} now={now} size="xs" />
        ) : (
          <Badge size="xs" variant="light" color={STATE_COLORS[t.state] ?? "gray"}>
            {t.state}
          </Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed">
        {outcome(t)}
        {t.ownerName ? ` · ${t.ownerName}` : ""}
      </Text>
    </Box>
  );
}

/** The contact's SLA timers (accept, first touch, ...): live countdowns for open ones, the outcome of the rest. */
export function ContactSlaCard({ contactId }: { contactId: string }) {
  const timers = useContactTimers(contactId);
  const now = useNow();
  const items = timers.data ?? [];
  if (items.length === 0) return null;
  return (
    <Box mb="md">
      <SectionCard title="SLA" testId="contact-sla-card">
        <Stack gap="sm">
          {items.slice(0, 6).map((t) => (
            <TimerRow key={t.id} t={t} now={now} />
          ))}
        </Stack>
      </SectionCard>
    </Box>
  );
}
