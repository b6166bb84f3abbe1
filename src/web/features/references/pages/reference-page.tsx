import { Anchor, Badge, Blockquote, Button, Grid, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDate, humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { AvailabilityBadge } from "../components/availability-badge";
import { DecideUseButtons } from "../components/decide-use-buttons";
import { ReferenceFormModal } from "../components/reference-form-modal";
import { RequestReferenceDialog } from "../components/request-reference-dialog";
import { useReference } from "../hooks/use-references";

const STATUS_COLORS = { requested: "yellow", approved: "teal", declined: "gray" } as const;

/** A reference's profile at /references/:id: quotes, case studies, availability this quarter, and every use. */
export function ReferencePage() {
  const { id = "" } = useParams();
  const ref = useReference(id);
  const me = useSession();
  const [editing, setEditing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  if (ref.error) return <QueryError error={ref.error} onRetry={() => ref.refetch()} />;
  if (!ref.data) return <DetailSkeleton />;
  const r = ref.data;
  const mayEdit = can(me.role, "manageReferences") || r.ownerId === me.user.id;
  const a = r.availability;
  return (
    <>
      <PageHeader
        crumbs={[{ label: "References", to: "/references" }, { label: r.accountName ?? "Reference" }]}
        title={r.accountName ?? "Reference"}
        badges={<AvailabilityBadge availability={a} active={r.active} />}
        description={<Anchor component={Link} to={`/accounts/${r.accountId}`} fz="sm">Open the account</Anchor>}
        actions={
          <Group>
            {mayEdit && <Button variant="default" onClick={() => setEditing(true)}>Edit</Button>}
            {can(me.role, "requestReferences") && (
              <Button onClick={() => setRequesting(true)} disabled={!a.available} data-testid="request-reference">Request for a deal</Button>
            )}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SectionCard title="Use case and quotes">
              <Text fz="sm" mb="sm">{r.useCase || "No use case written yet."}</Text>
              <Stack gap="xs">
                {r.quotes.map((q) => <Blockquote key={q} p="sm" fz="sm">{q}</Blockquote>)}
              </Stack>
            </SectionCard>
            <SectionCard title={`Uses (${r.uses.length})`} testId="reference-uses">
              {r.uses.length === 0 ? (
                <Text fz="sm" c="dimmed">Nobody has asked for this reference yet.</Text>
              ) : (
                <Table verticalSpacing="xs">
                  <Table.Thead><Table.Tr><Table.Th>Deal</Table.Th><Table.Th>Asked by</Table.Th><Table.Th>Status</Table.Th><Table.Th>Decided</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {r.uses.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/deals/${u.dealId}`} fz="sm">{u.dealName}</Anchor>
                          {u.note && <Text fz="xs" c="dimmed" lineClamp={2}>“{u.note}”</Text>}
                        </Table.Td>
                        <Table.Td fz="sm">{u.requestedByName}<Text fz="xs" c="dimmed">{formatDate(u.createdAt)}</Text></Table.Td>
                        <Table.Td><Badge size="sm" variant="light" color={STATUS_COLORS[u.status]}>{u.status}</Badge></Table.Td>
                        <Table.Td fz="sm">{u.decidedAt ? `${formatDate(u.decidedAt)} · ${u.decidedByName ?? ""}` : "—"}{u.decisionNote && <Text fz="xs" c="dimmed">“{u.decisionNote}”</Text>}</Table.Td>
                        <Table.Td>{u.canDecide && <DecideUseButtons useId={u.id} />}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <SectionCard title="This quarter" testId="reference-quarter">
              <Text fz="xl" fw={700}>{a.used} of {a.cap}</Text>
              <Text fz="sm" c="dimmed">
                approved uses in {a.quarter}{r.quarterlyCap === null ? " (workspace cap)" : ""}.{" "}
                {!r.active ? "Inactive: it cannot be requested." : a.available ? `${a.remaining} left.` : `At its cap: available again on ${formatDate(a.nextAvailableOn)}.`}
              </Text>
            </SectionCard>
            <SectionCard title="Profile">
              <FieldList
                fields={[
                  { label: "Speaks for them", value: r.contactName },
                  { label: "Industry", value: r.industry },
                  { label: "Size", value: r.size ? humanize(r.size) : null },
                  { label: "Region", value: r.region },
                  { label: "Products", value: r.products.join(", ") || null },
                  { label: "Owner", value: r.ownerName },
                ]}
              />
            </SectionCard>
            <SectionCard title="Case studies">
              {r.caseStudies.length === 0 ? (
                <Text fz="sm" c="dimmed">No case study linked.</Text>
              ) : (
                <Stack gap={4}>
                  {r.caseStudies.map((c) => (
                    <Group key={c.id} gap={6}>
                      <Anchor component={Link} to={`/content/${c.id}`} fz="sm">{c.title}</Anchor>
                      <Text fz="xs" c="dimmed">{humanize(c.format)}{c.status !== "published" ? ` · ${humanize(c.status)}` : ""}</Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ReferenceFormModal opened reference={r} onClose={() => setEditing(false)} />}
      {requesting && <RequestReferenceDialog opened referenceId={r.id} referenceName={r.accountName ?? "reference"} onClose={() => setRequesting(false)} />}
    </>
  );
}
