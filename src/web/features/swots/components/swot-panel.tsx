import { Anchor, Badge, Button, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { SWOT_QUADRANTS, SWOT_STATUSES, type Swot, type SwotQuadrant, type SwotStatus } from "../../../../shared/contracts/enablement-swots.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { MemberSelect } from "../../../components/member-select";
import { SectionCard } from "../../../components/section-card";
import { formatDate, humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useSaveSwot, useSubjectSwots } from "../hooks/use-swots";

const COLORS: Record<SwotQuadrant, string> = { strengths: "teal", weaknesses: "orange", opportunities: "blue", threats: "red" };
const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

/** The SWOT panel's anchor: the SWOT list links to `…?swot=<id>#swot`. */
const ANCHOR = "swot";

/**
 * A campaign's SWOT (beside its results) or a deal proposal's: the newest, or the one the address names
 * (`?swot=<id>`, from the SWOT list), with a switch between analyses and the editor for those who may write.
 */
export function SwotPanel({ kind, subjectId }: { kind: "campaign" | "deal"; subjectId: string }) {
  const me = useSession();
  const q = useSubjectSwots(kind, subjectId);
  const [params] = useSearchParams();
  const location = useLocation();
  const [chosen, setChosen] = useState<string | null>(params.get("swot"));
  const [editing, setEditing] = useState<"edit" | "new" | null>(null);
  const all = q.data ?? [];
  const swot = all.find((s) => s.id === chosen) ?? all[0];
  const mayWrite = can(me.role, kind === "campaign" ? "manageCampaignSwots" : "manageDealSwots");
  const loaded = q.isSuccess;
  useEffect(() => {
    if (loaded && location.hash === `#${ANCHOR}`) document.getElementById(ANCHOR)?.scrollIntoView({ block: "start" });
  }, [loaded, location.hash]);
  const writers = kind === "campaign" ? "Marketing writes it beside the campaign's results." : "The deal team writes it for the proposal.";
  return (
    <div id={ANCHOR} style={{ scrollMarginTop: 72 }}>
      <SectionCard
        title={kind === "campaign" ? "SWOT" : "Proposal SWOT"}
        testId={`${kind}-swot`}
        actions={
          <Group gap="xs">
            {swot && <Badge variant="light" color={swot.status === "final" ? "teal" : swot.status === "archived" ? "orange" : "gray"}>{swot.status}</Badge>}
            {mayWrite && swot && (
              <Button size="xs" variant="default" onClick={() => setEditing("edit")}>
                Edit
              </Button>
            )}
            {mayWrite && (
              <Button size="xs" variant={swot ? "subtle" : "default"} onClick={() => setEditing("new")}>
                {swot ? "New analysis" : "Write SWOT"}
              </Button>
            )}
          </Group>
        }
      >
        {swot ? (
          <Stack gap="xs">
            {all.length > 1 ? (
              <Select
                aria-label="Analysis"
                data={all.map((s) => ({ value: s.id, label: `${s.title} · ${formatDate(s.analysedOn)}` }))}
                value={swot.id}
                onChange={(v) => v && setChosen(v)}
                allowDeselect={false}
                size="xs"
                data-testid="swot-pick"
              />
            ) : null}
            <Text fz="sm" fw={600} data-testid="swot-title">
              {swot.title}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
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
                      None noted
                    </Text>
                  )}
                </div>
              ))}
            </SimpleGrid>
            <Text fz="xs" c="dimmed">
              {swot.ownerName ?? "No owner"} · analysed {formatDate(swot.analysedOn)}
              {all.length > 1 ? ` · ${all.length} analyses` : ""} · <Anchor component={Link} to={`/swots?subject=${kind}`} fz="xs">All SWOTs</Anchor>
            </Text>
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed" data-testid="swot-empty">
            No SWOT yet. {mayWrite ? "Write one: strengths, weaknesses, opportunities and threats, one point per line." : writers}
          </Text>
        )}
        {editing && (
          <SwotEditor
            kind={kind}
            subjectId={subjectId}
            swot={editing === "edit" ? swot : undefined}
            onClose={() => setEditing(null)}
            onSaved={(id) => setChosen(id)}
          />
        )}
      </SectionCard>
    </div>
  );
}

function SwotEditor({ kind, subjectId, swot, onClose, onSaved }: { kind: "campaign" | "deal"; subjectId: string; swot: Serialized<Swot> | undefined; onClose: () => void; onSaved: (id: string) => void }) {
  const save = useSaveSwot();
  const [title, setTitle] = useState(swot?.title ?? (kind === "campaign" ? "Campaign SWOT" : "Proposal SWOT"));
  const [status, setStatus] = useState<SwotStatus>(swot?.status ?? "draft");
  const [ownerId, setOwnerId] = useState<string | null>(swot ? swot.ownerId : null);
  const [analysedOn, setAnalysedOn] = useState<string | null>(swot?.analysedOn ?? null);
  const [text, setText] = useState<Record<SwotQuadrant, string>>(() => Object.fromEntries(SWOT_QUADRANTS.map((k) => [k, (swot?.[k] ?? []).join("\n")])) as Record<SwotQuadrant, string>);
  const submit = () => {
    const points = Object.fromEntries(SWOT_QUADRANTS.map((k) => [k, lines(text[k])]));
    // A new SWOT without owner or day gets the author and today (in the workspace's zone) from the server.
    const extra = { ...(ownerId || swot ? { ownerId } : {}), ...(analysedOn ? { analysedOn } : {}) };
    const body = swot ? { title, status, ...points, ...extra } : { title, status, ...points, ...extra, [kind === "campaign" ? "campaignId" : "dealId"]: subjectId };
    save.mutate(
      { id: swot?.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "green", message: "SWOT saved" });
          onSaved(saved.id);
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={swot ? "Edit SWOT" : "Write SWOT"} size="lg">
      <Stack gap="sm">
        <Group grow>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <Select label="Status" data={SWOT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={status} onChange={(v) => v && setStatus(v as SwotStatus)} allowDeselect={false} />
        </Group>
        <Group grow>
          <MemberSelect label="Owner" placeholder={swot ? "No owner" : "You"} value={ownerId} onChange={setOwnerId} />
          <DateInput label="Analysed on" placeholder={swot ? "YYYY-MM-DD" : "Today"} valueFormat="YYYY-MM-DD" value={analysedOn} onChange={setAnalysedOn} clearable={!swot} />
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
