import { useState } from "react";
import { ActionIcon, Button, Group, Modal, MultiSelect, Radio, Stack, TextInput, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { CampaignSelect } from "../../../components/campaign-select";
import { notifyError } from "../../../lib/notify";
import { useCampaign } from "../../campaigns/hooks/use-campaigns";
import { MessageInsertPanel, type InsertableMessage } from "../../messaging/components/message-insert-panel";
import { useMembers } from "../../users/hooks/use-members";
import { useCreateBrief } from "../hooks/use-briefs";
import { BriefFaqEditor, type FaqEntry } from "./brief-faq-editor";

type Q = { question: string; options: string[]; correct: number };
const EMPTY_Q: Q = { question: "", options: ["", ""], correct: 0 };
/** Appends inserted text after what was typed (a blank line between), never replacing it. */
const append = (typed: string, text: string) => (typed.trim() ? `${typed.replace(/\s+$/, "")}\n\n${text}` : text);

/**
 * Writes a campaign brief (a draft): message, audience, offer, call to action, talk track, FAQ, dates, reps in scope
 * and check; value propositions, talk tracks and FAQs of the campaign's personas can be inserted from the library.
 */
export function BriefComposeModal({ opened, onClose, initialCampaignId = null }: { opened: boolean; onClose: () => void; initialCampaignId?: string | null }) {
  const navigate = useNavigate();
  const create = useCreateBrief();
  const { members } = useMembers();
  const [campaignId, setCampaignId] = useState<string | null>(initialCampaignId);
  const campaign = useCampaign(campaignId ?? undefined);
  const [f, setF] = useState({ message: "", audience: "", offer: "", callToAction: "", talkTrack: "" });
  const [faq, setFaq] = useState<FaqEntry[]>([]);
  const [dates, setDates] = useState<{ startsOn: string | null; endsOn: string | null }>({ startsOn: null, endsOn: null });
  const [scope, setScope] = useState<string[]>([]);
  const [questions, setQuestions] = useState<Q[]>([EMPTY_Q]);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const setQ = (i: number, q: Partial<Q>) => setQuestions(questions.map((x, j) => (j === i ? { ...x, ...q } : x)));
  const insert = (m: InsertableMessage) => {
    if (m.kind === "faq") setFaq((prev) => [...prev, { question: m.title, answer: m.body }]);
    else setF((prev) => (m.kind === "value_prop" ? { ...prev, message: append(prev.message, m.body) } : { ...prev, talkTrack: append(prev.talkTrack, m.body) }));
  };
  const submit = () =>
    create.mutate(
      { campaignId: campaignId!, ...f, offer: f.offer || null, callToAction: f.callToAction || null, talkTrack: f.talkTrack || null, faq, ...dates, scopeMemberIds: scope, questions },
      {
        onSuccess: (b) => {
          onClose();
          void navigate(`/briefs/${(b as { id: string }).id}`);
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title="New campaign brief" size="lg">
      <Stack gap="sm">
        <CampaignSelect label="Campaign" value={campaignId} valueLabel={campaign.data?.name} onChange={(id) => setCampaignId(id)} />
        {campaign.data && <MessageInsertPanel key={campaign.data.id} targetPersonas={campaign.data.targetPersonas} onInsert={insert} />}
        <Textarea label="Message" autosize minRows={2} value={f.message} onChange={set("message")} />
        <TextInput label="Audience" value={f.audience} onChange={set("audience")} />
        <TextInput label="Offer" value={f.offer} onChange={set("offer")} />
        <TextInput label="Call to action" value={f.callToAction} onChange={set("callToAction")} />
        <Textarea label="Talk track" autosize minRows={2} value={f.talkTrack} onChange={set("talkTrack")} />
        <BriefFaqEditor value={faq} onChange={setFaq} />
        <Group grow>
          <DateInput label="Starts on" description="Empty: the campaign's start" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" clearable value={dates.startsOn} onChange={(v) => setDates({ ...dates, startsOn: v })} />
          <DateInput label="Ends on" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" clearable value={dates.endsOn} onChange={(v) => setDates({ ...dates, endsOn: v })} />
        </Group>
        <MultiSelect
          label="Reps in scope"
          searchable
          data={members.filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))}
          value={scope}
          onChange={setScope}
        />
        {questions.map((q, i) => (
          <Stack key={i} gap={4} p="xs" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}>
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label={`Check question ${i + 1}`} value={q.question} onChange={(e) => setQ(i, { question: e.currentTarget.value })} />
              <ActionIcon variant="subtle" color="red" aria-label="Remove question" disabled={questions.length === 1} onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <Radio.Group value={String(q.correct)} onChange={(v) => setQ(i, { correct: Number(v) })} label="Options (tick the right one)">
              {q.options.map((o, k) => (
                <Group key={k} gap="xs" mt={4}>
                  <Radio value={String(k)} aria-label={`Option ${k + 1} is right`} />
                  <TextInput style={{ flex: 1 }} aria-label={`Question ${i + 1} option ${k + 1}`} value={o} onChange={(e) => setQ(i, { options: q.options.map((x, m) => (m === k ? e.currentTarget.value : x)) })} />
                </Group>
              ))}
            </Radio.Group>
            <Button size="xs" variant="subtle" onClick={() => setQ(i, { options: [...q.options, ""] })} disabled={q.options.length >= 6}>
              Add option
            </Button>
          </Stack>
        ))}
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setQuestions([...questions, EMPTY_Q])} disabled={questions.length >= 10}>
          Add question
        </Button>
        <Button onClick={submit} loading={create.isPending} disabled={!campaignId}>
          Save draft
        </Button>
      </Stack>
    </Modal>
  );
}
