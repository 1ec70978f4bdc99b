import type { OutboxChannel } from "@jiangxin/domain";
import type { Db } from "../db/database";
import { notifications, outbox } from "./tables";
import type { TodoSource } from "./raiseTodo";

/**
 * An outside recipient as stored: encrypted with ctx.cipher, plus its masked copy for screens. A module
 * that already keeps the phone encrypted (an expert's) passes its own ciphertext; nothing is decrypted
 * until a sender claims the message.
 */
export type SealedRecipient = { encrypted: string; masked: string };

export type OutsideMessage = { channel: OutboxChannel; recipient: SealedRecipient; text: string };

export type Notify = {
  userIds: readonly string[];
  title: string;
  body: string;
  link?: string | null;
  source?: TodoSource;
  /** Also send these outside (SMS, 浙政钉, WeChat) through the outbox. */
  outside?: readonly OutsideMessage[];
  at: Date;
};

/** Stores a notification per recipient user (unread), and queues its outside messages; in the caller's transaction. */
export async function notify(tx: Db, n: Notify): Promise<void> {
  const source = { sourceProgramme: n.source?.programme ?? null, sourceRecordId: n.source?.recordId ?? null };
  const users = [...new Set(n.userIds)];
  if (users.length > 0) {
    await tx.insert(notifications).values(users.map((userId) => ({ userId, title: n.title, body: n.body, link: n.link ?? null, ...source, createdAt: n.at })));
  }
  for (const m of n.outside ?? []) await enqueueOutside(tx, { ...m, source: n.source, at: n.at });
}

/** Queues one outside message for a sender to claim (docs/inbox.md); in the caller's transaction. */
export async function enqueueOutside(tx: Db, m: OutsideMessage & { source?: TodoSource; at: Date }): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      channel: m.channel,
      recipientEnc: m.recipient.encrypted,
      recipientMasked: m.recipient.masked,
      text: m.text,
      sourceProgramme: m.source?.programme ?? null,
      sourceRecordId: m.source?.recordId ?? null,
      createdAt: m.at,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}
