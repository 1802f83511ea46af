// Seeded generators of malformed request bodies for the fuzz test. Same seed, same inputs: a failure can be
// replayed exactly from the printed seed and index.
import { createRandom, randomInt, randomString, type Random } from '../../../common/random/prng';

/** One fuzz case: raw bytes or text plus the Content-Type to send (null = none). */
export interface FuzzCase {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string | null;
  kind: string;
}

const PRINTABLE =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/jsonx',
  '',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A random JSON value of any type, with some nasty specials. */
function randomValue(random: Random, depth = 0): unknown {
  const roll = randomInt(random, 0, 13);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return randomInt(random, -1e6, 1e6) / pick(random, [1, 3, 7, 100, 1000]);
    case 3:
      return pick(random, [0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2]);
    case 4:
      return randomString(random, PRINTABLE, randomInt(random, 0, 40));
    case 5:
      return 'x'.repeat(randomInt(random, 100, 5000));
    case 6:
      return pick(random, [
        '',
        ' ',
        '\u0000',
        '💳',
        '<script>alert(1)</script>',
        '../../etc/passwd',
        'true',
        '150',
      ]);
    case 7:
      return depth > 3
        ? []
        : Array.from({ length: randomInt(random, 0, 4) }, () => randomValue(random, depth + 1));
    case 8:
      return depth > 3 ? {} : randomObject(random, depth + 1);
    default:
      return randomInt(random, 0, 2000);
  }
}

function randomObject(random: Random, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [
    'serialNumber',
    'amount',
    'identifier',
    'uniqueReference',
    'tip',
    'ttl',
    'msi',
    'extras',
    'type',
    'value',
    '__proto__',
    'constructor',
    randomString(random, 'abcxyz', 5),
  ];
  for (let i = randomInt(random, 0, 5); i > 0; i--) out[pick(random, keys)] = randomValue(random, depth);
  return out;
}

/** Generates `count` malformed cases derived from a valid body of the endpoint. */
export function fuzzCases(seed: number, valid: Record<string, unknown>, count: number): FuzzCase[] {
  const random = createRandom(seed);
  const validText = JSON.stringify(valid);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const roll = randomInt(random, 0, 9);
    const json = 'application/json';
    if (roll === 0) {
      const bytes = new Uint8Array(new ArrayBuffer(randomInt(random, 1, 200))).map(() =>
        randomInt(random, 0, 255),
      );
      cases.push({ body: bytes, contentType: json, kind: 'random bytes' });
    } else if (roll === 1) {
      cases.push({
        body: randomString(random, PRINTABLE, randomInt(random, 0, 300)),
        contentType: json,
        kind: 'garbage text',
      });
    } else if (roll === 2) {
      cases.push({
        body: validText.slice(0, randomInt(random, 0, validText.length - 1)),
        contentType: json,
        kind: 'truncated',
      });
    } else if (roll === 3) {
      cases.push({
        body: JSON.stringify(randomValue(random)),
        contentType: json,
        kind: 'wrong top-level type',
      });
    } else if (roll === 4) {
      cases.push({
        body: validText,
        contentType: pick(random, [...CONTENT_TYPES, null]),
        kind: 'wrong content type',
      });
    } else if (roll === 5) {
      const depth = randomInt(random, 100, 20_000);
      cases.push({ body: '['.repeat(depth) + ']'.repeat(depth), contentType: json, kind: 'deep nesting' });
    } else {
      // A valid body with 1–3 fields replaced by values of random types, or unknown fields added.
      const mutated: Record<string, unknown> = { ...valid };
      const keys = Object.keys(valid);
      for (let n = randomInt(random, 1, 3); n > 0; n--) {
        const action = random();
        if (action < 0.2) mutated[randomString(random, 'abcdefgh', 6)] = randomValue(random);
        else if (action < 0.35) delete mutated[pick(random, keys)];
        else mutated[pick(random, keys)] = randomValue(random);
      }
      cases.push({ body: JSON.stringify(mutated), contentType: json, kind: 'mutated fields' });
    }
  }
  return cases;
}
