import { Anchor, Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import type { AssetStatus, BuyingStage } from "../../../../shared/domain/content.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { AssetFormModal } from "../components/asset-form-modal";
import { RequestContentButton } from "../components/content-request-dialog";
import { AssetStatusBadge, StageBadge } from "../components/content-badges";
import { FacetPanel } from "../components/facet-panel";
import { ShareDialog } from "../components/share-dialog";
import { useAssetSearch, type SearchFilters } from "../hooks/use-content";

/** The content library and finder at /content: search, buying stage, facets; editors also see drafts and the review queue. */
export function ContentLibraryPage() {
  const me = useSession();
  const isEditor = can(me.role, "manageContent");
  const isReviewer = can(me.role, "reviewContent");
  const isSharer = can(me.role, "shareContent");
  const [filters, setFilters] = useState<SearchFilters>({});
  const [adding, setAdding] = useState(false);
  const [sharing, setSharing] = useState<{ id: string; title: string } | null>(null);
  const navigate = useNavigate();
  const search = useAssetSearch(filters);
  const data = search.data;
  const statuses = [
    { value: "published", label: "Published" },
    ...(isEditor || isReviewer ? [{ value: "in_review", label: "In review" }] : []),
    ...(isEditor ? [{ value: "draft", label: "Drafts" }, { value: "retired", label: "Retired" }, { value: "all", label: "All" }] : []),
  ];
  return (
    <>
      <PageHeader
        title="Content library"
        description="Find the right material for the buyer in front of you: by buying stage, persona, competitor and product, or search."
        actions={
          <Group>
            <Button variant="default" component={Link} to="/content/requests">Requests</Button>
            <Button variant="default" component={Link} to="/content/insights">Usage & effectiveness</Button>
            {isEditor && <Button onClick={() => setAdding(true)}>Add content</Button>}
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="md">{data ? <FacetPanel facets={data.facets} filters={filters} onChange={setFilters} /> : <Text c="dimmed" fz="sm">Loading…</Text>}</Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack>
            <Group>
              <SearchInput value={filters.q ?? ""} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} placeholder="Search titles, summaries, tags…" ariaLabel="Search content" width={340} />
              <SegmentedControl
                value={filters.stage ?? "any"}
                onChange={(v) => setFilters((f) => ({ ...f, stage: v === "any" ? undefined : (v as BuyingStage) }))}
                data={[{ value: "any", label: "Any stage" }, { value: "engage", label: "Engage" }, { value: "convert", label: "Convert" }]}
              />
              {statuses.length > 1 && (
                <Select aria-label="Status" w={160} value={filters.status ?? "published"} data={statuses} allowDeselect={false} onChange={(v) => setFilters((f) => ({ ...f, status: (v ?? "published") as AssetStatus | "all" }))} />
              )}
            </Group>
            {search.error ? (
              <QueryError error={search.error} onRetry={() => search.refetch()} />
            ) : data && data.items.length === 0 ? (
              <EmptyPanel
                title="Nothing matches"
                description="Try another word or clear a filter. Missing something? Ask marketing for it."
                action={can(me.role, "requestContent") && <RequestContentButton variant="light" prefill={{ title: filters.q ?? "", persona: filters.persona, competitor: filters.competitor, buyingStage: filters.stage, details: filters.q ? `Searched the library for “${filters.q}” and found nothing.` : undefined }} />}
              />
            ) : (
              <Paper withBorder>
                <Table highlightOnHover verticalSpacing="sm" data-testid="asset-results">
                  <Table.Thead>
                    <Table.Tr><Table.Th>Title</Table.Th><Table.Th>Stage</Table.Th><Table.Th>Format</Table.Th><Table.Th>Personas</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data?.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/content/${a.id}`} fw={600}>{a.title}</Anchor>
                          <Text fz="xs" c="dimmed" lineClamp={1}>{a.summary}</Text>
                        </Table.Td>
                        <Table.Td><StageBadge stage={a.buyingStage} /></Table.Td>
                        <Table.Td>{humanize(a.format)}</Table.Td>
                        <Table.Td>{a.personas.join(", ") || "—"}</Table.Td>
                        <Table.Td><AssetStatusBadge status={a.status} expired={a.isExpired} /></Table.Td>
                        <Table.Td>{isSharer && a.status === "published" && <Button size="xs" variant="light" onClick={() => setSharing({ id: a.id, title: a.title })}>Share</Button>}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            {data && <Text fz="sm" c="dimmed">{data.total} {data.total === 1 ? "asset" : "assets"}</Text>}
          </Stack>
        </Grid.Col>
      </Grid>
      {adding && <AssetFormModal opened onClose={() => setAdding(false)} onSaved={(id) => navigate(`/content/${id}`)} />}
      {sharing && <ShareDialog opened assetId={sharing.id} title={sharing.title} onClose={() => setSharing(null)} />}
    </>
  );
}
