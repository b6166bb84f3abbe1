import { Anchor, Button, Grid, Group, Paper, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { SectionCard } from "../../../components/section-card";
import { humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { AvailabilityBadge } from "../components/availability-badge";
import { DecideUseButtons } from "../components/decide-use-buttons";
import { ReferenceFacets } from "../components/reference-facets";
import { ReferenceFormModal } from "../components/reference-form-modal";
import { ReferenceUsageCard } from "../components/reference-usage-card";
import { RequestReferenceDialog } from "../components/request-reference-dialog";
import { useReferenceRequestsForMe, useReferenceSearch, type ReferenceFilters } from "../hooks/use-references";

/** Requests waiting for the caller's decision (the references they own; all of them for managers). */
function AwaitingDecision() {
  const pending = useReferenceRequestsForMe();
  if (!pending.data?.length) return null;
  return (
    <SectionCard title={`Awaiting your decision (${pending.data.length})`} testId="reference-requests-awaiting">
      <Stack gap="xs">
        {pending.data.map((u) => (
          <Group key={u.id} justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fz="sm">
                <b>{u.requestedByName}</b> asks for <Anchor component={Link} to={`/references/${u.referenceId}`}>{u.referenceName}</Anchor> on{" "}
                <Anchor component={Link} to={`/deals/${u.dealId}`}>{u.dealName}</Anchor>
              </Text>
              {u.note && <Text fz="xs" c="dimmed" lineClamp={2}>“{u.note}”</Text>}
            </div>
            {u.canDecide && <DecideUseButtons useId={u.id} />}
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** The reference catalogue at /references: search and facets, availability, requests awaiting a decision, usage. */
export function ReferencesPage() {
  const me = useSession();
  const isEditor = can(me.role, "manageReferences");
  const mayRequest = can(me.role, "requestReferences");
  const [filters, setFilters] = useState<ReferenceFilters>({});
  const [adding, setAdding] = useState(false);
  const [requesting, setRequesting] = useState<{ id: string; name: string } | null>(null);
  const navigate = useNavigate();
  const search = useReferenceSearch(filters);
  const data = search.data;
  return (
    <>
      <PageHeader
        title="Customer references"
        description="Customers who speak for us, by industry, size, region, product and use case. Each has a cap of uses per quarter so nobody is asked too often."
        actions={isEditor && <Button onClick={() => setAdding(true)} data-testid="add-reference">Add reference</Button>}
      />
      <Tabs defaultValue="catalogue" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="catalogue">Catalogue</Tabs.Tab>
          <Tabs.Tab value="usage">Usage</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="catalogue">
          <Stack>
            <AwaitingDecision />
            <Grid>
              <Grid.Col span={{ base: 12, md: 3 }}>
                <Paper withBorder p="md">{data ? <ReferenceFacets facets={data.facets} filters={filters} onChange={setFilters} /> : <Text c="dimmed" fz="sm">Loading…</Text>}</Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }}>
                <Stack>
                  <SearchInput value={filters.q ?? ""} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} placeholder="Search use cases, quotes, industries…" ariaLabel="Search references" width={360} />
                  {search.error ? (
                    <QueryError error={search.error} onRetry={() => search.refetch()} />
                  ) : data && data.items.length === 0 ? (
                    <EmptyPanel title="No reference matches" description="Try another word or clear a filter." />
                  ) : (
                    <Paper withBorder>
                      <Table highlightOnHover verticalSpacing="sm" data-testid="reference-results">
                        <Table.Thead>
                          <Table.Tr><Table.Th>Customer</Table.Th><Table.Th>Industry</Table.Th><Table.Th>Size</Table.Th><Table.Th>Region</Table.Th><Table.Th>This quarter</Table.Th><Table.Th /></Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {data?.items.map((r) => (
                            <Table.Tr key={r.id}>
                              <Table.Td>
                                <Anchor component={Link} to={`/references/${r.id}`} fw={600}>{r.accountName}</Anchor>
                                <Text fz="xs" c="dimmed" lineClamp={1}>{r.useCase || r.quotes[0] || r.products.join(", ")}</Text>
                              </Table.Td>
                              <Table.Td>{r.industry ?? "—"}</Table.Td>
                              <Table.Td>{r.size ? humanize(r.size) : "—"}</Table.Td>
                              <Table.Td>{r.region ?? "—"}</Table.Td>
                              <Table.Td><AvailabilityBadge availability={r.availability} active={r.active} /></Table.Td>
                              <Table.Td>
                                {mayRequest && r.availability.available && (
                                  <Button size="xs" variant="light" onClick={() => setRequesting({ id: r.id, name: r.accountName ?? "reference" })}>Request</Button>
                                )}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Paper>
                  )}
                  {data && <Text fz="sm" c="dimmed">{data.total} {data.total === 1 ? "reference" : "references"}</Text>}
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="usage">
          <ReferenceUsageCard />
        </Tabs.Panel>
      </Tabs>
      {adding && <ReferenceFormModal opened onClose={() => setAdding(false)} onSaved={(id) => navigate(`/references/${id}`)} />}
      {requesting && <RequestReferenceDialog opened referenceId={requesting.id} referenceName={requesting.name} onClose={() => setRequesting(null)} />}
    </>
  );
}
