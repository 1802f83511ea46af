/** A section's last outcome, read out by screen readers: polite for success, assertive for a problem. */
export function StatusLine({ status }: { status: { tone: 'ok' | 'error'; text: string } | null }) {
  if (!status) return <p className="settings-status" role="status" />;
  return (
    <p className={`settings-status ${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
      {status.text}
    </p>
  );
}

/** The state a section keeps for its StatusLine. */
export type Status = { tone: 'ok' | 'error'; text: string } | null;
