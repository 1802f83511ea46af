// A Server-Sent Events reader for the bench's smee clients: what an EventSource does with a `text/event-stream`
// (the WHATWG rules for LF/CRLF lines, `data:`/`event:` fields, comments and the blank line that dispatches), fed the
// response's text chunk by chunk. Ours rather than the `eventsource` package: the bench measures the server, and
// one lean reader per client keeps the load generator's own cost (1,000 streams in one process) small and the same
// kind as for the relay's clients; `id:` and `retry:` only matter for reconnection, which the bench never does.

/** One dispatched event: its type (`message` unless an `event:` line named one) and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Returns a function to feed with the stream's text; calls `onEvent` for every complete event, in order. */
export function sseReader(onEvent: (e: SseEvent) => void): (chunk: string) => void {
  let pending = '';
  let data: string[] = [];
  let event = '';
  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event === '' ? 'message' : event, data: data.join('\n') });
      data = [];
      event = '';
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  };
  return (chunk) => {
    const text = pending + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', from)) {
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      line(text.slice(from, end));
      from = nl + 1;
    }
    pending = text.slice(from);
  };
}
