import { Readable } from "node:stream";
import type { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { csvRecord, type CsvColumn } from "../../../shared/csv.js";
import type { Page } from "../../../shared/contracts/common.js";
import type { RequestContext } from "../actor.js";

/** Rows fetched per page: the largest page a list endpoint serves. */
export const EXPORT_PAGE_ROWS = 500;
/** A UTF-8 byte-order mark, so Excel reads accents and non-Latin names correctly. */
const BOM = "\uFEFF";
/** Records are written in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/** A list's CSV export, ready for an HTTP route and the CLI. */
export type CsvExport = {
  /** The list's name (`contacts`): the CLI argument and the file name. */
  list: string;
  /** The route under /api/v1 (`/contacts/export.csv`). */
  path: string;
  summary: string;
  tags: string[];
  /** The list's own query schema without `limit` and `cursor`. */
  filters: z.ZodObject;
  /**
   * Starts the export for parsed filters: the first page is read before this resolves, so a role that may not read
   * the list (403) or a bad filter (400) fails before a byte is sent. `onRow` counts rows (CLI progress).
   */
  open(ctx: RequestContext, filters: unknown, onRow?: () => void): Promise<Readable>;
};

/** Every row of a keyset-paged list, page after page: only one page is held in memory. */
export async function* allPages<T>(fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor, EXPORT_PAGE_ROWS);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The CSV text of `rows` in chunks: byte-order mark and header first, then formula-neutralised records. */
export async function* csvChunks<T>(columns: readonly CsvColumn<T>[], rows: AsyncIterable<T>, onRow?: () => void): AsyncGenerator<string> {
  let buf = BOM + csvRecord(columns.map((c) => c.header));
  for await (const row of rows) {
    buf += csvRecord(columns.map((c) => c.value(row)));
    onRow?.();
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/** Pulls the first row before handing the rest on, so errors of the first page surface before the response starts. */
async function primed<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = rows[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    },
  };
}

/** Where an export's rows come from: the list's keyset page read, or (for short bounded lists) its one read. */
type Source<S extends z.ZodObject, T> =
  | { page: (ctx: RequestContext, query: z.output<S>) => Promise<Page<T>> }
  | { all: (ctx: RequestContext, query: z.output<S>) => Promise<readonly T[]> };

/**
 * Defines a list's export from the list's query schema, its columns and the read the list itself uses: for a paged
 * list `page(ctx, { ...filters, limit, cursor })` page after page, so the export has the list's permissions,
 * tenancy, filters and order; for a short bounded list (a rep's inbox, the reason codes) its one read.
 */
export function defineCsvExport<S extends z.ZodObject, T>(
  d: { list: string; path: string; summary: string; tags: string[]; query: S; columns: readonly CsvColumn<T>[] } & Source<S, T>,
): CsvExport {
  const paging = Object.fromEntries(["limit", "cursor"].filter((k) => k in d.query.shape).map((k) => [k, true]));
  const filters = "page" in d ? d.query.omit(paging as never) : d.query;
  return {
    list: d.list,
    path: d.path,
    summary: d.summary,
    tags: d.tags,
    filters,
    async open(ctx, parsed, onRow) {
      // `parsed` is the output of `filters` (the route's validated query, or the CLI's parse): the list query
      // minus its paging, which allPages supplies.
      const base = parsed as z.output<S>;
      const source = "page" in d ? allPages((cursor, limit) => d.page(ctx, { ...base, limit, cursor })) : fromArray(d.all(ctx, base));
      return Readable.from(csvChunks(d.columns, await primed(source), onRow), { objectMode: false });
    },
  };
}

async function* fromArray<T>(rows: Promise<readonly T[]>): AsyncGenerator<T> {
  yield* await rows;
}

/** The GET routes of a module's exports: `text/csv`, UTF-8, an attachment named after the list. */
export function csvExportRoutes(exports: readonly CsvExport[]): FastifyPluginAsyncZod {
  return async (app) => {
    for (const e of exports) {
      app.get(e.path, { schema: { tags: e.tags, summary: e.summary, querystring: e.filters } }, async (req, reply) => {
        const body = await e.open(req.ctx, req.query);
        return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${e.list}.csv"`).send(body);
      });
    }
  };
}
