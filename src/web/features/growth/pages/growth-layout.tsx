import { Tabs } from "@mantine/core";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageHeader } from "../../../components/page-header";

const TABS = [
  { value: "/growth", label: "Whitespace" },
  { value: "/growth/reviews", label: "Business reviews" },
  { value: "/growth/products", label: "Products" },
];

/** Growth at /growth: the whitespace matrix, upcoming business reviews and the product catalogue. */
export function GrowthLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.slice().reverse().find((t) => pathname === t.value || pathname.startsWith(`${t.value}/`))?.value ?? "/growth";
  return (
    <>
      <PageHeader title="Growth" description="Revenue from existing customers: what each owns, what is in pipeline, the whitespace left, and the business reviews that grow it. Expansion and retention revenue is under Reports." />
      <Tabs value={active} onChange={(v) => v && navigate(v)} mb="md">
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`growth-tab-${t.value.split("/").pop()}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
