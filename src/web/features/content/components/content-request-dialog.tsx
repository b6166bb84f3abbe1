import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { BuyingStage, RequestPriority } from "../../../../shared/domain/content.js";
import { ApiError } from "../../../lib/api-error";
import { useContentRequestMutations } from "../hooks/use-content-requests";

/** What a "Request content" action knows already (a deal, a competitor, a loss reason, the search that found nothing). */
export type ContentRequestPrefill = { title?: string; details?: string; dealId?: string; dealName?: string; persona?: string | null; competitor?: string | null; buyingStage?: BuyingStage | null };

/** Asks marketing for content that is missing; marketing is notified and works it on the requests board. */
export function ContentRequestDialog({ opened, onClose, prefill = {} }: { opened: boolean; onClose: () => void; prefill?: ContentRequestPrefill }) {
  const { create } = useContentRequestMutations();
  const [title, setTitle] = useState(prefill.title ?? "");
  const [details, setDetails] = useState(prefill.details ?? "");
  const [persona, setPersona] = useState(prefill.persona ?? "");
  const [competitor, setCompetitor] = useState(prefill.competitor ?? "");
  const [stage, setStage] = useState<BuyingStage | null>(prefill.buyingStage ?? null);
  const [priority, setPriority] = useState<RequestPriority>("medium");
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      { title: title.trim(), details: details.trim() || undefined, dealId: prefill.dealId ?? null, persona: persona.trim() || null, competitor: competitor.trim() || null, buyingStage: stage, priority },
      { onSuccess: () => { notifications.show({ color: "green", message: "Request sent to marketing" }); close(); } },
    );
  return (
    <Modal opened={opened} onClose={close} title="Request content" size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">Tell marketing what is missing. You are notified when it is delivered or declined.{prefill.dealName ? ` For ${prefill.dealName}.` : ""}</Text>
        <TextInput label="What do you need?" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="content-request-title" />
        <Textarea label="Details" autosize minRows={3} value={details} onChange={(e) => setDetails(e.currentTarget.value)} data-testid="content-request-details" />
        <Group grow>
          <TextInput label="Persona" placeholder="e.g. cfo" value={persona} onChange={(e) => setPersona(e.currentTarget.value)} />
          <TextInput label="Competitor" value={competitor} onChange={(e) => setCompetitor(e.currentTarget.value)} data-testid="content-request-competitor" />
        </Group>
        <Group grow>
          <Select label="Buying stage" clearable data={[{ value: "engage", label: "Engage" }, { value: "convert", label: "Convert" }]} value={stage} onChange={(v) => setStage(v as BuyingStage | null)} />
          <Select label="Priority" data={[{ value: "low", label: "Low" }, { value: "medium", label: "Medium" }, { value: "high", label: "High" }]} value={priority} onChange={(v) => v && setPriority(v as RequestPriority)} allowDeselect={false} />
        </Group>
        {create.error instanceof ApiError && <Alert color="red">{create.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button loading={create.isPending} disabled={!title.trim()} onClick={submit} data-testid="content-request-submit">Send request</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A "Request content" button opening the dialog with what its page knows. */
export function RequestContentButton({ prefill, label = "Request content", size = "sm", variant = "default" }: { prefill?: ContentRequestPrefill; label?: string; size?: "xs" | "sm"; variant?: "default" | "light" | "subtle" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} onClick={() => setOpen(true)} data-testid="request-content">{label}</Button>
      {open && <ContentRequestDialog opened prefill={prefill} onClose={() => setOpen(false)} />}
    </>
  );
}
