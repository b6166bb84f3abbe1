import { Accordion, Badge, Stack, Text } from "@mantine/core";
import type { Message } from "../../../../shared/contracts/enablement-messages.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SectionCard } from "../../../components/section-card";
import { useContactMessaging } from "../hooks/use-messages";

function MessageGroup({ label, items, testId }: { label: string; items: Serialized<Message>[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {label}
      </Text>
      <Accordion variant="contained" chevronPosition="left">
        {items.map((m) => (
          <Accordion.Item key={m.id} value={m.id}>
            <Accordion.Control>
              <Text fz="sm">
                {m.title} {!m.personaId && <Badge size="xs" variant="default">general</Badge>}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text fz="sm" style={{ whiteSpace: "pre-wrap" }}>
                {m.body}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </div>
  );
}

/** What to say to this contact: value propositions, talk tracks and FAQs of their persona (then the general ones). */
export function ContactMessagingCard({ contactId }: { contactId: string }) {
  const q = useContactMessaging(contactId);
  const m = q.data;
  const empty = m && m.valueProps.length + m.talkTracks.length + m.faqs.length === 0;
  return (
    <SectionCard title="Messaging" testId="contact-messaging" actions={m?.persona && <Badge variant="light">{m.persona}</Badge>}>
      {!m ? null : empty ? (
        <Text fz="sm" c="dimmed">
          No messaging for {m.persona ?? "contacts without a persona"} yet.
        </Text>
      ) : (
        <Stack gap="sm">
          <MessageGroup label="Value propositions" items={m.valueProps} testId="messaging-value-props" />
          <MessageGroup label="Talk tracks" items={m.talkTracks} testId="messaging-talk-tracks" />
          <MessageGroup label="FAQs" items={m.faqs} testId="messaging-faqs" />
        </Stack>
      )}
    </SectionCard>
  );
}
