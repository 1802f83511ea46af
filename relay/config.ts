// Relay options with their defaults, validated once at start-up.
import { z } from 'zod';
import {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_HEARTBEAT_TIMEOUT_MS,
  DEFAULT_HELLO_TIMEOUT_MS,
  DEFAULT_MAX_IN_FLIGHT,
} from './protocol/messages';

/** Validated relay options (see README "Configuration"). */
export const relayOptionsSchema = z
  .object({
    /** SQLite's directory (the embedded default); unused when `databaseUrl` is set. */
    dataDir: z.string().min(1).optional(),
    /** postgres://… selects PostgreSQL and allows several instances on one database (issue 18). Never logged. */
    databaseUrl: z
      .string()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'databaseUrl must be a postgres:// or postgresql:// URL')
      .optional(),
    /**
     * Which thread makes SQLite's writes durable: `auto` times the data directory's fsync at start (see
     * [Note: which thread writes] in storage/writer-choice.ts); unused on PostgreSQL.
     */
    sqliteWriter: z.enum(['auto', 'thread', 'inline']).default('auto'),
    /** Fallback poll of streamed stores' last seqs, for a NOTIFY lost during a reconnection (PostgreSQL only). */
    pollIntervalMs: z.number().int().positive().default(1000),
    /** 0 lets the OS choose; read the chosen port from the handle's `url`. */
    port: z.number().int().min(0).max(65535).default(0),
    /** Loopback by default; production puts a TLS reverse proxy in front (README "Deployment"). */
    host: z.string().min(1).default('127.0.0.1'),
    /**
     * Kushki's payloads are about 1 KiB; 64 KiB leaves room for unknown fields and stops abuse. At most 256 KiB: a
     * body can grow to twice its size once escaped into a stream frame, and Caja refuses frames over 1 MiB.
     */
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .max(256 * 1024)
      .default(64 * 1024),
    /** Per-store token bucket at ingress (README "Limits"): webhooks a store may post at once… */
    ingressBurst: z.number().int().positive().default(60),
    /** …and how many more per second after that. Past the bucket ingress answers 429 with Retry-After. */
    ingressRefillPerSecond: z.number().positive().default(10),
    /** Slow-loris guard: a request's headers must arrive within this (Kushki itself gives up after 2 s)… */
    headersTimeoutMs: z.number().int().positive().default(5000),
    /** …and the whole request within this (at least `headersTimeoutMs`; Node refuses to start otherwise). */
    requestTimeoutMs: z.number().int().positive().default(10_000),
    /**
     * A webhook not stored after this long is answered 503 unstored. Default: 1.5 s on SQLite (every answer under
     * Kushki's 2 s); 8 s on PostgreSQL, see [Note: PostgreSQL answers late rather than 503] in relay.ts.
     */
    ingressDeadlineMs: z.number().int().positive().optional(),
    maxBatch: z.number().int().positive().default(512),
    heartbeatIntervalMs: z.number().int().positive().default(DEFAULT_HEARTBEAT_INTERVAL_MS),
    heartbeatTimeoutMs: z.number().int().positive().default(DEFAULT_HEARTBEAT_TIMEOUT_MS),
    helloTimeoutMs: z.number().int().positive().default(DEFAULT_HELLO_TIMEOUT_MS),
    maxInFlight: z.number().int().positive().default(DEFAULT_MAX_IN_FLIGHT),
    retentionDays: z.number().positive().default(30),
    pruneIntervalMs: z
      .number()
      .int()
      .positive()
      .default(60 * 60 * 1000),
    /** Acks are advisory (the client's cursor is the truth), so they are persisted in batches. */
    ackFlushIntervalMs: z.number().int().positive().default(5000),
    /** Billpocket public keys by `X-BP-SignatureKey` index, PEM text. */
    bpPublicKeys: z.record(z.string(), z.string()).default({}),
    /** Refuse webhooks whose Billpocket signature is absent or cannot be checked. */
    requireBpSignature: z.boolean().default(false),
    /**
     * Bearer token GET /metrics requires; without one /metrics is open to whoever reaches the port (the default
     * bind is 127.0.0.1, and the deployment's proxy denies /metrics). Never logged.
     */
    metricsToken: z.string().min(16).optional(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .refine(
    (c) => c.dataDir !== undefined || c.databaseUrl !== undefined,
    'dataDir or databaseUrl is required',
  );

/** Options as a caller passes them (defaults optional). */
export type RelayOptionsInput = z.input<typeof relayOptionsSchema>;
/** Options after defaults. */
export type RelayConfig = z.output<typeof relayOptionsSchema>;
