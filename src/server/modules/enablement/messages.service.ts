import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import type { ContactMessaging, CreateMessageBody, Message, MessageList, MessageListQuery, UpdateMessageBody } from "../../../shared/contracts/enablement-messages.js";
import type { NamesAccess, PersonaAccess } from "../crm/index.js";
import type { MessageRow, MessagesRepository } from "./messages.repository.js";
import type { PersonasRepository } from "./personas.repository.js";
import { requirePersonaManager } from "./enablement.policy.js";

type Deps = {
  db: Database;
  repo: MessagesRepository;
  personas: Pick<PersonasRepository, "findById" | "findByName">;
  clock: Clock;
  crm: { names: Pick<NamesAccess, "productNames">; personaAccess: Pick<PersonaAccess, "personaOf"> };
  isActiveMember: (tx: Queryable, workspaceId: string, userId: string) => Promise<boolean>;
};

/** The messaging library: value propositions, FAQs and talk tracks per persona and product (docs/ENABLEMENT.md). */
export function createMessagesService({ db, repo, personas, clock, crm, isActiveMember }: Deps) {
  async function present(tx: Queryable, workspaceId: string, rows: MessageRow[]): Promise<Message[]> {
    const products = await crm.names.productNames(tx, workspaceId, rows.flatMap((r) => (r.productId ? [r.productId] : [])));
    return rows.map(({ total: _t, ...r }: MessageRow & { total?: number }) => ({ ...r, rank: Number(r.rank), productName: r.productId ? (products.get(r.productId) ?? null) : null }));
  }

  async function one(tx: Queryable, workspaceId: string, id: string): Promise<Message> {
    const row = await repo.findById(tx, workspaceId, id);
    if (!row) throw notFound("Message");
    return (await present(tx, workspaceId, [row]))[0]!;
  }

  async function checkRefs(tx: Tx, workspaceId: string, body: Pick<UpdateMessageBody, "personaId" | "productId" | "ownerId">) {
    if (body.personaId && !(await personas.findById(tx, workspaceId, body.personaId))) throw invalidField("body.personaId", "no such persona");
    if (body.productId && !(await crm.names.productNames(tx, workspaceId, [body.productId])).has(body.productId)) throw invalidField("body.productId", "no such product");
    if (body.ownerId && !(await isActiveMember(tx, workspaceId, body.ownerId))) throw invalidField("body.ownerId", "not an active member");
  }

  /** Searches and filters the library (live messages unless archived ones are asked for). */
  function listMessages(ctx: RequestContext, query: MessageListQuery): Promise<MessageList> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const { rows, total } = await repo.search(tx, ctx.workspaceId, query);
      return { items: await present(tx, ctx.workspaceId, rows), total };
    });
  }

  /** One message. */
  function getMessage(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, (tx) => one(tx, ctx.workspaceId, id));
  }

  /** Writes a message; the owner defaults to the author. */
  function createMessage(ctx: RequestContext, body: CreateMessageBody) {
    requirePersonaManager(ctx.actor, "write messaging");
    const now = clock.now();
    const id = newId();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await checkRefs(tx, ctx.workspaceId, body);
      const ownerId = body.ownerId === undefined ? ctx.actor.userId : body.ownerId;
      await repo.insert(tx, { workspaceId: ctx.workspaceId, id, kind: body.kind, title: body.title, body: body.body, personaId: body.personaId ?? null, productId: body.productId ?? null, ownerId, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "message.created", entity: "message", entityId: id, changes: { ...body, ownerId } }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  /** Changes a message, or archives (`archived: true`) or restores it. */
  function updateMessage(ctx: RequestContext, id: string, body: UpdateMessageBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Message");
      requirePersonaManager(ctx.actor, "change messaging");
      await checkRefs(tx, ctx.workspaceId, body);
      const { archived, ...fields } = body;
      const archivedAt = archived === undefined ? undefined : archived ? (before.archivedAt ?? now) : null;
      await repo.update(tx, ctx.workspaceId, id, { ...fields, archivedAt, updatedAt: now });
      const action = archived === true && !before.archivedAt ? "message.archived" : archived === false && before.archivedAt ? "message.restored" : "message.updated";
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action, entity: "message", entityId: id, changes: diffFields(before, fields) }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  /** The messaging of a contact's persona (the definition of that name) with the general messages, by kind. */
  function contactMessaging(ctx: RequestContext, contactId: string): Promise<ContactMessaging> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const contact = await crm.personaAccess.personaOf(tx, ctx.workspaceId, contactId);
      if (!contact) throw notFound("Contact");
      const persona = contact.persona ? await personas.findByName(tx, ctx.workspaceId, contact.persona) : null;
      const items = await present(tx, ctx.workspaceId, await repo.forPersona(tx, ctx.workspaceId, persona?.id ?? null));
      return {
        persona: contact.persona,
        personaId: persona?.id ?? null,
        valueProps: items.filter((m) => m.kind === "value_prop"),
        talkTracks: items.filter((m) => m.kind === "talk_track"),
        faqs: items.filter((m) => m.kind === "faq"),
      };
    });
  }

  return { listMessages, getMessage, createMessage, updateMessage, contactMessaging };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
