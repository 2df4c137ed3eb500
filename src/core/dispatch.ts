import type { z } from 'zod';
import {
  contract,
  type CallResult,
  type Channel,
  type ChannelOutput,
  type FieldProblem,
  type LockstepHandlers,
} from '../shared';
import { isLockstepError } from './errors';
import type { Logger } from './log';

/**
 * Runs one contract call for any transport (IPC or HTTP): parses the raw
 * argument with the channel's schema, calls the handler, and turns every
 * outcome into a `CallResult`. Never throws.
 */
export async function dispatch<C extends Channel>(
  handlers: LockstepHandlers,
  channel: C,
  rawInput: unknown,
  log: Logger,
): Promise<CallResult<ChannelOutput<C>>> {
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = zodProblems(parsed.error);
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      },
    };
  }

  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = (await handler(parsed.data)) as ChannelOutput<C>;
    return { ok: true, value };
  } catch (error) {
    if (isLockstepError(error)) {
      const fields = error.options.fields;
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(fields ? { fields } : {}),
        },
      };
    }
    log.error('call failed', { channel, error: describeUnknown(error) });
    return {
      ok: false,
      error: { code: 'internal', message: describeUnknown(error) },
    };
  }
}

/** Every issue in a zod error as a dotted field path and a message. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
}

export function describeUnknown(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
