// The virtual terminal page: a static shell; all data is filled in by terminal-script.ts with textContent only,
// and the CSP forbids inline script, so a hostile description can never run.
import { escapeHtml } from './escape';

/** The page for one terminal. */
export function terminalPage(serial: string): string {
  const s = escapeHtml(serial);
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Terminal ${s}</title>
<link rel="stylesheet" href="/terminal-assets/terminal.css">
</head>
<body data-serial="${s}">
<main class="device">
  <header class="bar">
    <span class="brand">Ultra</span>
    <span data-testid="serial">${s}</span>
    <span data-testid="connection" class="pill"></span>
  </header>
  <section class="screen" data-testid="screen">
    <p class="idle" data-testid="idle" data-i18n="idle"></p>
    <div class="request" data-testid="request" hidden>
      <p class="presentation" data-testid="presentation"></p>
      <p class="amount" data-testid="amount"></p>
      <p class="line"><span data-i18n="tip"></span> <span data-testid="tip"></span></p>
      <p class="line" data-testid="msi"></p>
      <p class="description" data-testid="description"></p>
      <p class="line small"><span data-i18n="reference"></span> <span data-testid="reference"></span></p>
      <p class="line small" data-testid="queue"></p>
      <label class="field" data-testid="tip-field" hidden><span data-i18n="typeTip"></span>
        <input data-testid="tip-input" type="number" min="0" step="0.01" inputmode="decimal"></label>
      <label class="field"><span data-i18n="brand"></span> <select data-testid="brand"></select></label>
      <label class="field"><span data-i18n="declineReason"></span> <select data-testid="decline-result">
        <option value="rechazada">rechazada</option>
        <option value="rechazadaProsa">rechazadaProsa</option>
        <option value="rechazadaRiesgo">rechazadaRiesgo</option>
      </select></label>
      <div class="buttons">
        <button class="approve" data-testid="approve" data-i18n="approve"></button>
        <button class="decline" data-testid="decline" data-i18n="decline"></button>
        <button class="cancel" data-testid="cancel" data-i18n="cancel"></button>
      </div>
    </div>
    <p class="result" data-testid="result" role="status"></p>
  </section>
  <section class="controls">
    <label class="field"><span data-i18n="mode"></span> <select data-testid="behaviour"></select></label>
    <label class="field"><input type="checkbox" data-testid="online"> <span data-i18n="online"></span></label>
  </section>
  <section class="log">
    <h2 data-i18n="log"></h2>
    <ol data-testid="log" reversed></ol>
  </section>
</main>
<script src="/terminal-assets/terminal.js"></script>
</body>
</html>
`;
}

/** The page for a serial that is not a terminal. */
export function unknownTerminalPage(serial: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Terminal desconocida</title></head>
<body><p>No existe la terminal ${escapeHtml(serial)}.</p></body></html>
`;
}
