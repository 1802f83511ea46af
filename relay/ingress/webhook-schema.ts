// Lenient validation of Kushki's Mexico webhook (shared/kushki/cloud-terminal-api.md §3.2): known fields are
// typed, unknown fields are kept verbatim, and everything is optional because "some properties may be missing
// depending on the transaction". Where the docs note a surprising type (amount is a string, userID an integer)
// both forms are accepted: refusing a real payment result over a type quirk would lose it for good.
import { z } from 'zod';

/** Deepest JSON nesting accepted; Kushki's payload is flat, and this bounds recursion below. */
export const MAX_JSON_DEPTH = 16;

const text = z.string().max(2048);
const idLike = z.union([z.string().max(256), z.number().finite()]);
const money = z.union([z.string().max(32), z.number().finite()]);
const intLike = z.union([z.number().int(), z.string().regex(/^-?\d{1,18}$/)]);

/** The webhook body: known fields typed, unknown ones passed through. */
export const kushkiWebhookSchema = z
  .looseObject({
    result: text.nullish(),
    amount: money.nullish(),
    tip: money.nullish(),
    payments: intLike.nullish(),
    authorizationTime: text.nullish(),
    reference: text.nullish(),
    transactionid: idLike.nullish(),
    authorization: text.nullish(),
    creditcard: z.string().max(64).nullish(),
    cardtype: text.nullish(),
    arqc: text.nullish(),
    userID: intLike.nullish(),
    aid: text.nullish(),
    applabel: text.nullish(),
    url: text.nullish(),
    email: text.nullish(),
    phone: text.nullish(),
    cardBrand: text.nullish(),
    uniqueReference: idLike.nullish(),
    transactionType: text.nullish(),
    identifier: idLike.nullish(),
  })
  // Without any of these three the body cannot be matched to a payment: it is not a Kushki result.
  .refine((w) => w.result != null || w.transactionid != null || w.uniqueReference != null, {
    message: 'needs at least one of result, transactionid, uniqueReference',
  });

/** A validated webhook. */
export type KushkiWebhook = z.infer<typeof kushkiWebhookSchema>;

// [Note: webhook fast check] zod's safeParse was ~4–7% of the relay's CPU per webhook (issue 18's profile). The
// check below accepts only what the schema above certainly accepts (a subset: the same field rules, integers
// only when safe), so ingress asks zod only when it says no — for the refusal's wording, or for a value it does
// not vouch for — and the outcome for every body stays the schema's. Keep the two in step: the unit test draws
// random bodies and fails if this accepts one the schema refuses.
type FieldRule = (v: unknown) => boolean;
const isText =
  (max: number): FieldRule =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const isFinite: FieldRule = (v) => typeof v === 'number' && Number.isFinite(v);
const isIdLike: FieldRule = (v) => isText(256)(v) || isFinite(v);
const isMoney: FieldRule = (v) => isText(32)(v) || isFinite(v);
const isIntLike: FieldRule = (v) =>
  (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^-?\d{1,18}$/.test(v));
const isText2048 = isText(2048);
const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  result: isText2048,
  amount: isMoney,
  tip: isMoney,
  payments: isIntLike,
  authorizationTime: isText2048,
  reference: isText2048,
  transactionid: isIdLike,
  authorization: isText2048,
  creditcard: isText(64),
  cardtype: isText2048,
  arqc: isText2048,
  userID: isIntLike,
  aid: isText2048,
  applabel: isText2048,
  url: isText2048,
  email: isText2048,
  phone: isText2048,
  cardBrand: isText2048,
  uniqueReference: isIdLike,
  transactionType: isText2048,
  identifier: isIdLike,
};

/** True only when kushkiWebhookSchema certainly accepts `w` (see [Note: webhook fast check]). */
export function surelyValidWebhook(w: Record<string, unknown>): boolean {
  for (const key in FIELD_RULES) {
    if (!Object.prototype.hasOwnProperty.call(w, key)) continue;
    const v = w[key];
    if (v !== null && v !== undefined && !(FIELD_RULES[key] as FieldRule)(v)) return false;
  }
  return w['result'] != null || w['transactionid'] != null || w['uniqueReference'] != null;
}

/** Nesting depth of a parsed JSON value, computed without recursion so hostile input cannot overflow the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH) return d;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * The relay never stores more card data than the webhook is meant to carry (last four digits). If `creditcard`
 * carries more digits than that (a full or partly masked PAN), only the last four are kept.
 */
export function limitCardData(w: Record<string, unknown>): {
  payload: Record<string, unknown>;
  trimmed: boolean;
} {
  const cc = w['creditcard'];
  if (typeof cc !== 'string') return { payload: w, trimmed: false };
  const digits = cc.replace(/\D/g, '');
  if (digits.length <= 4) return { payload: w, trimmed: false };
  return { payload: { ...w, creditcard: digits.slice(-4) }, trimmed: true };
}

/** Short, value-free description of a schema failure for the 4xx body (never echoes the input). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}
