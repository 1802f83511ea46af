// Browser script of the terminal page (plain ES2019, no build step). It talks only to `/_sim/` on its own origin
// and writes data with textContent, never innerHTML. Kept as a string so the CJS bundle needs no asset files.

/** The script served at /terminal-assets/terminal.js. */
export const TERMINAL_SCRIPT = String.raw`'use strict';
(function () {
  var TEXT = {
    es: { idle: 'Esperando un cobro…', tip: 'Propina:', reference: 'Referencia:', typeTip: 'Propina en terminal:',
      brand: 'Tarjeta:', declineReason: 'Motivo de rechazo:', approve: 'Aprobar', decline: 'Rechazar',
      cancel: 'Cancelar', mode: 'Modo:', online: 'En línea', log: 'Registro', msi: ' meses sin intereses',
      noMsi: 'Pago en una sola exhibición', queued: ' cobro(s) en espera', notification: 'Notificación push',
      autoOpen: 'La app de cobro se abrió sola', connected: 'En línea', disconnected: 'Sin conexión',
      approved: 'Aprobada', declined: 'Rechazada', cancelled: 'Cancelada', error: 'Error: ' },
    en: { idle: 'Waiting for a payment…', tip: 'Tip:', reference: 'Reference:', typeTip: 'Tip typed on terminal:',
      brand: 'Card:', declineReason: 'Decline reason:', approve: 'Approve', decline: 'Decline',
      cancel: 'Cancel', mode: 'Mode:', online: 'Online', log: 'Log', msi: ' months interest-free',
      noMsi: 'Single payment', queued: ' request(s) waiting', notification: 'Push notification',
      autoOpen: 'Payment app opened by itself', connected: 'Online', disconnected: 'Offline',
      approved: 'Approved', declined: 'Declined', cancelled: 'Cancelled', error: 'Error: ' }
  };
  var lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'es';
  var t = TEXT[lang];
  document.documentElement.lang = lang;
  var serial = document.body.dataset.serial;
  var current = null;
  var BRANDS = ['VISA', 'MASTERCARD', 'CARNET', 'AMERICAN EXPRESS', 'SODEXO', 'SI VALE', 'EDENRED'];
  var BEHAVIOURS = ['manual', 'auto-approve', 'auto-decline', 'timeout', 'customer-cancel', 'offline'];

  function $(id) { return document.querySelector('[data-testid="' + id + '"]'); }
  function money(cents) {
    return (cents / 100).toLocaleString('es-MX', { style: 'currency', currency: 'MXN' }) + ' MXN';
  }
  function time(ms) { return new Date(ms).toLocaleTimeString('es-MX', { hour12: false }); }
  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/_sim/' + path, init).then(function (res) {
      return res.json().then(function (data) {
        if (!res.ok) throw new Error((data && data.error && data.error.message) || String(res.status));
        return data;
      });
    });
  }
  function log(text) {
    var item = document.createElement('li');
    item.textContent = text;
    var list = $('log');
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 200) list.removeChild(list.lastChild);
  }

  document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t[el.dataset.i18n]; });
  BRANDS.forEach(function (b) { var o = document.createElement('option'); o.value = b; o.textContent = b; $('brand').appendChild(o); });
  BEHAVIOURS.forEach(function (b) { var o = document.createElement('option'); o.value = b; o.textContent = b; $('behaviour').appendChild(o); });

  function renderTerminal(terminal) {
    $('behaviour').value = terminal.behaviour;
    $('online').checked = terminal.online;
    var pill = $('connection');
    pill.textContent = terminal.online ? t.connected : t.disconnected;
    pill.className = 'pill ' + (terminal.online ? 'on' : 'off');
    $('queue').textContent = terminal.queue.length > 0 ? terminal.queue.length + t.queued : '';
    if (!terminal.current) { showRequest(null); return; }
    api('GET', 'requests/' + encodeURIComponent(terminal.current)).then(showRequest).catch(function () { showRequest(null); });
  }
  function showRequest(request) {
    current = request && request.status === 'CREATED' ? request : null;
    $('idle').hidden = current !== null;
    $('request').hidden = current === null;
    if (!current) return;
    $('presentation').textContent = current.showNotification ? t.notification : t.autoOpen;
    $('amount').textContent = money(current.amountCents);
    $('tip').textContent = money(current.tipCents);
    $('msi').textContent = current.msi > 0 ? current.msi + t.msi : t.noMsi;
    $('description').textContent = current.description || '';
    $('reference').textContent = current.uniqueReference;
    $('tip-field').hidden = !(current.extras && current.extras.enableDialogTip);
  }
  function refresh() {
    return api('GET', 'terminals/' + encodeURIComponent(serial)).then(renderTerminal).catch(function (e) { log(t.error + e.message); });
  }
  function act(action, body, label) {
    if (!current) return;
    var ref = current.uniqueReference;
    api('POST', 'requests/' + encodeURIComponent(ref) + '/' + action, body).then(function () {
      $('result').textContent = label;
    }).catch(function (e) { $('result').textContent = t.error + e.message; });
  }
  $('approve').addEventListener('click', function () {
    var body = { brand: $('brand').value };
    var tip = $('tip-input').value;
    if (!$('tip-field').hidden && tip !== '') body.tip = Number(tip);
    act('approve', body, t.approved);
  });
  $('decline').addEventListener('click', function () { act('decline', { result: $('decline-result').value, brand: $('brand').value }, t.declined); });
  $('cancel').addEventListener('click', function () { act('cancel', {}, t.cancelled); });
  $('behaviour').addEventListener('change', function () { api('PATCH', 'terminals/' + encodeURIComponent(serial), { behaviour: $('behaviour').value }).catch(function (e) { log(t.error + e.message); }); });
  $('online').addEventListener('change', function () { api('PATCH', 'terminals/' + encodeURIComponent(serial), { online: $('online').checked }).catch(function (e) { log(t.error + e.message); }); });

  function describe(event) {
    switch (event.type) {
      case 'http.request': var e = event.entry;
        return time(e.at) + ' API ' + e.method + ' ' + e.path + ' → ' + e.status + (e.responseCode ? ' (' + e.responseCode + ')' : '');
      case 'request.created': return time(event.request.createdAt) + ' + ' + event.request.uniqueReference + ' ' + money(event.request.amountCents);
      case 'request.updated': return time(event.request.updatedAt) + ' ' + event.request.uniqueReference + ': ' + event.change + ' [' + event.request.status + ']';
      case 'webhook.attempt': var a = event.attempt;
        if (a.outcome === 'pending') return null;
        return time(a.finishedAt || a.scheduledAt) + ' webhook ' + a.transactionType + '/' + a.result + ' #' + a.attempt + ' ' + a.tag + ' → ' + a.outcome + (a.statusCode ? ' ' + a.statusCode : '');
      case 'ticket.printed': return time(event.ticket.at) + ' ticket impreso (' + event.ticket.ticketData.length + ' bloques)';
      case 'reset': return 'reset';
      default: return null;
    }
  }
  var source = new EventSource('/_sim/events?serial=' + encodeURIComponent(serial));
  source.onmessage = function (message) {
    var event = JSON.parse(message.data);
    var line = describe(event);
    if (line) log(line);
    if (event.type === 'terminal.updated' || event.type === 'request.updated' || event.type === 'reset') {
      if (event.type === 'request.updated' && event.request.status !== 'CREATED') $('result').textContent = event.request.status;
      refresh();
    }
  };
  source.onopen = refresh;
  refresh();
})();
`;
