import { fileURLToPath } from 'node:url';
import { createGenerator, type Definition } from 'ts-json-schema-generator';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../../app/api/channels';
import { CHANNEL_POLICIES } from '../../../app/api/policies';
import { argSchemas } from '../../../app/api/schemas';

/**
 * The whole API surface in one snapshot: every channel with its policy, the JSON schema of its
 * argument and of its result, and every event with the schema of its payload, plus the named types
 * those schemas refer to. Any change to what the renderer can call, who may call it, or what it gets
 * back shows up in review as a snapshot diff.
 *
 * Arguments come from the zod schemas, which validate untrusted input on the trusted side. Results
 * and event payloads are never validated (the trusted side produces them), so their only source of
 * truth is the contract's TypeScript types; ts-json-schema-generator reads those types, so a result
 * cannot change without this snapshot changing. Options chosen for a stable, readable output: named
 * exported types become `definitions` (one diff per changed type, not one per channel using it),
 * `$ref`s are left unencoded, JSDoc is ignored so rewording a comment is not an API change, and the
 * set-like arrays (`enum`, `anyOf`, `required`, `type`) are sorted: TypeScript orders a union's
 * members by when the compiler first met each one, so an unrelated edit could reorder them.
 * Generation compiles the contract (about 1–2 s here), hence the generous timeouts for loaded CI.
 */
const GENERATION_TIMEOUT_MS = 120_000;
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

interface ObjectSchema {
  properties: Record<string, { properties?: Record<string, Definition> } & Definition>;
  definitions?: Record<string, Definition>;
}

const SET_LIKE = new Set(['enum', 'anyOf', 'required', 'type']);

/** A copy of `node` with its set-like arrays in a fixed order (see the comment above). */
function normalized<T>(node: T): T {
  if (Array.isArray(node)) return node.map(normalized) as T;
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => {
    const copy = normalized(value);
    if (!SET_LIKE.has(key) || !Array.isArray(copy)) return [key, copy];
    return [key, [...copy].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
  });
  return Object.fromEntries(entries) as T;
}

/** The generated schemas of the contract's two interfaces, with the named types they share. */
function contractSchemas() {
  const generator = createGenerator({
    path: root('app/api/contract.ts'),
    tsconfig: root('app/tsconfig.json'),
    skipTypeCheck: true,
    expose: 'export',
    topRef: false,
    jsDoc: 'none',
    encodeRefs: false,
  });
  const invoke = normalized(generator.createSchema('InvokeContract')) as ObjectSchema;
  const events = normalized(generator.createSchema('EventContract')) as ObjectSchema;
  const definitions: Record<string, Definition> = { ...invoke.definitions };
  for (const [name, definition] of Object.entries(events.definitions ?? {})) {
    // The same name from both roots must be the same type, or the merged `types` would lie.
    if (name in definitions && JSON.stringify(definitions[name]) !== JSON.stringify(definition)) {
      throw new Error(`two different types are both named ${name}`);
    }
    definitions[name] = definition;
  }
  return { invoke: invoke.properties, events: events.properties, definitions };
}

/** The named types reachable from `schemas`, so `types` lists only what results and events use. */
function referenced(schemas: unknown[], definitions: Record<string, Definition>): Record<string, Definition> {
  const found: Record<string, Definition> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/definitions/', '');
        const definition = definitions[name];
        if (definition === undefined) throw new Error(`unresolved $ref ${value}`);
        if (!(name in found)) {
          found[name] = definition;
          visit(definition);
        }
      } else visit(value);
    }
  };
  schemas.forEach(visit);
  return found;
}

describe('API surface', () => {
  let schemas: ReturnType<typeof contractSchemas>;
  beforeAll(() => {
    schemas = contractSchemas();
  }, GENERATION_TIMEOUT_MS);

  it(
    'matches the reviewed snapshot',
    () => {
      const channels = Object.fromEntries(
        INVOKE_CHANNELS.map((channel) => [
          channel,
          {
            policy: CHANNEL_POLICIES[channel],
            args: z.toJSONSchema(argSchemas[channel], { io: 'input' }),
            result: schemas.invoke[channel]?.properties?.['result'],
          },
        ]),
      );
      const events = Object.fromEntries(EVENT_NAMES.map((name) => [name, schemas.events[name]]));
      const results = Object.values(channels).map((channel) => channel.result);
      const surface = {
        channels,
        events,
        types: referenced([...results, ...Object.values(events)], schemas.definitions),
      };
      expect(surface).toMatchSnapshot();
    },
    GENERATION_TIMEOUT_MS,
  );

  it('has a schema for exactly the listed channels', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('has a result and a policy for exactly the listed channels, and a payload for every event', () => {
    expect(Object.keys(schemas.invoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) {
      const entry = schemas.invoke[channel]?.properties;
      expect(entry?.['result'], channel).toBeDefined();
      // The generated type and the runtime map agree (the compiler checks it too).
      expect(entry?.['policy'], channel).toEqual({ type: 'string', const: CHANNEL_POLICIES[channel] });
    }
    expect(Object.keys(schemas.events).sort()).toEqual([...EVENT_NAMES].sort());
  });
});
