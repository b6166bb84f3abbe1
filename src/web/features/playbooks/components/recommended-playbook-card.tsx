import { Badge, Group, List, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconClock, IconPlayerSkipForward, IconX } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ContactPlaybook, StepProgress } from "../../../../shared/contracts/playbooks.js";
import { FOLLOW_UP_CHANNEL_LABELS } from "../../../../shared/domain/playbooks.js";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime, formatPercent } from "../../../lib/format";
import { useContactPlaybook } from "../hooks/use-playbooks";

const STATUS: Record<StepProgress["status"], { color: string; label: string; icon: typeof IconCheck }> = {
  done: { color: "teal", label: "Done on time", icon: IconCheck },
  late: { color: "orange", label: "Done late", icon: IconClock },
  missed: { color: "red", label: "Missed", icon: IconX },
  pending: { color: "gray", label: "Due", icon: IconClock },
  skipped: { color: "gray", label: "Skipped (lead closed)", icon: IconPlayerSkipForward },
};

function StepLine({ s }: { s: Serialized<StepProgress> }) {
  const st = STATUS[s.status];
  return (
    <List.Item
      icon={
        <ThemeIcon size={18} radius="xl" variant="light" color={st.color}>
          <st.icon size={12} />
        </ThemeIcon>
      }
    >
      <Text fz="sm">
        Day {s.day} · {FOLLOW_UP_CHANNEL_LABELS[s.channel]}: {s.action}
      </Text>
      <Text fz="xs" c="dimmed">
        {st.label} {s.doneAt ? formatDateTime(s.doneAt) : `· by ${formatDateTime(s.dueAt)}`}
      </Text>
      {s.talkTrack && (
        <Text fz="xs" fs="italic">
          “{s.talkTrack}”
        </Text>
      )}
    </List.Item>
  );
}

function Body({ r }: { r: Serialized<ContactPlaybook> }) {
  const p = r.progress;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fz="sm" fw={600} data-testid="recommended-playbook-name">
          {r.playbook?.name ?? "No playbook matches"}
        </Text>
        <Badge variant="light" data-testid="recommended-first-channel">
          First: {FOLLOW_UP_CHANNEL_LABELS[r.firstChannel.channel]}
        </Badge>
      </Group>
      <Text fz="xs" c="dimmed">
        {r.basis === "assigned" && r.assignment
          ? `Assigned when handed to ${r.assignment.repName ?? "a rep"} · ${formatDateTime(r.assignment.assignedAt)}`
          : r.basis === "matched"
            ? "Matches this lead; it is assigned when the lead is handed to a rep."
            : "From the lead's converting touch: answer on the channel they used."}
      </Text>
      {p && (
        <Text fz="sm" data-testid="playbook-adherence">
          {p.firstTouch ? `First touch: ${FOLLOW_UP_CHANNEL_LABELS[p.firstTouch.channel]} ${p.firstTouchOnChannel ? "✓" : "✗"}` : "Not touched yet"} · steps on time {p.stepsOnTime}/{p.stepsDue} · adherence {formatPercent(p.share)}
        </Text>
      )}
      {p && p.nextStep && (
        <Text fz="sm" fw={600} data-testid="playbook-next-step">
          Next: {p.nextStep.action} ({FOLLOW_UP_CHANNEL_LABELS[p.nextStep.channel]}) by {formatDateTime(p.nextStep.dueAt)}
        </Text>
      )}
      {r.playbook && r.playbook.steps.length > 0 && (
        <List spacing={6} size="sm" center={false}>
          {p
            ? p.steps.map((s) => <StepLine key={s.index} s={s} />)
            : r.playbook.steps.map((s, i) => (
                <List.Item key={i}>
                  <Text fz="sm">
                    Day {s.day} · {FOLLOW_UP_CHANNEL_LABELS[s.channel]}: {s.action}
                  </Text>
                </List.Item>
              ))}
        </List>
      )}
    </Stack>
  );
}

/** The "Recommended playbook" card on a contact: the playbook, its first channel, and the follow-up so far. */
export function RecommendedPlaybookCard({ contactId }: { contactId: string }) {
  const q = useContactPlaybook(contactId);
  return (
    <SectionCard title="Recommended playbook" testId="recommended-playbook">
      {q.data ? (
        <Body r={q.data} />
      ) : (
        <Text fz="sm" c="dimmed">
          {q.isError ? "Could not load the playbook." : "Loading…"}
        </Text>
      )}
    </SectionCard>
  );
}
