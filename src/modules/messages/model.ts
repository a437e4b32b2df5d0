// Every request and response schema of the in-app messages (decision 0020).
import { z } from '@hono/zod-openapi';

export const ZUserMessage = z.object({
  id: z.string(), subject: z.string(), text: z.string(),
  /** A path inside the app to open, e.g. `/utstyr/bytte/{id}`; null when the message needs no action. */
  link: z.string().nullable(),
  source: z.string(), createdAt: z.string(), readAt: z.string().nullable(),
}).openapi('UserMessage');
export type TUserMessage = z.infer<typeof ZUserMessage>;

export const ZUserMessageList = z.object({
  messages: z.array(ZUserMessage),
  /** Unread among all the reader's messages, not only the ones listed. */
  unread: z.number().int().min(0),
}).openapi('UserMessageList');
export type TUserMessageList = z.infer<typeof ZUserMessageList>;

export const ZUserMessageListQuery = z.object({
  limit: z.coerce.number().int().min(1, 'Minst 1').max(200, 'Høyst 200').optional(),
});

export const ZUserMessageReadRequest = z.object({ read: z.boolean() }).openapi('UserMessageReadRequest');
export type TUserMessageReadRequest = z.infer<typeof ZUserMessageReadRequest>;
