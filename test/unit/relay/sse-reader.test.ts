// The bench's Server-Sent Events reader (relay/bench/sse-reader.ts): what its smee.io clients see of the stream.
import { describe, expect, it } from 'vitest';
import { sseReader } from '../../../relay/bench/sse-reader';
import type { SseEvent } from '../../../relay/bench/sse-reader';

function read(chunks: readonly string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const feed = sseReader((e) => events.push(e));
  for (const c of chunks) feed(c);
  return events;
}

describe('sseReader', () => {
  it('dispatches an event at the blank line, named or `message`, with its data lines joined', () => {
    expect(read(['event: ready\ndata: {}\n\n', 'id: 17\ndata: {"a":1}\ndata: {"b":2}\n\n'])).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'message', data: '{"a":1}\n{"b":2}' },
    ]);
  });

  it('joins lines split across chunks anywhere, CRLF included, and holds an event until its blank line', () => {
    const whole = 'id: 1\r\ndata: {"x":"y"}\r\n\r\ndata: second\n\n';
    expect(read([...whole])).toEqual([
      { event: 'message', data: '{"x":"y"}' },
      { event: 'message', data: 'second' },
    ]);
    expect(read(['data: not yet\n'])).toEqual([]);
  });

  it('skips comments (keep-alives) and events without data, and keeps a value without its one leading space', () => {
    expect(read([':\n\n', ': ping\n\nevent: x\n\n', 'data:no space\n\n', 'data:  two\n\n'])).toEqual([
      { event: 'message', data: 'no space' },
      { event: 'message', data: ' two' },
    ]);
  });
});
