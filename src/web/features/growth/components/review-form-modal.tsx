import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AccountReview } from "../../../../shared/contracts/growth.js";
import { ACCOUNT_REVIEW_STATUSES } from "../../../../shared/contracts/growth.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { ApiError } from "../../../lib/api-error";
import { codeOptions } from "../../../lib/labels";
import { personName } from "../../../lib/format";
import { useContacts } from "../../contacts/hooks/use-contacts";
import { useMembers } from "../../users/hooks/use-members";
import { useSaveAccountReview } from "../hooks/use-growth";

type Props = { opened: boolean; onClose: () => void; accountId: string; review?: Serialized<AccountReview> };

type Values = { title: string; scheduledAt: string | null; status: string; agenda: string; outcomes: string; nextSteps: string; memberIds: string[]; contactIds: string[] };

/** An instant as the value of a `datetime-local` input (local time, minutes). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const initial = (r?: Serialized<AccountReview>): Values => ({
  title: r?.title ?? "Business review",
  scheduledAt: r ? toLocalInput(r.scheduledAt) : null,
  status: r?.status ?? "scheduled",
  agenda: r?.agenda ?? "",
  outcomes: r?.outcomes ?? "",
  nextSteps: r?.nextSteps ?? "",
  memberIds: r?.members.map((m) => m.userId) ?? [],
  contactIds: r?.contacts.map((c) => c.contactId) ?? [],
});

/** Schedules a business review (date, agenda, attendees from both sides) or records one: held with outcomes and next steps, or cancelled. */
export function ReviewFormModal({ opened, onClose, accountId, review }: Props) {
  const save = useSaveAccountReview();
  const { members } = useMembers();
  const people = useContacts({ accountId, limit: 200, sort: "-engagementScore" }, { enabled: opened });
  const [v, setV] = useState<Values>(initial(review));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setV(initial(review));
      setError(null);
    }
  }, [opened, review]);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const text = (s: string) => (s.trim() === "" ? null : s.trim());

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!v.scheduledAt) return setError("Pick when the review takes place");
    const scheduledAt = new Date(v.scheduledAt).toISOString();
    const common = { title: v.title, scheduledAt, agenda: text(v.agenda), memberIds: v.memberIds, contactIds: v.contactIds };
    try {
      await save.mutateAsync(review ? { accountId, id: review.id, body: { ...common, status: v.status as AccountReview["status"], outcomes: text(v.outcomes), nextSteps: text(v.nextSteps) } } : { accountId, body: common });
      notifications.show({ color: "green", message: review ? "Review saved" : "Review scheduled" });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={review ? "Business review" : "Schedule a business review"} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {error && <Alert color="red">{error}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Title" required value={v.title} onChange={(e) => set("title", e.currentTarget.value)} />
            <TextInput label="When" type="datetime-local" required value={v.scheduledAt ?? ""} onChange={(e) => set("scheduledAt", e.currentTarget.value || null)} />
          </SimpleGrid>
          <Textarea label="Agenda" autosize minRows={2} value={v.agenda} onChange={(e) => set("agenda", e.currentTarget.value)} />
          <MultiSelect label="Our attendees" searchable data={members.filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))} value={v.memberIds} onChange={(x) => set("memberIds", x)} />
          <MultiSelect label="Their attendees" searchable data={people.items.map((c) => ({ value: c.id, label: personName(c) }))} value={v.contactIds} onChange={(x) => set("contactIds", x)} placeholder={people.items.length ? undefined : "No contacts at this account"} />
          {review && (
            <>
              <Select label="Status" data={codeOptions(ACCOUNT_REVIEW_STATUSES)} value={v.status} onChange={(x) => set("status", x ?? "scheduled")} allowDeselect={false} />
              <Textarea label="Outcomes" autosize minRows={2} value={v.outcomes} onChange={(e) => set("outcomes", e.currentTarget.value)} />
              <Textarea label="Next steps" autosize minRows={2} value={v.nextSteps} onChange={(e) => set("nextSteps", e.currentTarget.value)} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {review ? "Save" : "Schedule"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
