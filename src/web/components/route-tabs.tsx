import { Tabs } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";

export type RouteTab = { value: string; label: string };

/** Tabs that are routes: the longest tab path the location is under is active; a click navigates. */
export function RouteTabs({ tabs, fallback, testIdPrefix }: { tabs: RouteTab[]; fallback: string; testIdPrefix: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = tabs.slice().reverse().find((t) => pathname === t.value || pathname.startsWith(`${t.value}/`))?.value ?? fallback;
  return (
    <Tabs value={active} onChange={(v) => v && navigate(v)} mb="md">
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value} data-testid={`${testIdPrefix}-${t.value.split("/").pop()}`}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
