/**
 * Transport-agnostic dispatch: channel check → zod validation → the channel's policy → handler →
 * Result envelope. Both shells call `dispatch`; neither can skip validation or authorization, or leak
 * a thrown error's details. See [Note: channel policies].
 */
import { randomUUID } from 'node:crypto';
import type { ArgsOf, Channel, Reply, ValueOf } from './contract';
import { isChannel } from './channels';
import { CHANNEL_POLICIES, type Authorize } from './policies';
import { argSchemas } from './schemas';
import { fail, ok, type Result } from '../domain/result';
import type { Logger } from '../ports/logger.port';

/** A handler may return a plain value (success) or a Result (expected failure). */
export type Handler<C extends Channel> = (
  args: ArgsOf<C>,
) => ValueOf<C> | Result<ValueOf<C>> | Promise<ValueOf<C> | Result<ValueOf<C>>>;

/** One handler per channel; a missing one fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** Dispatches one untrusted call. Never throws. */
export type Dispatch = (channel: unknown, args: unknown) => Promise<Reply<Channel>>;

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean' &&
    ('value' in value || 'error' in value)
  );
}

/**
 * Builds the dispatch function over a complete handler map. `authorize` is required: no shell can
 * build a dispatch that skips the channels' policies.
 */
export function createDispatch(handlers: Handlers, logger: Logger, authorize: Authorize): Dispatch {
  return async (channel, args) => {
    if (!isChannel(channel)) {
      // The name is echoed only after a length cut: it came from an untrusted caller.
      const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return fail('unknown_channel', `Unknown channel: ${shown}`);
    }
    const parsed = argSchemas[channel].safeParse(args ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }));
      return fail('validation_failed', `Invalid arguments for ${channel}`, { issues });
    }
    try {
      // After validation, as the handler guards it replaces ran: a malformed call still answers
      // validation_failed whoever is signed in.
      const refused = authorize(CHANNEL_POLICIES[channel]);
      if (refused) return { ok: false, error: refused };
      const handler = handlers[channel] as Handler<Channel>;
      const outcome = await handler(parsed.data as never);
      return isResult(outcome) ? (outcome as Reply<Channel>) : ok(outcome);
    } catch (error) {
      const correlationId = randomUUID();
      logger.error('handler threw', { channel, correlationId, error });
      return fail('internal', 'Unexpected error; see the log under this correlation id.', { correlationId });
    }
  };
}
