import { z } from 'zod';
import { LockstepError } from '../../errors';

/**
 * Shapes of the Tuya replies Lockstep reads. Every reply is parsed before
 * use; unknown extra fields are ignored so cloud additions do not break us.
 */
export const envelopeSchema = z.object({
  success: z.boolean(),
  result: z.unknown().optional(),
  code: z.number().optional(),
  msg: z.string().optional(),
  t: z.number().optional(),
  tid: z.string().optional(),
});

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Lifetime in seconds from now. */
  expire_time: z.number().positive(),
  uid: z.string(),
});
export type TokenReply = z.infer<typeof tokenSchema>;

export const ticketSchema = z.object({
  ticket_id: z.string().min(1),
  ticket_key: z.string().min(1),
  /** Remaining validity in seconds. */
  expire_time: z.number(),
});

const idish = z.union([z.string(), z.number()]).transform(String);

export const createdSchema = z.object({ id: idish });

export const tempPasswordSchema = z.object({
  id: idish,
  name: z.string().default(''),
  phase: z.number(),
  /** Seconds since the epoch. */
  effective_time: z.number(),
  invalid_time: z.number(),
  delivery_status: z.number().optional(),
});
export type TempPassword = z.infer<typeof tempPasswordSchema>;

export const deviceSchema = z.object({
  id: z.string(),
  name: z.string().default(''),
  online: z.boolean(),
  category: z.string().default(''),
  sub: z.boolean().optional(),
});

export const statusSchema = z.array(
  z.object({ code: z.string(), value: z.unknown() }),
);

export const devicePageSchema = z.object({
  devices: z.array(deviceSchema),
  has_more: z.boolean(),
  last_row_key: z.string().optional(),
});

/** Parses a reply's `result`; a mismatch means the cloud changed its API. */
export function parseReply<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new LockstepError(
    'provider_unreachable',
    `The Tuya cloud sent an unexpected ${what} reply.`,
    { cause: parsed.error },
  );
}
