import { createBrowserRouter, type RouteObject } from "react-router";
import { AppLayout } from "./app-layout";
import { RequireAuth } from "./require-auth";
import { RouteErrorPage } from "./route-error-page";
import { UPCOMING_MODULES } from "./upcoming-modules";
import { ComingSoonPage } from "../features/placeholders/pages/coming-soon-page";
import { NotFoundPage } from "../features/placeholders/pages/not-found-page";

const page = <M,>(load: () => Promise<M>, pick: (m: M) => React.ComponentType) => ({
  lazy: async () => ({ Component: pick(await load()) }),
});

const appRoutes: RouteObject[] = [
  { index: true, ...page(() => import("../features/home/pages/home-page"), (m) => m.HomePage) },
  { path: "contacts", ...page(() => import("../features/contacts/pages/contacts-page"), (m) => m.ContactsPage) },
  { path: "contacts/:id", ...page(() => import("../features/contacts/pages/contact-detail-page"), (m) => m.ContactDetailPage) },
  { path: "accounts", ...page(() => import("../features/accounts/pages/accounts-page"), (m) => m.AccountsPage) },
  { path: "accounts/:id", ...page(() => import("../features/accounts/pages/account-detail-page"), (m) => m.AccountDetailPage) },
  { path: "deals", ...page(() => import("../features/deals/pages/deals-page"), (m) => m.DealsPage) },
  { path: "deals/:id", ...page(() => import("../features/deals/pages/deal-detail-page"), (m) => m.DealDetailPage) },
  { path: "campaigns", ...page(() => import("../features/campaigns/pages/campaigns-page"), (m) => m.CampaignsPage) },
  { path: "campaigns/:id", ...page(() => import("../features/campaigns/pages/campaign-detail-page"), (m) => m.CampaignDetailPage) },
  { path: "activity", ...page(() => import("../features/touchpoints/pages/activity-page"), (m) => m.ActivityPage) },
  { path: "notifications", ...page(() => import("../features/notifications/pages/notifications-page"), (m) => m.NotificationsPage) },
  { path: "predictive", ...page(() => import("../features/predictive/pages/predictive-page"), (m) => m.PredictivePage) },
  { path: "agreement", ...page(() => import("../features/agreement/pages/agreement-page"), (m) => m.AgreementPage) },
  { path: "agreement/:id", ...page(() => import("../features/agreement/pages/definition-page"), (m) => m.DefinitionPage) },
  { path: "playbooks", ...page(() => import("../features/playbooks/pages/adherence-page"), (m) => m.AdherencePage) },
  { path: "inbox", ...page(() => import("../features/inbox/pages/inbox-page"), (m) => m.InboxPage) },
  { path: "content", ...page(() => import("../features/content/pages/content-library-page"), (m) => m.ContentLibraryPage) },
  { path: "content/insights", ...page(() => import("../features/content/pages/content-insights-page"), (m) => m.ContentInsightsPage) },
  { path: "content/requests", ...page(() => import("../features/content/pages/content-requests-page"), (m) => m.ContentRequestsPage) },
  { path: "references", ...page(() => import("../features/references/pages/references-page"), (m) => m.ReferencesPage) },
  { path: "references/:id", ...page(() => import("../features/references/pages/reference-page"), (m) => m.ReferencePage) },
  { path: "enablement", ...page(() => import("../features/enablement/pages/enablement-page"), (m) => m.EnablementPage) },
  { path: "content/:id", ...page(() => import("../features/content/pages/asset-page"), (m) => m.AssetPage) },
  { path: "sla", ...page(() => import("../features/sla/pages/sla-ledger-page"), (m) => m.SlaLedgerPage) },
  { path: "imports", ...page(() => import("../features/imports/pages/imports-page"), (m) => m.ImportsPage) },
  { path: "imports/:id", ...page(() => import("../features/imports/pages/import-page"), (m) => m.ImportPage) },
  { path: "competitors", ...page(() => import("../features/competitors/pages/competitors-page"), (m) => m.CompetitorsPage) },
  { path: "competitors/:id", ...page(() => import("../features/competitors/pages/competitor-page"), (m) => m.CompetitorPage) },
  { path: "briefs", ...page(() => import("../features/briefs/pages/briefs-page"), (m) => m.BriefsPage) },
  { path: "briefs/:id", ...page(() => import("../features/briefs/pages/brief-page"), (m) => m.BriefPage) },
  { path: "messaging", ...page(() => import("../features/messaging/pages/messaging-page"), (m) => m.MessagingPage) },
  { path: "swots", ...page(() => import("../features/swots/pages/swots-page"), (m) => m.SwotsPage) },
  { path: "personas", ...page(() => import("../features/personas/pages/personas-page"), (m) => m.PersonasPage) },
  { path: "insights", ...page(() => import("../features/insights/pages/insights-page"), (m) => m.InsightsPage) },
  { path: "insights/ride-alongs", ...page(() => import("../features/insights/pages/ride-alongs-page"), (m) => m.RideAlongsPage) },
  { path: "insights/ride-alongs/:id", ...page(() => import("../features/insights/pages/ride-along-page"), (m) => m.RideAlongPage) },
  { path: "feedback", ...page(() => import("../features/feedback/pages/rejections-page"), (m) => m.RejectionsPage) },
  {
    path: "reports",
    ...page(() => import("../features/reports/pages/reports-layout"), (m) => m.ReportsLayout),
    children: [
      { index: true, ...page(() => import("../features/reports/pages/reports-page"), (m) => m.ReportsPage) },
      { path: "reviews", ...page(() => import("../features/reviews/pages/reviews-page"), (m) => m.ReviewsPage) },
      { path: "reviews/:id", ...page(() => import("../features/reviews/pages/review-page"), (m) => m.ReviewPage) },
      { path: "digests", ...page(() => import("../features/digests/pages/digests-page"), (m) => m.DigestsPage) },
      { path: "digests/:id", ...page(() => import("../features/digests/pages/digest-page"), (m) => m.DigestPage) },
      { path: ":name", ...page(() => import("../features/reports/pages/report-page"), (m) => m.ReportPage) },
    ],
  },
  {
    path: "growth",
    ...page(() => import("../features/growth/pages/growth-layout"), (m) => m.GrowthLayout),
    children: [
      { index: true, ...page(() => import("../features/growth/pages/whitespace-page"), (m) => m.WhitespacePage) },
      { path: "reviews", ...page(() => import("../features/growth/pages/reviews-list-page"), (m) => m.ReviewsListPage) },
      { path: "products", ...page(() => import("../features/growth/pages/products-page"), (m) => m.ProductsPage) },
    ],
  },
  {
    path: "team",
    ...page(() => import("../features/team/pages/team-layout"), (m) => m.TeamLayout),
    children: [
      { index: true, ...page(() => import("../features/team/pages/pods-tab"), (m) => m.TeamPodsTab) },
      { path: "scoreboard", ...page(() => import("../features/team/pages/scoreboard-page"), (m) => m.ScoreboardPage) },
      { path: "leads", ...page(() => import("../features/team/pages/passed-leads-page"), (m) => m.PassedLeadsPage) },
      { path: "plans", ...page(() => import("../features/team/pages/comp-plans-page"), (m) => m.CompPlansPage) },
      { path: "statements", ...page(() => import("../features/team/pages/statements-page"), (m) => m.StatementsPage) },
      { path: "what-if", ...page(() => import("../features/team/pages/what-if-page"), (m) => m.WhatIfPage) },
    ],
  },
  {
    path: "settings",
    ...page(() => import("../features/settings/pages/settings-layout"), (m) => m.SettingsLayout),
    children: [
      { index: true, ...page(() => import("../features/settings/pages/settings-index-page"), (m) => m.SettingsIndexPage) },
      { path: "users", ...page(() => import("../features/settings/pages/users-page"), (m) => m.UsersPage) },
      { path: "teams", ...page(() => import("../features/settings/pages/teams-page"), (m) => m.TeamsPage) },
      { path: "tokens", ...page(() => import("../features/settings/pages/tokens-page"), (m) => m.TokensPage) },
      { path: "notifications", ...page(() => import("../features/notifications/pages/notification-settings-page"), (m) => m.NotificationSettingsPage) },
      { path: "audit", ...page(() => import("../features/settings/pages/audit-page"), (m) => m.AuditPage) },
      { path: "routing", ...page(() => import("../features/routing/pages/routing-rules-page"), (m) => m.RoutingRulesPage) },
      { path: "pods", ...page(() => import("../features/routing/pages/pods-page"), (m) => m.PodsPage) },
      { path: "playbooks", ...page(() => import("../features/playbooks/pages/playbooks-settings-page"), (m) => m.PlaybooksSettingsPage) },
      { path: "sla", ...page(() => import("../features/sla/pages/sla-settings-page"), (m) => m.SlaSettingsPage) },
      { path: "webhooks", ...page(() => import("../features/webhooks/pages/webhooks-page"), (m) => m.WebhooksPage) },
      { path: "capture", ...page(() => import("../features/capture/pages/capture-settings-page"), (m) => m.CaptureSettingsPage) },
    ],
  },
  ...UPCOMING_MODULES.map((module) => ({ path: module.path, element: <ComingSoonPage module={module} /> })),
  { path: "*", element: <NotFoundPage /> },
];

/** The app's routes: public sign-in pages, then everything else behind RequireAuth inside the shell. */
export const router = createBrowserRouter([
  { path: "/login", errorElement: <RouteErrorPage />, ...page(() => import("../features/auth/pages/login-page"), (m) => m.LoginPage) },
  { path: "/invite/:token", errorElement: <RouteErrorPage />, ...page(() => import("../features/auth/pages/accept-invite-page"), (m) => m.AcceptInvitePage) },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [{ element: <AppLayout />, errorElement: <RouteErrorPage />, children: appRoutes }],
  },
]);
