import { Accordion, Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Message } from "../../../../shared/contracts/enablement-messages.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { useSession } from "../../../lib/session";
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
              <Text fz="sm">{m.title}</Text>
              {(m.productName || !m.personaId) && (
                <Group gap={4} mt={2}>
                  {m.productName && <Badge size="xs" variant="light" color="gray">{m.productName}</Badge>}
                  {!m.personaId && <Badge size="xs" variant="default">every persona</Badge>}
                </Group>
              )}
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
  const me = useSession();
  const q = useContactMessaging(contactId);
  const m = q.data;
  const all = m ? [...m.valueProps, ...m.talkTracks, ...m.faqs] : [];
  const own = all.filter((x) => x.personaId !== null).length;
  const library = m?.personaId ? `/messaging?personaId=${m.personaId}` : "/messaging";
  // Why the persona's own messaging is missing, when it is: no definition by that name, or nothing written for it.
  const note = !m?.persona ? null : !m.personaId ? `No persona definition is named “${m.persona}”` : own === 0 ? `Nothing written for ${m.persona} yet` : null;
  return (
    <SectionCard
      title="Messaging"
      testId="contact-messaging"
      actions={
        <Group gap="xs">
          {m?.persona && <Badge variant="light">{m.persona}</Badge>}
          <Anchor component={Link} to={library} fz="xs">Library →</Anchor>
        </Group>
      }
    >
      {!m ? (
        <Text fz="sm" c="dimmed">{q.isError ? "Could not load the messaging." : "Loading…"}</Text>
      ) : all.length === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="contact-messaging-empty">
          No messaging for {m.persona ?? "contacts without a persona"} yet.{" "}
          {can(me.role, "managePersonas") ? <Anchor component={Link} to="/messaging" fz="sm">Write some</Anchor> : "Marketing writes it on the Messaging page."}
        </Text>
      ) : (
        <Stack gap="sm">
          {note && <Text fz="xs" c="dimmed" data-testid="contact-messaging-note">{note}: the messaging for every persona.</Text>}
          <MessageGroup label="Value propositions" items={m.valueProps} testId="messaging-value-props" />
          <MessageGroup label="Talk tracks" items={m.talkTracks} testId="messaging-talk-tracks" />
          <MessageGroup label="FAQs" items={m.faqs} testId="messaging-faqs" />
        </Stack>
      )}
    </SectionCard>
  );
}
