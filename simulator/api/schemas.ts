// Request bodies of the Kushki endpoints (§2), in zod. Messages are class-validator-style predicates
// ("must be a string"); `validation.ts` prefixes the field path, giving the documented
// `{"message":["serialNumber must not contain special characters"],"responseCode":"002"}` shape.
import { z } from 'zod';
import { toCents } from '../core/money';

/** Interest-free instalment terms and their minimum amounts in MXN centavos (§5, §8 #16). */
export const MSI_MINIMUM_CENTS: Readonly<Record<number, number>> = {
  3: 300_00,
  6: 600_00,
  9: 900_00,
  12: 1_200_00,
  18: 1_800_00,
};

/** Highest accepted amount: a plausible single card-present sale limit (not documented by Kushki). */
export const MAX_AMOUNT = 999_999.99;

const required = (type: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'should not be empty' : `must be ${type}`,
});

const text = (min: number, max: number) =>
  z
    .string(required('a string'))
    .min(min, min === 1 ? 'should not be empty' : `must be longer than or equal to ${min} characters`)
    .max(max, `must be shorter than or equal to ${max} characters`);

const serialNumber = text(1, 64).regex(/^[A-Za-z0-9]+$/, 'must not contain special characters');
const uniqueReference = text(1, 64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, - and _');

const money = (positive: boolean) =>
  z
    .number(required('a number'))
    .refine(
      (v) => (positive ? v > 0 : v >= 0),
      positive ? 'must be a positive number' : 'must not be negative',
    )
    .refine((v) => v <= MAX_AMOUNT, `must not be greater than ${MAX_AMOUNT}`)
    .refine((v) => toCents(v) !== null, 'must have at most 2 decimal places');

// The docs type showNotification as String but clients send booleans (§8 #18): accept both spellings.
const showNotification = z.union([z.boolean(), z.literal('true'), z.literal('false')], {
  error: 'must be a boolean or "true"/"false"',
});

const integer = (min: number, max: number) =>
  z
    .number(required('an integer number'))
    .int('must be an integer number')
    .min(min, `must not be less than ${min}`)
    .max(max, `must not be greater than ${max}`);

/** Fields shared by V1 and V2 pushes, apart from the serial and the V2-only ones. */
const pushCommon = {
  amount: money(true),
  identifier: text(1, 256),
  tip: money(false).optional(),
  description: text(0, 100).optional(),
};

const v2Fields = {
  ...pushCommon,
  serialNumber,
  uniqueReference: uniqueReference.optional(),
  showNotification: showNotification.optional(),
  ttl: integer(10, 600).optional(),
  msi: integer(0, 18)
    .refine((v) => v === 0 || v in MSI_MINIMUM_CENTS, 'must be one of 0, 3, 6, 9, 12, 18')
    .optional(),
  // Sent "only if configured" by one client and not part of the MX contract (§2.2): accepted and ignored.
  businessCode: z.string(required('a string')).max(64).optional(),
};

const extrasFields = {
  autoPaymentEnabled: z.boolean(required('a boolean')).optional(),
  timerFinishTRX: integer(0, 600).optional(),
  enableDialogTip: z.boolean(required('a boolean')).optional(),
};

const v1Fields = {
  ...pushCommon,
  serial_number: serialNumber,
  // Public V1 code sends an undocumented `"mode":"raw"` (§2.1): accepted and ignored.
  mode: z.string(required('a string')).max(32).optional(),
};

const cancelFields = { uniqueReference, serialNumber };

const refundFields = {
  uniqueReference: uniqueReference.optional(),
  saleId: text(1, 64).optional(),
  refundAmount: money(true).optional(),
};

const align = z.enum(['left', 'center', 'right'], { error: 'must be one of left, center, right' }).optional();

const ticketBlock = (strict: boolean) => {
  const obj = strict ? z.strictObject : z.object;
  return z.discriminatedUnion(
    'type',
    [
      obj({
        type: z.literal('text'),
        value: text(1, 200),
        size: z.enum(['small', 'normal', 'big'], { error: 'must be one of small, normal, big' }).optional(),
        bold: z.boolean(required('a boolean')).optional(),
        align,
      }),
      obj({ type: z.literal('line') }),
      obj({
        type: z.literal('column'),
        value: z
          .array(text(0, 100), required('an array'))
          .min(2, 'must contain at least 2 elements')
          .max(3, 'must contain no more than 3 elements'),
        align,
      }),
    ],
    { error: 'must be a block of type text, line or column' },
  );
};

const printFields = (strict: boolean) => ({
  serialNumber,
  showNotification: z.boolean(required('a boolean')).optional(),
  notificationTitle: text(2, 30).optional(),
  notificationMessage: text(1, 60).optional(),
  ticketData: z
    .array(ticketBlock(strict), required('an array'))
    .min(1, 'must contain at least 1 elements')
    .max(100, 'must contain no more than 100 elements'),
});

/** Builds every body schema, strict (unknown fields rejected) or lenient (unknown fields stripped). */
export function buildSchemas(strict: boolean) {
  const obj = strict ? z.strictObject : z.object;
  const rootError = { error: 'request body must be a JSON object' };
  return {
    pushV2: obj(
      { ...v2Fields, extras: obj(extrasFields, { error: 'must be an object' }).optional() },
      rootError,
    ).superRefine((body, ctx) => {
      const msi = body.msi ?? 0;
      const minimum = MSI_MINIMUM_CENTS[msi];
      const cents = toCents(body.amount);
      if (minimum !== undefined && cents !== null && cents < minimum) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `must be at least ${minimum / 100} for ${msi} months without interest`,
        });
      }
    }),
    pushV1: obj(v1Fields, rootError),
    cancel: obj(cancelFields, rootError),
    refund: obj(refundFields, rootError).refine(
      (b) => b.uniqueReference !== undefined || b.saleId !== undefined,
      {
        path: ['uniqueReference'],
        message: 'should not be empty',
      },
    ),
    print: obj(printFields(strict), rootError).superRefine((body, ctx) => {
      if (body.showNotification !== true) return;
      if (body.notificationTitle === undefined) {
        ctx.addIssue({ code: 'custom', path: ['notificationTitle'], message: 'should not be empty' });
      }
      if (body.notificationMessage === undefined) {
        ctx.addIssue({ code: 'custom', path: ['notificationMessage'], message: 'should not be empty' });
      }
    }),
  };
}

/** The schema set type. */
export type Schemas = ReturnType<typeof buildSchemas>;
/** A validated V2 push body. */
export type PushV2Body = z.infer<Schemas['pushV2']>;
/** A validated V1 push body. */
export type PushV1Body = z.infer<Schemas['pushV1']>;
/** A validated print-ticket body. */
export type PrintBody = z.infer<Schemas['print']>;
