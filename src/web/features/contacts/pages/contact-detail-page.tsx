import { RecommendedContentCard } from "../../content/components/recommended-content-card";
import { ActionIcon, Avatar, Button, Grid, Group, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArrowsExchange, IconDots, IconDownload, IconEraser, IconPencil, IconPhone, IconTrash } from "@tabler/icons-react";
import { useNavigate, useParams } from "react-router";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { StageBadge } from "../../../components/stage-badge";
import { initials, personName } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { ContactFormModal } from "../components/contact-form-modal";
import { ContactScores } from "../components/contact-scores";
import { ScoreExplanationCard } from "../components/score-explanation-card";
import { ContactSidePanel } from "../components/contact-side-panel";
import { HandoffCard } from "../../routing/components/handoff-card";
import { RecommendedPlaybookCard } from "../../playbooks/components/recommended-playbook-card";
import { CompetitorBattlecardsCard } from "../../competitors/components/competitor-battlecards-card";
import { ContactSlaCard } from "../../sla/components/contact-sla-card";
import { ContactMessagingCard } from "../../messaging/components/contact-messaging-card";
import { PredictedWinCard } from "../../predictive/components/predicted-win-card";
import { ContactTimeline } from "../components/contact-timeline";
import { LogActivityModal } from "../components/log-activity-modal";
import { MoveStageModal } from "../components/move-stage-modal";
import { useContact } from "../hooks/use-contact";
import { useDeleteContact } from "../hooks/use-save-contact";
import { useEraseContact, useExportContact } from "../hooks/use-gdpr";
import { EraseContactModal } from "../components/erase-contact-modal";
import { DetailSkeleton } from "../../../components/detail-skeleton";

/** A contact's page at /contacts/:id: stage, scores, timeline, deals, and the move-stage, log and edit actions. */
export function ContactDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useAbilities();
  const contact = useContact(id);
  const remove = useDeleteContact();
  const [moveOpen, move] = useDisclosure(false);
  const [editOpen, edit] = useDisclosure(false);
  const [logOpen, log] = useDisclosure(false);
  const [deleteOpen, del] = useDisclosure(false);
  const [eraseOpen, erase] = useDisclosure(false);
  const exportData = useExportContact();
  const eraser = useEraseContact();

  if (contact.isError) return <QueryError error={contact.error} onRetry={() => void contact.refetch()} backTo={{ label: "Back to contacts", to: "/contacts" }} />;
  if (!contact.data) {
    return <DetailSkeleton />;
  }
  const c = contact.data;
  const name = personName(c);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Contacts", to: "/contacts" }, { label: name }]}
        title={
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={38}>
              {initials(name)}
            </Avatar>
            <span data-testid="contact-name">{name}</span>
          </Group>
        }
        badges={
          <>
            <StageBadge stage={c.stage} size="md" />
            <FitGradeBadge grade={c.fitGrade} points={c.fitPoints} />
          </>
        }
        description={<Text span fz="sm" c="dimmed">{[c.title, c.accountName].filter(Boolean).join(" at ") || c.email}</Text>}
        actions={
          <>
            {can.canLogSalesActivity && (
              <Button variant="default" leftSection={<IconPhone size={16} />} onClick={log.open}>
                Log activity
              </Button>
            )}
            {(
              <Button leftSection={<IconArrowsExchange size={16} />} onClick={move.open} disabled={c.allowedStages.length === 0} data-testid="move-stage">
                Move stage
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
                  Edit contact
                </Menu.Item>
                {can.canExportPersonalData && (
                  <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => exportData.mutate(c.id)}>
                    Export data (JSON)
                  </Menu.Item>
                )}
                {can.canDeleteRecords && (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>
                    Delete contact
                  </Menu.Item>
                )}
                {can.canErasePersonalData && (
                  <Menu.Item color="red" leftSection={<IconEraser size={16} />} onClick={erase.open}>
                    Erase (GDPR)
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <ContactScores contact={c} />
      <ScoreExplanationCard contactId={c.id} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ContactTimeline contactId={c.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <PredictedWinCard contactId={c.id} />
          <ContactSlaCard contactId={c.id} />
          <HandoffCard contactId={c.id} ownerId={c.ownerId} />
          <RecommendedPlaybookCard contactId={c.id} />
          <RecommendedContentCard kind="contacts" id={c.id} />
          <CompetitorBattlecardsCard kind="contacts" id={c.id} />
          <ContactMessagingCard contactId={c.id} />
          <ContactSidePanel contact={c} />
        </Grid.Col>
      </Grid>
      <MoveStageModal opened={moveOpen} onClose={move.close} contactId={c.id} currentStage={c.stage} allowedStages={c.allowedStages} />
      <ContactFormModal opened={editOpen} onClose={edit.close} contact={c} />
      <LogActivityModal opened={logOpen} onClose={log.close} contactId={c.id} />
      <EraseContactModal
        opened={eraseOpen}
        onClose={erase.close}
        name={name}
        loading={eraser.isPending}
        onConfirm={() =>
          eraser.mutate(c.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: `${name} erased; their e-mail is suppressed` });
              navigate("/contacts");
            },
          })
        }
      />
      <ConfirmDelete
        opened={deleteOpen}
        onClose={del.close}
        title="Delete contact"
        message={`Delete ${name}? Their touchpoints stay in reports but the contact disappears from lists.`}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: `${name} deleted` });
              navigate("/contacts");
            },
          })
        }
      />
    </>
  );
}
