/**
 * The wire between a register and its store server (issue 17), shared by both ends: paths, headers
 * and message shapes. See [Note: pairing proofs] and [Note: register credentials].
 */
import { z } from 'zod';

/** POST here with {@link PairRequest} to pair. */
export const PAIR_PATH = '/registers/pair';
/** WebSocket upgrade here, with the register's id and credential, for the authenticated link. */
export const LINK_PATH = '/registers/link';
/** Header carrying the register's id on the link's upgrade; the credential goes in `authorization: Bearer`. */
export const REGISTER_ID_HEADER = 'x-caja-register';
/** Close code for a register revoked while connected (4000–4999: the application's own). */
export const CLOSE_REVOKED = 4403;

/** What a joining register sends: its name and its proof (never the code itself). */
export const pairRequest = z
  .object({ name: z.string().max(200), proof: z.string().regex(/^[\w-]{43}$/) })
  .strict();
export type PairRequest = z.infer<typeof pairRequest>;

/** The server's answer to a good proof: the register's identity and the server's own proof. */
export const pairResponse = z
  .object({
    registerId: z.number().int().positive(),
    name: z.string(),
    credential: z.string().regex(/^[\w-]{43}$/),
    serverProof: z.string(),
  })
  .strict();
export type PairResponse = z.infer<typeof pairResponse>;

/** The server's first message on an accepted link. */
export const welcomeMessage = z
  .object({ type: z.literal('welcome'), registerId: z.number().int(), name: z.string() })
  .strict();

/** Register → server: one contract call on the link (the same shape as the loopback page's). */
export const linkInvoke = z
  .object({
    type: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(200),
    args: z.unknown(),
  })
  .strict();

/** Server → register: the reply to one call, or one event (validated in shape; the payload is the contract's). */
export const linkServerMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('reply'),
      id: z.number().int().nonnegative(),
      reply: z.union([
        z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
        z
          .object({
            ok: z.literal(false),
            error: z.object({ code: z.string(), message: z.string() }).passthrough(),
          })
          .strict(),
      ]),
    })
    .strict(),
  z.object({ type: z.literal('event'), event: z.string().max(200), payload: z.unknown() }).strict(),
]);

/** Calls one link may have in flight at the server; more are refused (`rate_limited`), never queued. */
export const MAX_IN_FLIGHT_PER_LINK = 32;
