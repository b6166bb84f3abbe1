import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { messages } from "../../db/schema/index.js";
import type { MessageKind, MessageListQuery } from "../../../shared/contracts/enablement-messages.js";

export type MessageRow = {
  id: string;
  kind: MessageKind;
  title: string;
  body: string;
  personaId: string | null;
  personaName: string | null;
  productId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  archivedAt: Date | null;
  rank: number;
  createdAt: Date;
  updatedAt: Date;
};

const byId = (workspaceId: string, id: string) => and(eq(messages.workspaceId, workspaceId), eq(messages.id, id));

function select(where: SQL, rank: SQL, order: SQL, limit: number) {
  return sql`
    select m.id, m.kind, m.title, m.body, m.persona_id as "personaId", p.name as "personaName", m.product_id as "productId",
           m.owner_id as "ownerId", u.name as "ownerName", m.archived_at as "archivedAt", ${rank}::float8 as rank,
           m.created_at as "createdAt", m.updated_at as "updatedAt", count(*) over ()::int as total
    from messages m
    left join personas p on p.workspace_id = m.workspace_id and p.id = m.persona_id
    left join users u on u.id = m.owner_id
    where ${where}
    order by ${order}
    limit ${limit}`;
}

const dates = (r: MessageRow): MessageRow => ({ ...r, archivedAt: r.archivedAt ? new Date(r.archivedAt) : null, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

/** Data access for the messaging library. */
export function createMessagesRepository() {
  return {
    /** Search and filters: ranked by ts_rank (title A, body B) with a query, then most recently changed. */
    async search(tx: Queryable, workspaceId: string, q: MessageListQuery): Promise<{ rows: MessageRow[]; total: number }> {
      const query = q.q ? sql`websearch_to_tsquery('english', ${q.q})` : null;
      const where = sql.join(
        [
          sql`m.workspace_id = ${workspaceId}`,
          q.archived ? sql`m.archived_at is not null` : sql`m.archived_at is null`,
          query ? sql`m.search @@ ${query}` : null,
          q.kind ? sql`m.kind = ${q.kind}` : null,
          q.personaId ? sql`m.persona_id = ${q.personaId}` : null,
          q.productId ? sql`m.product_id = ${q.productId}` : null,
        ].filter((x): x is SQL => x !== null),
        sql` and `,
      );
      const rank = query ? sql`ts_rank(m.search, ${query})` : sql`0`;
      const res = await tx.execute<MessageRow & { total: number }>(select(where, rank, sql`rank desc, m.updated_at desc, m.id`, q.limit));
      return { rows: res.rows.map(dates), total: res.rows[0]?.total ?? 0 };
    },

    /** The live messages of a persona and the general ones (no persona): the persona's first, then by kind and title. */
    async forPersona(tx: Queryable, workspaceId: string, personaId: string | null): Promise<MessageRow[]> {
      const where = sql`m.workspace_id = ${workspaceId} and m.archived_at is null and (m.persona_id is null or m.persona_id = ${personaId})`;
      const res = await tx.execute<MessageRow>(select(where, sql`0`, sql`(m.persona_id is null), lower(m.title), m.id`, 200));
      return res.rows.map(dates);
    },

    /** One message (locked for update when asked). */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<MessageRow | null> {
      if (lock) await tx.select({ id: messages.id }).from(messages).where(byId(workspaceId, id)).for("update");
      const res = await tx.execute<MessageRow>(select(sql`m.workspace_id = ${workspaceId} and m.id = ${id}`, sql`0`, sql`m.id`, 1));
      return res.rows[0] ? dates(res.rows[0]) : null;
    },

    /** Inserts a message. */
    async insert(tx: Queryable, row: typeof messages.$inferInsert): Promise<void> {
      await tx.insert(messages).values(row);
    },

    /** Changes a message. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof messages.$inferInsert>): Promise<void> {
      await tx.update(messages).set(patch).where(byId(workspaceId, id));
    },
  };
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;
