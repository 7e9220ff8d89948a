import { z } from 'zod';

/**
 * The "Guardado" handshake, carried in Hocuspocus stateless messages.
 *
 * Hocuspocus acknowledges an update as soon as it is applied in memory; that is not
 * durability. cocrea's server writes every update to its durable log before applying it, and
 * processes a connection's messages strictly in order. So a client that sends
 * `{"type":"flush","id":n}` after its edits and receives `{"type":"saved","id":n}` knows
 * that every edit it sent before the flush is on disk.
 */
export const flushMessageSchema = z.object({ type: z.literal('flush'), id: z.number().int().nonnegative() });

/** Sent by the server once everything before the matching flush is durable. */
export const savedMessageSchema = z.object({ type: z.literal('saved'), id: z.number().int().nonnegative() });

/** Sent by the server instead of `saved` when the document is read-only: those edits were refused. */
export const readOnlyMessageSchema = z.object({ type: z.literal('read-only'), id: z.number().int().nonnegative() });

/**
 * Sent by the server when a flush has waited longer than its stall threshold (`SAVE_STALL_SECONDS`)
 * for the disk or database: the edits are held in memory and relayed, but not stored. The client
 * should say so plainly and ask the person not to close the page.
 */
export const saveStalledMessageSchema = z.object({ type: z.literal('save-stalled') });

/**
 * Sent by the server when the writes of a stalled flush have reached the disk after all; the
 * matching `saved` follows at once. A client may treat any `saved` as the end of a stall too.
 */
export const saveResumedMessageSchema = z.object({ type: z.literal('save-resumed') });

/** Client → server: "tell me when everything I sent so far is durable". */
export type FlushMessage = z.infer<typeof flushMessageSchema>;
/** Server → client: "everything you sent before flush `id` is durable". */
export type SavedMessage = z.infer<typeof savedMessageSchema>;
/** Server → client: "this document is read-only; your edits were not stored". */
export type ReadOnlyMessage = z.infer<typeof readOnlyMessageSchema>;

/** Server → client: "your edits are not reaching the disk; keep this page open". */
export type SaveStalledMessage = z.infer<typeof saveStalledMessageSchema>;
/** Server → client: "the stalled writes are durable now". */
export type SaveResumedMessage = z.infer<typeof saveResumedMessageSchema>;

/** Parses a stateless payload as JSON and then with a schema; `null` when it does not fit. */
export function parseStateless<T>(schema: z.ZodType<T>, payload: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
