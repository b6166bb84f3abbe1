import { Button, Menu, Text } from "@mantine/core";
import { IconCheck, IconSelector } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { ROLE_LABELS } from "../../shared/domain/roles.js";
import { useSwitchWorkspace } from "../features/auth/hooks/use-switch-workspace";
import { useSession } from "../lib/session";

/** The workspace name in the header; a switcher when the user belongs to several workspaces. */
export function WorkspaceSwitcher() {
  const me = useSession();
  const navigate = useNavigate();
  const switchWs = useSwitchWorkspace();

  if (me.workspaces.length <= 1) {
    return (
      <Text fw={600} fz="sm" truncate maw={220} data-testid="workspace-name">
        {me.workspace.name}
      </Text>
    );
  }
  return (
    <Menu position="bottom-start" width={280} shadow="md">
      <Menu.Target>
        <Button variant="subtle" color="gray" size="compact-sm" rightSection={<IconSelector size={14} />} loading={switchWs.isPending} data-testid="workspace-name">
          {me.workspace.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch workspace</Menu.Label>
        {me.workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            rightSection={w.id === me.workspace.id ? <IconCheck size={14} /> : null}
            onClick={() => {
              if (w.id === me.workspace.id) return;
              switchWs.mutate(w.id, { onSuccess: () => navigate("/") });
            }}
          >
            <Text fz="sm">{w.name}</Text>
            <Text fz="xs" c="dimmed">
              {ROLE_LABELS[w.role]}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
