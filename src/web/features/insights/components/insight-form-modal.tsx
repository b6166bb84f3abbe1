import { useState } from "react";
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { InsightKind } from "../../../../shared/domain/insights.js";
import { AccountSelect } from "../../../components/account-select";
import { DealSelect } from "../../../components/deal-select";
import { ApiError } from "../../../lib/api-error";
import { useInsightMutations } from "../hooks/use-insights";
import { CompetitorPicker, KIND_OPTIONS, PersonaPicker } from "./insight-pickers";

/** What a page knows already when a rep shares an insight from it (an account, a deal, a persona). */
export type InsightPrefill = { accountId?: string; accountName?: string; dealId?: string; dealName?: string; personaId?: string };

/** The sales side shares what it hears: a kind, the text and what it is about. Marketing triages it. */
export function InsightFormModal({ opened, onClose, prefill = {} }: { opened: boolean; onClose: () => void; prefill?: InsightPrefill }) {
  const { submit } = useInsightMutations();
  const [kind, setKind] = useState<InsightKind | null>(null);
  const [text, setText] = useState("");
  const [accountId, setAccountId] = useState<string | null>(prefill.accountId ?? null);
  const [dealId, setDealId] = useState<string | null>(prefill.dealId ?? null);
  const [personaId, setPersonaId] = useState<string | null>(prefill.personaId ?? null);
  const [competitorId, setCompetitorId] = useState<string | null>(null);
  const close = () => {
    submit.reset();
    onClose();
  };
  const send = () =>
    submit.mutate(
      { kind: kind!, text: text.trim(), accountId, dealId, personaId, competitorId },
      { onSuccess: () => { notifications.show({ color: "green", message: "Insight shared with marketing" }); close(); } },
    );
  return (
    <Modal opened={opened} onClose={close} title="Share a field insight" size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">What did you hear? Marketing reviews every insight and tells you what it did about it.</Text>
        <Select label="Kind" required data={KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as InsightKind | null)} allowDeselect={false} data-testid="insight-kind" />
        <Textarea label="What you heard" required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="insight-text" />
        <Group grow>
          <AccountSelect label="Account" value={accountId} valueLabel={prefill.accountName} onChange={(id) => setAccountId(id)} clearable />
          <DealSelect label="Deal" value={dealId} valueLabel={prefill.dealName} onChange={(id) => setDealId(id)} clearable />
        </Group>
        <Group grow>
          <PersonaPicker label="Persona" value={personaId} onChange={setPersonaId} data-testid="insight-persona" />
          <CompetitorPicker label="Competitor" value={competitorId} onChange={setCompetitorId} />
        </Group>
        {submit.error instanceof ApiError && <Alert color="red">{submit.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button loading={submit.isPending} disabled={!kind || !text.trim()} onClick={send} data-testid="insight-submit">Share insight</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A "Share an insight" button opening the form with what its page knows. */
export function ShareInsightButton({ prefill, size = "sm", variant = "default" }: { prefill?: InsightPrefill; size?: "xs" | "sm"; variant?: "default" | "light" | "subtle" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} onClick={() => setOpen(true)} data-testid="share-insight">Share an insight</Button>
      {open && <InsightFormModal opened prefill={prefill} onClose={() => setOpen(false)} />}
    </>
  );
}
