import { ActionIcon, Anchor, Badge, Button, Grid, Menu, SimpleGrid, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCoin, IconDots, IconPencil, IconPlus, IconTrash, IconTrophy, IconUsers, IconBriefcase } from "@tabler/icons-react";
import { useNavigate, useParams } from "react-router";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { StatCard } from "../../../components/stat-card";
import { formatDate, formatNumber, humanize } from "../../../lib/format";
import { customerStatusColor } from "../../../lib/labels";
import { useAbilities, useMoney } from "../../../lib/session";
import { ContactFormModal } from "../../contacts/components/contact-form-modal";
import { DealFormModal } from "../../deals/components/deal-form-modal";
import { DealsMiniTable } from "../../deals/components/deals-mini-table";
import { useDeals } from "../../deals/hooks/use-deals";
import { useMembers } from "../../users/hooks/use-members";
import { AccountContactsCard } from "../components/account-contacts-card";
import { AccountFormModal } from "../components/account-form-modal";
import { useAccount } from "../hooks/use-accounts";
import { useDeleteAccount } from "../hooks/use-save-account";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { OwnedProductsCard } from "../../growth/components/owned-products-card";
import { AccountReviewsCard } from "../../growth/components/account-reviews-card";
import { InsightsPanel } from "../../insights/components/insights-panel";

/** An account's page at /accounts/:id: headline numbers, contacts, open pipeline, all deals, owned products. */
export function AccountDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useAbilities();
  const money = useMoney();
  const { byId } = useMembers();
  const account = useAccount(id);
  const deals = useDeals({ accountId: id, limit: 100, sort: "-createdAt" }, { enabled: !!id });
  const remove = useDeleteAccount();
  const [editOpen, edit] = useDisclosure(false);
  const [contactOpen, contact] = useDisclosure(false);
  const [dealOpen, deal] = useDisclosure(false);
  const [deleteOpen, del] = useDisclosure(false);

  if (account.isError) return <QueryError error={account.error} onRetry={() => void account.refetch()} backTo={{ label: "Back to accounts", to: "/accounts" }} />;
  if (!account.data) {
    return <DetailSkeleton />;
  }
  const a = account.data;
  const open = deals.items.filter((d) => !d.closedAt && d.stage !== "closed_won" && d.stage !== "closed_lost");

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Accounts", to: "/accounts" }, { label: a.name }]}
        title={<span data-testid="account-name">{a.name}</span>}
        badges={<Badge variant="light" color={customerStatusColor(a.customerStatus)}>{humanize(a.customerStatus)}</Badge>}
        description={
          a.domain ? (
            <Anchor href={`https://${a.domain}`} target="_blank" rel="noreferrer" fz="sm">
              {a.domain}
            </Anchor>
          ) : (
            "No domain recorded"
          )
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={contact.open}>
              Contact
            </Button>
            {can.canEditDeals && (
              <Button leftSection={<IconPlus size={16} />} onClick={deal.open}>
                Deal
              </Button>
            )}
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More actions">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit account
                </Menu.Item>
                {can.canDeleteRecords && (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>
                    Delete account
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
        <StatCard label="Contacts" value={formatNumber(a.contactCount)} icon={<IconUsers size={18} />} />
        <StatCard label="Open deals" value={formatNumber(a.openDealCount)} icon={<IconBriefcase size={18} />} color="violet" />
        <StatCard label="Open pipeline" value={money(a.openPipeline)} icon={<IconCoin size={18} />} color="teal" testId="account-open-pipeline" />
        <StatCard label="Won revenue" value={money(a.wonRevenue)} icon={<IconTrophy size={18} />} color="green" />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <AccountContactsCard accountId={a.id} total={a.contactCount} onAdd={contact.open} />
            <SectionCard title={`Open pipeline (${open.length})`} testId="account-open-deals">
              <DealsMiniTable deals={open} emptyText={deals.isLoading ? "Loading…" : "No open deals."} />
            </SectionCard>
            <SectionCard title={`All deals (${deals.items.length})`}>
              <DealsMiniTable deals={deals.items} emptyText={deals.isLoading ? "Loading…" : "No deals with this account yet."} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <SectionCard title="Details">
              <FieldList
                fields={[
                  { label: "Industry", value: a.industry ? humanize(a.industry) : null },
                  { label: "Segment", value: a.segment ? humanize(a.segment) : null },
                  { label: "Employees", value: a.employees === null ? null : formatNumber(a.employees) },
                  { label: "Annual revenue", value: a.annualRevenue === null ? null : money(a.annualRevenue, { compact: a.annualRevenue >= 1_000_000 }) },
                  { label: "Country", value: a.country },
                  { label: "Region", value: a.region },
                  { label: "Owner", value: (a.ownerId && byId.get(a.ownerId)?.name) ?? "Unassigned" },
                  { label: "Created", value: formatDate(a.createdAt) },
                  ...Object.entries(a.externalIds).map(([k, v]) => ({ label: `${humanize(k)} id`, value: v })),
                ]}
              />
            </SectionCard>
            <OwnedProductsCard accountId={a.id} />
            <AccountReviewsCard accountId={a.id} />
            <InsightsPanel scope={{ accountId: a.id, accountName: a.name }} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AccountFormModal opened={editOpen} onClose={edit.close} account={a} />
      <ContactFormModal opened={contactOpen} onClose={contact.close} accountId={a.id} accountName={a.name} />
      <DealFormModal opened={dealOpen} onClose={deal.close} accountId={a.id} accountName={a.name} onSaved={(d) => navigate(`/deals/${d.id}`)} />
      <ConfirmDelete
        opened={deleteOpen}
        onClose={del.close}
        title="Delete account"
        message={`Delete ${a.name}? This cannot be undone.`}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(a.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: `${a.name} deleted` });
              navigate("/accounts");
            },
          })
        }
      />
    </>
  );
}
