import { Avatar, Badge, Group, Menu, Text, UnstyledButton, useMantineColorScheme } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconLock, IconLogout, IconMoon, IconSettings, IconSun } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { ROLE_LABELS } from "../../shared/domain/roles.js";
import { ChangePasswordModal } from "../features/auth/components/change-password-modal";
import { useLogout } from "../features/auth/hooks/use-logout";
import { initials } from "../lib/format";
import { useSession } from "../lib/session";

/** The header's user menu: role badge, name, password change, color scheme and sign-out. */
export function UserMenu() {
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const [pwOpen, pw] = useDisclosure(false);
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();

  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } finally {
      navigate("/login", { replace: true });
    }
  };

  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <Badge variant="light" color="indigo" radius="sm" data-testid="role-badge" visibleFrom="xs">
          {ROLE_LABELS[me.role]}
        </Badge>
        <Menu position="bottom-end" width={240} shadow="md" withinPortal>
          <Menu.Target>
            <UnstyledButton aria-label="User menu" data-testid="user-menu">
              <Group gap={8} wrap="nowrap">
                <Avatar size={30} radius="xl" color="indigo">
                  {initials(me.user.name)}
                </Avatar>
                <Text fz="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                  {me.user.name}
                </Text>
                <IconChevronDown size={14} />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>
              <Text fz="sm" fw={600} c="var(--mantine-color-text)" truncate>
                {me.user.name}
              </Text>
              <Text fz="xs" c="dimmed" truncate>
                {me.user.email}
              </Text>
            </Menu.Label>
            <Menu.Divider />
            <Menu.Item leftSection={<IconLock size={16} />} onClick={pw.open}>
              Change password
            </Menu.Item>
            <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate("/settings")}>
              Settings
            </Menu.Item>
            <Menu.Item leftSection={colorScheme === "dark" ? <IconSun size={16} /> : <IconMoon size={16} />} onClick={toggleColorScheme}>
              {colorScheme === "dark" ? "Light mode" : "Dark mode"}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut}>
              Sign out
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </>
  );
}
