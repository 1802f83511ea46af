import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../../app/api/channels';
import { argSchemas } from '../../../app/api/schemas';

/**
 * The whole API surface in one snapshot: every channel with the JSON schema of its argument, and
 * every event. Any change to what the renderer can call shows up in review as a snapshot diff.
 */
describe('API surface', () => {
  it('matches the reviewed snapshot', () => {
    const surface = {
      channels: Object.fromEntries(
        INVOKE_CHANNELS.map((channel) => [channel, z.toJSONSchema(argSchemas[channel], { io: 'input' })]),
      ),
      events: [...EVENT_NAMES],
    };
    expect(surface).toMatchSnapshot();
  });

  it('has a schema for exactly the listed channels', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});
