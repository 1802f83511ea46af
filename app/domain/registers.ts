/**
 * Several registers in one store (issue 17, deliverables 2 and 5): what the office sees of the
 * registers paired with this store server, and the shape of a pairing code. No Node imports.
 */

/**
 * The store server's own counter: register 0, a row of `registers` since migration 017 that never
 * authenticates over the link and cannot be revoked. See [Note: register on the book].
 */
export const SERVER_REGISTER_ID = 0;

/** A register paired with this store server, as the manager sees it (never its credential). */
export interface RegisterView {
  id: number;
  name: string;
  pairedAt: number;
  /** When the manager revoked it; a revoked register is refused at once and for good. */
  revokedAt: number | null;
  /** The last time it connected with its credential, or null if it never did after pairing. */
  lastSeen: number | null;
}

/** The manager's one-time pairing code, to type on the register that joins. */
export interface PairingCodeView {
  /** Grouped for reading aloud, e.g. `K7QMX-4R2P9`; the dash is optional when typed. */
  code: string;
  expiresAt: number;
}

/**
 * [Note: pairing code strength]
 * The register never sends the code: it proves it knows it with an HMAC over the certificate it
 * saw (app/infra/registers/pairing-proof.ts). A machine in the middle of the first contact could
 * try every code against that proof offline, so the code carries about 49 bits (10 symbols of 31), far
 * beyond what anyone can try in the code's lifetime; online guesses are capped per code. The
 * alphabet leaves out 0/O and 1/I/L so a code read aloud is typed right.
 */
export const PAIRING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Symbols in a pairing code. */
export const PAIRING_CODE_LENGTH = 10;

/** How long a pairing code may be used. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/** Wrong attempts a code survives; the next wrong one burns it and the manager makes a new one. */
export const PAIRING_MAX_WRONG_ATTEMPTS = 5;

/** Longest register name. */
export const REGISTER_NAME_MAX = 40;

/** A typed code in its canonical form: upper case, no dashes or spaces. */
export function normalizePairingCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The code as shown: two groups of five. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * A joined register's link to its store server, as its own windows see it (issue 17, item 4): `up`
 * while calls go through, `down` while the server cannot be reached (every call is refused with
 * `store_server_unreachable` and the link retries), `revoked` once the manager revoked it.
 */
export interface RegisterLinkView {
  state: 'up' | 'down' | 'revoked';
  registerId: number;
  name: string;
  /** The store server's `https://host:port`. */
  serverUrl: string;
}

/**
 * Whether this PC serves registers and where (`office.registers.server.get`): the URLs a joining
 * register types (`https://<lan-ip>:<port>`) and the certificate's fingerprint, whose first groups
 * the cashier compares on the other PC. Not serving: no URL, no fingerprint.
 */
export interface RegisterServerInfo {
  serving: boolean;
  urls: string[];
  fingerprint: string | null;
}

/** The first-run screen's «Unirse a una caja principal» (`store.join`). */
export interface StoreJoinInput {
  /** `https://<server>:<port>`, as the store server's Cajas tab shows it. */
  serverUrl: string;
  pairingCode: string;
  /** How the office will list this register. */
  registerName: string;
}

/** What a register learnt by joining (nothing secret: the credential stays in its vault). */
export interface JoinedRegister {
  registerId: number;
  name: string;
  serverUrl: string;
  fingerprint: string;
}

/** Groups of a fingerprint shown for comparing by eye on two screens: 64 bits, enough to tell certificates apart. */
const FINGERPRINT_GROUPS_SHOWN = 8;

/** The first groups of a fingerprint (`AB:CD:…`), e.g. `AB:CD:EF:12:34:56:78:9A…`. */
export function fingerprintStart(fingerprint: string): string {
  const groups = fingerprint.split(':');
  const shown = groups.slice(0, FINGERPRINT_GROUPS_SHOWN).join(':');
  return groups.length > FINGERPRINT_GROUPS_SHOWN ? `${shown}…` : shown;
}
