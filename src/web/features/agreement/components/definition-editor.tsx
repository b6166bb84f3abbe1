import type { ReactNode } from "react";
import { Alert, Button, Checkbox, Grid, Group, List, NumberInput, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { GRADES } from "../../../../shared/contracts/agreement.js";
import { LIMITS } from "../../../../shared/limits.js";
import { describeMqlRule } from "../../../lib/agreement-labels";
import { fitGradeColor } from "../../../lib/labels";
import { newEngagementRule, type NumberValue } from "../hooks/definition-draft";
import type { DefinitionForm } from "../hooks/use-definition-form";
import { EngagementRuleCard } from "./engagement-rule-card";
import { FitRulesEditor } from "./fit-rules-editor";
import { EmptyPanel } from "../../../components/empty-panel";

function Section({ title, description, children, testId }: { title: string; description: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={4} fz="md">
        {title}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {description}
      </Text>
      {children}
    </Paper>
  );
}

const asNumber = (v: NumberValue) => (typeof v === "number" ? v : v === "" ? Number.NaN : Number(v));

const FIELD_WORDS: Record<string, string> = { label: "name", points: "points", value: "value", field: "field", op: "operator", count: "limit", windowDays: "limit window", types: "touch types", channels: "channels", campaignIds: "campaigns", properties: "properties" };

/** Where a path's error is shown, in words, for the summary above the form: `fitRules.2.points` → `Fit rule 3, points`. */
function placeOf(path: string): string {
  const parts = path.split(".");
  const [area, index] = parts;
  const field = parts.slice(2).reverse().find((p) => p in FIELD_WORDS);
  const condition = parts[2] === "conditions" && parts[3] !== undefined ? `, condition ${Number(parts[3]) + 1}` : "";
  const detail = `${condition}${field ? `, ${FIELD_WORDS[field]}` : ""}`;
  if (area === "fitRules" && index !== undefined) return `Fit rule ${Number(index) + 1}${detail}`;
  if (area === "engagementRules" && index !== undefined) return `Engagement rule ${Number(index) + 1}${detail}`;
  if (area === "gradeThresholds") return "Grades";
  if (area === "mqlRule") return "MQL rule";
  if (area === "halfLifeDays") return "Half-life";
  return area === "notes" ? "Notes" : "The definition";
}

function ErrorSummary({ form }: { form: DefinitionForm }) {
  const entries = Object.entries(form.errors);
  if (!entries.length && !form.formError) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Some rules need fixing before they can be saved" data-testid="definition-errors">
      {form.formError && <Text fz="sm">{form.formError}</Text>}
      <List size="sm" spacing={2}>
        {entries.slice(0, 8).map(([path, message]) => (
          <List.Item key={path}>
            {placeOf(path)}: {message}
          </List.Item>
        ))}
      </List>
      {entries.length > 8 && <Text fz="xs">…and {entries.length - 8} more, marked below.</Text>}
    </Alert>
  );
}

/** The whole definition as forms: fit rules, grades, engagement rules with decay, the MQL rule and notes. */
export function DefinitionEditor({ form, readOnly }: { form: DefinitionForm; readOnly: boolean }) {
  const d = form.draft;
  const setThreshold = (grade: "A" | "B" | "C", v: NumberValue) => form.edit((x) => ({ ...x, gradeThresholds: { ...x.gradeThresholds, [grade]: v } }), "gradeThresholds");
  const threshold = asNumber(d.mqlRule.engagementThreshold);
  const preview = d.mqlRule.grades.length && Number.isFinite(threshold) ? describeMqlRule({ grades: d.mqlRule.grades as (typeof GRADES)[number][], engagementThreshold: threshold }) : null;
  const gradeError = form.error("gradeThresholds.A") ?? form.error("gradeThresholds");
  return (
    <Stack gap="md">
      <ErrorSummary form={form} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Section title="Fit rules" description="Who is a good match. A contact earns a rule's points when all its conditions hold; negative points mark traits to avoid." testId="fit-section">
              <FitRulesEditor form={form} readOnly={readOnly} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Section title="MQL rule" description="When a lead is handed to sales." testId="mql-section">
              <Stack gap="sm">
                <Checkbox.Group label="Fit grades that qualify" value={d.mqlRule.grades} onChange={(grades) => form.edit((x) => ({ ...x, mqlRule: { ...x.mqlRule, grades } }), "mqlRule.grades")} error={form.error("mqlRule.grades")}>
                  <Group gap="lg" mt={6} wrap="nowrap">
                    {GRADES.map((g) => (
                      <Checkbox key={g} value={g} label={g} aria-label={`Grade ${g}`} color={fitGradeColor(g)} disabled={readOnly} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <NumberInput label="Engagement of at least" min={0} value={d.mqlRule.engagementThreshold} readOnly={readOnly} error={form.error("mqlRule.engagementThreshold")} onChange={(v) => form.edit((x) => ({ ...x, mqlRule: { ...x.mqlRule, engagementThreshold: v } }), "mqlRule.engagementThreshold")} />
                <Text fz="sm" p="xs" bg="var(--mantine-color-indigo-light)" style={{ borderRadius: 6 }} data-testid="mql-preview">
                  {preview ? `A lead becomes an MQL when it has ${preview}.` : "Choose at least one grade and a threshold."}
                </Text>
              </Stack>
            </Section>
            <Section title="Grades" description="Minimum fit points for each grade; anything below C is D.">
              <Group gap="xs" grow align="flex-start">
                {(["A", "B", "C"] as const).map((g) => (
                  <NumberInput key={g} label={`${g} from`} allowDecimal={false} value={d.gradeThresholds[g]} readOnly={readOnly} error={g === "A" ? !!gradeError : form.error(`gradeThresholds.${g}`)} onChange={(v) => setThreshold(g, v)} />
                ))}
              </Group>
              {gradeError && (
                <Text fz="xs" c="red" mt={4}>
                  {gradeError}
                </Text>
              )}
            </Section>
            <Section title="Fading" description="Engagement halves every so many days without new touches.">
              <NumberInput label="Half-life (days)" min={1} max={3650} value={d.halfLifeDays} readOnly={readOnly} error={form.error("halfLifeDays")} onChange={(v) => form.edit((x) => ({ ...x, halfLifeDays: v }), "halfLifeDays")} />
            </Section>
            <Section title="Notes" description="Why this version: what changed and what both sides agreed.">
              <Textarea aria-label="Notes" autosize minRows={3} maxRows={10} maxLength={LIMITS.longText} value={d.notes} readOnly={readOnly} error={form.error("notes")} placeholder={readOnly ? "No notes" : "e.g. Raise the bar for SMB leads after Q2 review"} onChange={(e) => form.edit((x) => ({ ...x, notes: e.currentTarget.value }), "notes")} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <Section title="Engagement rules" description="What contacts do. Each touch is scored by the first rule it matches, from the top; scores fade with the half-life." testId="engagement-section">
        <Stack gap="sm">
          {d.engagementRules.length === 0 && <EmptyPanel title="No engagement rules" description="No touch scores, so nobody reaches an engagement threshold above 0." />}
          {d.engagementRules.map((r, i) => (
            <EngagementRuleCard key={r.key} rule={r} index={i} count={d.engagementRules.length} form={form} readOnly={readOnly} />
          ))}
          {!readOnly && (
            <Button variant="default" leftSection={<IconPlus size={16} />} style={{ alignSelf: "flex-start" }} disabled={d.engagementRules.length >= 100} onClick={() => form.edit((x) => ({ ...x, engagementRules: [...x.engagementRules, newEngagementRule()] }))}>
              Add engagement rule
            </Button>
          )}
        </Stack>
      </Section>
    </Stack>
  );
}
