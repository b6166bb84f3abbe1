import { Suspense } from "react";
import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "react-router";
import { BrandMark } from "../components/brand-mark";
import { NotificationBell } from "../features/notifications/components/notification-bell";
import { NAV_SECTIONS, isNavActive } from "./nav-items";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The signed-in frame: header with workspace and user menu, sidebar with every module, and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 264, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/" style={{ display: "flex", alignItems: "center", gap: 8, textDecoration: "none", color: "inherit" }}>
              <BrandMark size={26} />
              <Text fw={700} fz="md" visibleFrom="xs">
                Tandem
              </Text>
            </Link>
            <Text c="dimmed" visibleFrom="xs">
              /
            </Text>
            <WorkspaceSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea} px="xs" py="sm">
          <nav aria-label="Main">
            {NAV_SECTIONS.map((section) => (
              <div key={section.title ?? "top"} style={{ marginBottom: 10 }}>
                {section.title && (
                  <Text fz={11} fw={700} tt="uppercase" c="dimmed" px="sm" pt={6} pb={4} style={{ letterSpacing: 0.4 }}>
                    {section.title}
                  </Text>
                )}
                {section.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={<item.icon size={18} stroke={1.6} />}
                    rightSection={item.comingSoon ? <Text fz={10} c="dimmed" fw={600} tt="uppercase">soon</Text> : null}
                    active={isNavActive(item, pathname)}
                    onClick={close}
                    variant="light"
                    style={{ borderRadius: 6 }}
                    py={6}
                  />
                ))}
              </div>
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense
          fallback={
            <Center h={240}>
              <Loader size="sm" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
