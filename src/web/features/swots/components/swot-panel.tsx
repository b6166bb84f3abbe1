import { Badge, Button, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { SWOT_QUADRANTS, SWOT_STATUSES, type Swot, type SwotQuadrant, type SwotStatus } from "../../../../shared/contracts/enablement-swots.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { formatDate, humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useSaveSwot, useSubjectSwots } from "../hooks/use-swots";

const COLORS: Record<SwotQuadrant, string> = { strengths: "teal", weaknesses: "orange", opportunities: "blue", threats: "red" };
const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

/** The newest SWOT of a campaign (beside its results) or of a deal's proposal, with its editor. */
export function SwotPanel({ kind, subjectId }: { kind: "campaign" | "deal"; subjectId: string }) {
  const me = useSession();
  const q = useSubjectSwots(kind, subjectId);
  const [opened, modal] = useDisclosure(false);
  const swot = q.data?.[0];
  const mayWrite = can(me.role, kind === "campaign" ? "manageCampaignSwots" : "manageDealSwots");
  return (
    <SectionCard
      title={kind === "campaign" ? "SWOT" : "Proposal SWOT"}
      testId={`${kind}-swot`}
      actions={
        <Group gap="xs">
          {swot && <Badge variant="light" color={swot.status === "final" ? "teal" : "gray"}>{swot.status}</Badge>}
          {mayWrite && (
            <Button size="xs" variant="default" onClick={modal.open}>
              {swot ? "Edit SWOT" : "Write SWOT"}
            </Button>
          )}
        </Group>
      }
    >
      {swot ? (
        <Stack gap="xs">
          <Text fz="sm" fw={600} data-testid="swot-title">
            {swot.title}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            {SWOT_QUADRANTS.map((k) => (
              <div key={k} data-testid={`swot-${k}`}>
                <Text fz="xs" fw={700} tt="uppercase" c={COLORS[k]}>
                  {humanize(k)}
                </Text>
                {swot[k].length ? (
                  <List size="sm" spacing={2}>
                    {swot[k].map((p, i) => (
                      <List.Item key={i}>{p}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text fz="sm" c="dimmed">
                    —
                  </Text>
                )}
              </div>
            ))}
          </SimpleGrid>
          <Text fz="xs" c="dimmed">
            {swot.ownerName ?? "No owner"} · analysed {formatDate(swot.analysedOn)}
            {(q.data?.length ?? 0) > 1 ? ` · ${q.data!.length - 1} earlier` : ""}
          </Text>
        </Stack>
      ) : (
        <Text fz="sm" c="dimmed">
          No SWOT yet.
        </Text>
      )}
      {opened && <SwotEditor kind={kind} subjectId={subjectId} swot={swot} onClose={modal.close} />}
    </SectionCard>
  );
}

function SwotEditor({ kind, subjectId, swot, onClose }: { kind: "campaign" | "deal"; subjectId: string; swot: Serialized<Swot> | undefined; onClose: () => void }) {
  const save = useSaveSwot();
  const [title, setTitle] = useState(swot?.title ?? (kind === "campaign" ? "Campaign SWOT" : "Proposal SWOT"));
  const [status, setStatus] = useState<SwotStatus>(swot?.status ?? "draft");
  const [text, setText] = useState<Record<SwotQuadrant, string>>(() => Object.fromEntries(SWOT_QUADRANTS.map((k) => [k, (swot?.[k] ?? []).join("\n")])) as Record<SwotQuadrant, string>);
  const submit = () => {
    const points = Object.fromEntries(SWOT_QUADRANTS.map((k) => [k, lines(text[k])]));
    const body = swot ? { title, status, ...points } : { title, status, ...points, [kind === "campaign" ? "campaignId" : "dealId"]: subjectId };
    save.mutate({ id: swot?.id, body }, { onSuccess: () => { notifications.show({ color: "green", message: "SWOT saved" }); onClose(); } });
  };
  return (
    <Modal opened onClose={onClose} title={swot ? "Edit SWOT" : "Write SWOT"} size="lg">
      <Stack gap="sm">
        <Group grow>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <Select label="Status" data={SWOT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={status} onChange={(v) => v && setStatus(v as SwotStatus)} allowDeselect={false} />
        </Group>
        <SimpleGrid cols={2}>
          {SWOT_QUADRANTS.map((k) => (
            <Textarea key={k} label={humanize(k)} description="One point per line" autosize minRows={3} value={text[k]} onChange={(e) => setText({ ...text, [k]: e.currentTarget.value })} />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!title.trim()}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
