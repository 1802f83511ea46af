// Turns zod issues into class-validator-style message strings: `<path> <predicate>`, and
// `property <path> should not exist` for unknown fields (NestJS `forbidNonWhitelisted` wording).
import type { z } from 'zod';

/** Outcome of validating a body. */
export type Validated<T> = { ok: true; value: T } | { ok: false; messages: string[] };

/** Validates `input` against `schema`, returning either the data or the documented message list. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const messages: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        messages.push(`property ${path ? `${path}.` : ''}${key} should not exist`);
    } else if (path === '') {
      messages.push(issue.message);
    } else {
      messages.push(`${path} ${issue.message}`);
    }
  }
  // Duplicates appear when one bad value fails several refinements the same way.
  return { ok: false, messages: [...new Set(messages)].slice(0, 50) };
}
