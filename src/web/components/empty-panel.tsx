import type { ReactNode } from "react";
import { EmptyState } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";

/** A centred empty state: icon, title, one sentence and an optional action. */
export function EmptyPanel({ title, description, icon, action }: { title: string; description?: ReactNode; icon?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState
      size="sm"
      variant="light"
      color="gray"
      icon={icon ?? <IconInbox size={22} />}
      title={title}
      description={description}
      data-testid="empty-state"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
