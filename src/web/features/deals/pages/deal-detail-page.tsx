import { RecommendedContentCard } from "../../content/components/recommended-content-card";
import { ActionIcon, Anchor, Badge, Button, Grid, Menu, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCalendarStats, IconCoin, IconDots, IconFlag, IconHistory, IconPencil, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { DEAL_STAGES, type DealStage } from "../../../../shared/domain/deals.js";
import { buyingStageOfDeal } from "../../../../shared/domain/content.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { StatCard } from "../../../components/stat-card";
import { formatDate, formatRelative, humanize } from "../../../lib/format";
import { codeOptions, dealStageLabel } from "../../../lib/labels";
import { notifyError } from "../../../lib/notify";
import { useAbilities, useMoney } from "../../../lib/session";
import { CloseDealModal } from "../components/close-deal-modal";
import { DealContactsCard } from "../components/deal-contacts-card";
import { DealFormModal } from "../components/deal-form-modal";
import { DealHistoryCard } from "../components/deal-history-card";
import { useDeal } from "../hooks/use-deals";
import { useDeleteDeal, useUpdateDeal } from "../hooks/use-save-deal";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { CompetitorBattlecardsCard } from "../../competitors/components/competitor-battlecards-card";
import { DealReferencesCard } from "../../references/components/deal-references-card";
import { SwotPanel } from "../../swots/components/swot-panel";
import { InsightsPanel } from "../../insights/components/insights-panel";
import { RequestContentButton } from "../../content/components/content-request-dialog";
import { can as roleCan } from "../../../../shared/domain/permissions.js";
import { useSession } from "../../../lib/session";

const OPEN_STAGES = DEAL_STAGES.filter((s) => s !== "closed_won" && s !== "closed_lost");
const OUTCOME_COLORS: Record<string, string> = { won: "green", lost: "red", no_decision: "yellow" };

/** A deal's page at /deals/:id: stage, amount, buying group, stage history and the close dialog. */
export function DealDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useAbilities();
  const me = useSession();
  const money = useMoney();
  const deal = useDeal(id);
  const update = useUpdateDeal(id ?? "");
  const remove = useDeleteDeal();
  const [closeOpen, closeDlg] = useDisclosure(false);
  const [editOpen, edit] = useDisclosure(false);
  const [deleteOpen, del] = useDisclosure(false);

  if (deal.isError) return <QueryError error={deal.error} onRetry={() => void deal.refetch()} backTo={{ label: "Back to deals", to: "/deals" }} />;
  if (!deal.data) {
    return <DetailSkeleton />;
  }
  const d = deal.data;
  const isClosed = !!d.closedAt || d.stage === "closed_won" || d.stage === "closed_lost";
  const ageDays = Math.max(0, Math.round(((d.closedAt ? new Date(d.closedAt) : new Date()).getTime() - new Date(d.createdAt).getTime()) / 86_400_000));

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Deals", to: "/deals" }, { label: d.name }]}
        title={<span data-testid="deal-name">{d.name}</span>}
        badges={
          <>
            <DealStageBadge stage={d.stage} size="md" />
            {d.outcome && <Badge variant="filled" color={OUTCOME_COLORS[d.outcome]} data-testid="deal-outcome">{humanize(d.outcome)}</Badge>}
          </>
        }
        description={
          <Anchor component={Link} to={`/accounts/${d.accountId}`} fz="sm">
            {d.accountName}
          </Anchor>
        }
        actions={
          <>
            {!isClosed && can.canEditDeals && (
              <Select
                aria-label="Deal stage"
                w={170}
                data={codeOptions(OPEN_STAGES, dealStageLabel)}
                value={d.stage}
                allowDeselect={false}
                disabled={update.isPending}
                onChange={(stage) => stage && stage !== d.stage && update.mutate({ stage: stage as Exclude<DealStage, "closed_won" | "closed_lost"> }, { onError: (e) => notifyError(e) })}
              />
            )}
            {roleCan(me.role, "requestContent") && (
              <RequestContentButton prefill={{ dealId: d.id, dealName: d.name, competitor: d.competitor, buyingStage: buyingStageOfDeal(d.stage) }} />
            )}
            {!isClosed && can.canCloseDeals && (
              <Button leftSection={<IconFlag size={16} />} onClick={closeDlg.open} data-testid="close-deal">
                Close deal
              </Button>
            )}
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More actions">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={edit.open} disabled={!can.canEditDeals}>
                  Edit deal
                </Menu.Item>
                {can.canDeleteRecords && (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>
                    Delete deal
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
        <StatCard label="Amount" value={money(d.amount, { currency: d.currency })} icon={<IconCoin size={18} />} color="teal" testId="deal-amount" />
        <StatCard label={isClosed ? "Closed" : "Expected close"} value={formatDate(d.closedAt ?? d.expectedCloseAt)} icon={<IconCalendarStats size={18} />} hint={d.closedAt ? formatRelative(d.closedAt) : d.expectedCloseAt ? formatRelative(d.expectedCloseAt) : "no date set"} />
        <StatCard label={isClosed ? "Sales cycle" : "Age"} value={`${ageDays} days`} icon={<IconHistory size={18} />} color="gray" hint={`opened ${formatDate(d.createdAt)}`} />
        <StatCard label="Owner" value={d.ownerName ?? "Unassigned"} icon={<IconFlag size={18} />} color="violet" hint={humanize(d.type)} />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <DealContactsCard deal={d} canEdit={can.canEditDeals} />
            <CompetitorBattlecardsCard kind="deals" id={d.id} canTag={can.canEditDeals} />
            <DealReferencesCard dealId={d.id} dealName={d.name} />
            <SwotPanel kind="deal" subjectId={d.id} />
            <InsightsPanel scope={{ dealId: d.id, dealName: d.name, accountId: d.accountId }} />
            <DealHistoryCard deal={d} />
            <RecommendedContentCard kind="deals" id={d.id} contactId={d.primaryContactId} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
          <SectionCard title="Details">
            <FieldList
              fields={[
                { label: "Account", value: <Anchor component={Link} to={`/accounts/${d.accountId}`} fz="sm">{d.accountName}</Anchor> },
                { label: "Type", value: humanize(d.type) },
                { label: "Products", value: d.products.length ? d.products.map((p) => `${p.name} (${money(p.amount)})`).join(", ") : null },
                { label: "Owner", value: d.ownerName ?? "Unassigned" },
                { label: "Source campaign", value: d.sourceCampaignId ? <Anchor component={Link} to={`/campaigns/${d.sourceCampaignId}`} fz="sm">{d.sourceCampaignName ?? "Campaign"}</Anchor> : null },
                { label: "Source contact", value: d.sourceContactId ? <Anchor component={Link} to={`/contacts/${d.sourceContactId}`} fz="sm">Open contact</Anchor> : null },
                { label: "Competitor", value: d.competitor },
                { label: "Currency", value: d.currency },
                { label: "Created", value: formatDate(d.createdAt) },
                { label: "Outcome", value: d.outcome ? humanize(d.outcome) : null, hidden: !isClosed },
                { label: "Reason", value: d.reasonCode ? humanize(d.reasonCode) : null, hidden: !isClosed },
              ]}
            />
            {isClosed && !d.reasonCode && (
              <Text fz="xs" c="orange" mt="sm">
                Closed without a reason: the closed-loop report counts it as incomplete.
              </Text>
            )}
          </SectionCard>
          {d.interview && (
            <SectionCard title="Buyer interview" testId="deal-interview">
              <FieldList
                fields={[
                  { label: "Decision criteria", value: d.interview.decisionCriteria },
                  { label: "Who decided", value: d.interview.decidedBy },
                  { label: "Why", value: d.interview.why },
                  { label: "Recorded by", value: d.interview.recordedByName },
                ]}
              />
            </SectionCard>
          )}
          </Stack>
        </Grid.Col>
      </Grid>
      <CloseDealModal opened={closeOpen} onClose={closeDlg.close} deal={d} />
      <DealFormModal opened={editOpen} onClose={edit.close} deal={d} />
      <ConfirmDelete
        opened={deleteOpen}
        onClose={del.close}
        title="Delete deal"
        message={`Delete ${d.name}? Its attribution credits go with it.`}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(d.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: "Deal deleted" });
              navigate("/deals");
            },
          })
        }
      />
    </>
  );
}
