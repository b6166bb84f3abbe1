import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreateMessageBodySchema, UpdateMessageBodySchema, type Message, type MessageKind } from "../../../../shared/contracts/enablement-messages.js";
import { MemberSelect } from "../../../components/member-select";
import { useFormState } from "../../../lib/use-form-state";
import { useSaveMessage } from "../hooks/use-messages";
import { MESSAGE_KIND_OPTIONS, MessagePersonaPicker, MessageProductPicker } from "./message-pickers";

type Values = { kind: MessageKind; title: string; body: string; personaId: string | null; productId: string | null; ownerId: string | null };
const FIELDS = ["kind", "title", "body", "personaId", "productId", "ownerId"];

function initial(m?: Serialized<Message>, preset?: Partial<Values>): Values {
  return { kind: m?.kind ?? preset?.kind ?? "value_prop", title: m?.title ?? "", body: m?.body ?? "", personaId: m?.personaId ?? preset?.personaId ?? null, productId: m?.productId ?? preset?.productId ?? null, ownerId: m?.ownerId ?? null };
}

/** Writes a value proposition, FAQ or talk track, or edits one (persona and product optional: none means general). Mount it to open it. */
export function MessageFormModal({ opened, onClose, message, preset }: { opened: boolean; onClose: () => void; message?: Serialized<Message>; preset?: Partial<Values> }) {
  const save = useSaveMessage();
  const form = useFormState<Values>(initial(message, preset));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = { kind: v.kind, title: v.title, body: v.body, personaId: v.personaId, productId: v.productId };
    const body = message ? form.validate(UpdateMessageBodySchema, { ...fields, ownerId: v.ownerId }) : form.validate(CreateMessageBodySchema, { ...fields, ...(v.ownerId ? { ownerId: v.ownerId } : {}) });
    if (!body) return;
    try {
      await save.mutateAsync({ id: message?.id, body });
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };
  const isFaq = form.values.kind === "faq";
  return (
    <Modal opened={opened} onClose={onClose} title={message ? "Edit message" : "New message"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Select label="Kind" data={MESSAGE_KIND_OPTIONS} value={form.values.kind} onChange={(v) => v && form.setValue("kind", v as MessageKind)} allowDeselect={false} error={form.errors.kind} />
          <TextInput label={isFaq ? "Question" : "Title"} value={form.values.title} onChange={(e) => form.setValue("title", e.currentTarget.value)} error={form.errors.title} data-autofocus />
          <Textarea label={isFaq ? "Answer" : form.values.kind === "talk_track" ? "What to say" : "Proposition"} autosize minRows={4} value={form.values.body} onChange={(e) => form.setValue("body", e.currentTarget.value)} error={form.errors.body} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MessagePersonaPicker label="Persona" description="Empty: for every persona" placeholder="Every persona" value={form.values.personaId} onChange={(v) => form.setValue("personaId", v)} error={form.errors.personaId} />
            <MessageProductPicker label="Product" description="Empty: for every product" placeholder="Every product" value={form.values.productId} onChange={(v) => form.setValue("productId", v)} error={form.errors.productId} />
          </SimpleGrid>
          <MemberSelect label="Owner" description={message ? undefined : "Empty: you"} placeholder={message ? "No owner" : "You"} value={form.values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={form.errors.ownerId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>{message ? "Save" : "Add message"}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
