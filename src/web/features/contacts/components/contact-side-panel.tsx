import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { ContactDetail } from "../../../../shared/contracts/contacts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { MAIN_STAGES, stageTimestampKey } from "../../../../shared/domain/lifecycle.js";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { FieldList } from "../../../components/field-list";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatDateTime, humanize } from "../../../lib/format";
import { stageLabel } from "../../../lib/labels";
import { useMoney } from "../../../lib/session";

type Contact = Serialized<ContactDetail>;

/** A UTM touch as "source · medium · campaign" (web capture, ingest). */
function utmLabel(utm: Record<string, string> | null | undefined): string | null {
  if (!utm) return null;
  return [utm.source, utm.medium, utm.campaign].filter(Boolean).join(" · ") || null;
}

/** The right-hand column of a contact: details, lifecycle dates and deals. */
export function ContactSidePanel({ contact }: { contact: Contact }) {
  const money = useMoney();
  const stamps = MAIN_STAGES.slice(2).map((s) => ({ stage: s, at: (contact as Record<string, unknown>)[stageTimestampKey(s)] as string | null | undefined }));
  return (
    <Stack gap="md">
      <SectionCard title="Details" testId="contact-details">
        <FieldList
          fields={[
            { label: "E-mail", value: contact.email ? <Anchor href={`mailto:${contact.email}`} fz="sm">{contact.email}</Anchor> : null },
            { label: "Phone", value: contact.phone },
            { label: "Account", value: contact.accountId ? <Anchor component={Link} to={`/accounts/${contact.accountId}`} fz="sm">{contact.accountName ?? "Account"}</Anchor> : null },
            { label: "Title", value: contact.title },
            { label: "Seniority", value: contact.seniority ? humanize(contact.seniority) : null },
            { label: "Department", value: contact.department },
            { label: "Country", value: contact.country },
            { label: "Persona", value: contact.persona && `${contact.persona}${contact.personaSource === "manual" ? " (set by hand)" : contact.personaSource === "matched" ? " (matched)" : ""}` },
            { label: "Source", value: [contact.source, contact.channel ? humanize(contact.channel) : null].filter(Boolean).join(" · ") },
            { label: "First touch (UTM)", value: utmLabel(contact.utmFirst) },
            { label: "Latest touch (UTM)", value: utmLabel(contact.utmLast) },
            { label: "First campaign", value: contact.originalCampaignId ? <Anchor component={Link} to={`/campaigns/${contact.originalCampaignId}`} fz="sm">{contact.originalCampaignName ?? "Campaign"}</Anchor> : null },
            { label: "Owner", value: contact.ownerName ?? "Unassigned" },
            { label: "SDR", value: contact.sdrName },
            { label: "Consent", value: humanize(contact.consent) },
            { label: "Created", value: formatDate(contact.createdAt) },
          ]}
        />
      </SectionCard>
      <SectionCard title="Lifecycle">
        <Stack gap={6}>
          {stamps.map((s) => (
            <Group key={s.stage} justify="space-between">
              <Text fz="sm" c={s.at ? undefined : "dimmed"}>
                {stageLabel(s.stage)}
              </Text>
              <Text fz="sm" c="dimmed">
                {s.at ? formatDateTime(s.at) : "not reached"}
              </Text>
            </Group>
          ))}
          <Text fz="xs" c="dimmed" mt={4}>
            In {stageLabel(contact.stage)} since {formatDateTime(contact.stageEnteredAt)}
            {contact.definitionVersion ? ` · scored with lead definition v${contact.definitionVersion}` : ""}
          </Text>
        </Stack>
      </SectionCard>
      <SectionCard title={`Deals (${contact.deals.length})`} testId="contact-deals">
        {contact.deals.length === 0 ? (
          <Text fz="sm" c="dimmed">
            Not on any deal yet.
          </Text>
        ) : (
          <Stack gap="xs">
            {contact.deals.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/deals/${d.id}`} fz="sm" fw={500} truncate>
                    {d.name}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {humanize(d.role)}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <DealStageBadge stage={d.stage} size="xs" />
                  <Text fz="xs">{money(d.amount)}</Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </SectionCard>
    </Stack>
  );
}
