// A report that cannot be sent (no connection, or one that fails underway) is kept on this device
// (IndexedDB) and sent when the connection returns, on whatever page of the site is open then; the
// reference the city gives it is shown at that moment. Only the report form hands reports over (data-report-form); any page
// sends what is waiting (site.js loads this file when something is).
const DB = 'cityhall-offline';
const STORE = 'reports';
export const WAITING_FLAG = 'cityhall-reports-waiting';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally { db.close(); }
}

const texts = () => document.querySelector('[data-offline-reports]')?.dataset ?? {};

function notice(text, link) {
  const box = document.createElement('div');
  box.className = 'ch-notice';
  box.setAttribute('role', 'status');
  box.dataset.offlineReportNotice = '';
  box.append(text);
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    box.append(' ', a);
  }
  document.getElementById('main')?.prepend(box);
  return box;
}

/** Keeps the form's fields (files included) to send later. */
async function keep(action, body) {
  const fields = [...body.entries()];
  await run('readwrite', (store) => store.add({ action, fields, at: new Date().toISOString() }));
  localStorage.setItem(WAITING_FLAG, '1');
}

let sending = false;

/** Sends what is waiting; each report leaves the device once the city has answered with its reference. */
export async function sendWaiting() {
  if (sending || !navigator.onLine) return;
  sending = true;
  try {
    const waiting = await run('readonly', (store) => store.getAll());
    for (const report of waiting) {
      const body = new FormData();
      for (const [name, value] of report.fields) body.append(name, value);
      let response;
      try {
        response = await fetch(report.action, { method: 'POST', body, credentials: 'same-origin' });
      } catch { return; } // still no connection: try again on the next 'online'
      // The form answers with a redirect to the new report's page: /reports/{reference}?new=true.
      const landed = new URL(response.url);
      const reference = landed.searchParams.get('new') === 'true' ? /^\/reports\/([^/]+)$/.exec(landed.pathname)?.[1] : undefined;
      await run('readwrite', (store) => store.delete(report.id));
      const t = texts();
      if (response.ok && reference) notice(`${t.sent ?? ''} ${reference}.`, { href: `/reports/${reference}`, text: t.open ?? reference });
      else notice(t.failed ?? '', { href: '/reports/new', text: t.again ?? '/reports/new' });
    }
    localStorage.removeItem(WAITING_FLAG);
  } finally { sending = false; }
}

const form = document.querySelector('form[data-report-form]');
if (form) {
  form.addEventListener('submit', async (event) => {
    // Sent by this script rather than by the browser, so that a connection that fails underway (or a
    // device that says it is online while nothing gets through) keeps the report instead of losing
    // it to the browser's error page.
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button?.setAttribute('disabled', '');
    const body = new FormData(form);
    let response;
    try {
      response = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
    } catch {
      await keep(form.action, body);
      notice(texts().saved ?? '');
      return;
    }
    // Accepted: the city answers with a redirect to the new report, which the browser now opens.
    // Anything else (the form with its messages) is what a plain submit shows: submit it so.
    if (response.redirected) location.assign(response.url);
    else form.submit();
  });
}
window.addEventListener('online', () => { sendWaiting(); });
sendWaiting();
