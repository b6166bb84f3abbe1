/**
 * CSV for exports (RFC 4180: fields quoted when they hold a quote, comma, CR or LF; quotes doubled; CRLF between
 * and after records), safe to open in a spreadsheet.
 *
 * Formula neutralisation: a text cell whose first non-whitespace character is `=`, `+`, `-` or `@` (or their
 * full-width forms), or that starts with a tab or CR (also after leading spaces), is written with a `'` in front,
 * so Excel, LibreOffice and Google Sheets show it as text instead of evaluating it. The leading spaces stay, after
 * the `'`.
 *
 * Numbers are not text: a value typed as a `number` is written as the number (`-12.5`, `1e+21`), without the
 * prefix, so a negative amount stays a negative number in the spreadsheet. A finite number's digits cannot carry a
 * formula. The same characters in a string (`"-12.5"`) are text and get the prefix. Non-finite numbers (NaN,
 * ±Infinity) and null/undefined are empty cells; dates are ISO-8601 timestamps; booleans `true`/`false`.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

/** One column of an export: its header and how to read the cell from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const CONTROL_START = /^ *[\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Whether a text cell would be read as a formula (or start with a control character) by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) || CONTROL_START.test(text);
}

/** One value as a CSV field: neutralised if it is formula-like text, then quoted when RFC 4180 requires it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString()) : value;
  if (isFormulaLike(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: the fields joined by commas, ending in CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A whole CSV document: the header record, then one record per row. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let out = csvRecord(columns.map((c) => c.header));
  for (const row of rows) out += csvRecord(columns.map((c) => c.value(row)));
  return out;
}
