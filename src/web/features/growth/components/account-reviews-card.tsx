import { useState } from "react";
import { Badge, Button, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import type { AccountReview } from "../../../../shared/contracts/growth.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime, humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useAccountReviews } from "../hooks/use-growth";
import { ReviewFormModal } from "./review-form-modal";

/** The color of a review's status badge. */
export function reviewStatusColor(status: string): string {
  return status === "held" ? "green" : status === "cancelled" ? "gray" : "blue";
}

/** An account's business reviews, newest first; the account team schedules and records them here. */
export function AccountReviewsCard({ accountId }: { accountId: string }) {
  const me = useSession();
  const reviews = useAccountReviews({ accountId });
  const [open, setOpen] = useState<{ review?: Serialized<AccountReview> } | null>(null);
  const canEdit = can(me.role, "manageAccountReviews");
  const items = reviews.data?.items ?? [];
  return (
    <SectionCard
      title={`Business reviews (${items.length})`}
      testId="account-reviews"
      actions={
        canEdit && (
          <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={() => setOpen({})}>
            Schedule
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No business review yet. Schedule one to agree outcomes and next steps with the customer.
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((r) => (
            <UnstyledButton key={r.id} onClick={() => setOpen({ review: r })} data-testid="account-review" disabled={!canEdit}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fz="sm" fw={500}>
                    {r.title}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(r.scheduledAt)} · {[...r.members.map((m) => m.name), ...r.contacts.map((c) => c.name)].join(", ") || "no attendees yet"}
                  </Text>
                  {r.nextSteps && (
                    <Text fz="xs" mt={2}>
                      Next: {r.nextSteps}
                    </Text>
                  )}
                </div>
                <Badge variant="light" color={reviewStatusColor(r.status)}>
                  {humanize(r.status)}
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      <ReviewFormModal opened={open !== null} onClose={() => setOpen(null)} accountId={accountId} review={open?.review} />
    </SectionCard>
  );
}
