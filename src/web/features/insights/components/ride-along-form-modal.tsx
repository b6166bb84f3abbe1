import { useState } from "react";
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import type { InsightKind } from "../../../../shared/domain/insights.js";
import { ROLE_LABELS } from "../../../../shared/domain/roles.js";
import { AccountSelect } from "../../../components/account-select";
import { DealSelect } from "../../../components/deal-select";
import { ApiError } from "../../../lib/api-error";
import { useMembers } from "../../users/hooks/use-members";
import { useRideAlongMutations } from "../hooks/use-insights";
import { KIND_OPTIONS } from "./insight-pickers";

type Draft = { kind: InsightKind | null; text: string };

/** Marketing records a ride-along: when, with which reps, on which account or deal, the notes and the insights they became. */
export function RideAlongFormModal({ opened, onClose, today }: { opened: boolean; onClose: () => void; today: string }) {
  const { record } = useRideAlongMutations();
  const { members } = useMembers();
  const navigate = useNavigate();
  const [occurredOn, setOccurredOn] = useState<string | null>(today);
  const [repIds, setRepIds] = useState<string[]>([]);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [dealId, setDealId] = useState<string | null>(null);
  const [notes, setNotes] = useState("");
  const [drafts, setDrafts] = useState<Draft[]>([{ kind: null, text: "" }]);
  const reps = members.filter((m) => m.active && ["sales", "sdr", "manager"].includes(m.role)).map((m) => ({ value: m.id, label: `${m.name} · ${ROLE_LABELS[m.role]}` }));
  const insights = drafts.filter((d) => d.kind && d.text.trim()).map((d) => ({ kind: d.kind!, text: d.text.trim() }));
  const setDraft = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const close = () => {
    record.reset();
    onClose();
  };
  const save = () =>
    record.mutate(
      { occurredOn: occurredOn!, repIds, accountId, dealId, notes: notes.trim(), insights },
      { onSuccess: (r) => { close(); void navigate(`/insights/ride-alongs/${r.id}`); } },
    );
  return (
    <Modal opened={opened} onClose={close} title="Record a ride-along" size="xl">
      <Stack>
        <Text fz="sm" c="dimmed">You joined a rep on a call or meeting. Write down what you heard; turn the notes into insights the team can vote on.</Text>
        <Group grow align="flex-start">
          <DateInput label="Date" required valueFormat="YYYY-MM-DD" value={occurredOn} onChange={setOccurredOn} data-testid="ride-date" />
          <MultiSelect label="Reps you joined" required searchable data={reps} value={repIds} onChange={setRepIds} data-testid="ride-reps" />
        </Group>
        <Group grow>
          <AccountSelect label="Account" value={accountId} onChange={(id) => setAccountId(id)} clearable />
          <DealSelect label="Deal" value={dealId} onChange={(id) => setDealId(id)} clearable />
        </Group>
        <Textarea label="Notes" required autosize minRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="ride-notes" />
        <Text fz="sm" fw={600}>Insights from these notes</Text>
        {drafts.map((d, i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <Select aria-label="Kind" placeholder="Kind" data={KIND_OPTIONS} value={d.kind} onChange={(v) => setDraft(i, { kind: v as InsightKind | null })} w={200} data-testid={`ride-insight-kind-${i}`} />
            <Textarea aria-label="Insight" placeholder="What the buyer said" autosize minRows={1} value={d.text} onChange={(e) => setDraft(i, { text: e.currentTarget.value })} style={{ flex: 1 }} data-testid={`ride-insight-text-${i}`} />
            <ActionIcon variant="subtle" color="red" aria-label="Remove insight" onClick={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setDrafts((ds) => [...ds, { kind: null, text: "" }])} disabled={drafts.length >= 20}>Add an insight</Button>
        </Group>
        {record.error instanceof ApiError && <Alert color="red">{record.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button loading={record.isPending} disabled={!occurredOn || repIds.length === 0 || !notes.trim()} onClick={save} data-testid="ride-submit">Save ride-along</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
