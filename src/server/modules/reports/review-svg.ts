/** Drawing helpers of the review's HTML export: inline SVG bars and the percent format (no scripts, nothing fetched). */
import { escapeHtml as e } from "../../platform/mail/html.js";

/** A share as a whole percent; "—" for a ratio without a denominator. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)} %`);

/** One labelled value of a bar chart. */
export type Bar = { label: string; value: number; note?: string };

/** A horizontal bar chart as inline SVG; values are drawn to scale against the largest. */
export function svgBars(bars: readonly Bar[], format: (v: number) => string, color = "#228be6"): string {
  if (bars.length === 0) return `<p class="muted">Nothing recorded in this quarter.</p>`;
  const rowH = 26;
  const labelW = 230;
  const barW = 330;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH;
      const w = Math.max(1, Math.round((b.value / max) * barW));
      return `<text x="0" y="${y + 17}" class="l">${e(b.label.length > 38 ? `${b.label.slice(0, 37)}…` : b.label)}</text>
<rect x="${labelW}" y="${y + 5}" width="${w}" height="16" rx="2" fill="${color}"/>
<text x="${labelW + w + 6}" y="${y + 17}" class="v">${e(format(b.value))}${b.note ? ` · ${e(b.note)}` : ""}</text>`;
    })
    .join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${labelW + barW + 140} ${bars.length * rowH}" role="img">${rows}</svg>`;
}
