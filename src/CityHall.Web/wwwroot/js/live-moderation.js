// The moderation console kept current: every question that arrives and every decision another
// moderator takes comes over the hub; the queue is then fetched again as the server renders it
// (so every form keeps working without this script). A moderator typing in the queue is not
// interrupted: the page says there are changes and refreshes once they leave the field.
(() => {
  const queue = document.querySelector('[data-queue][data-event]');
  if (!queue || !window.signalR) return;
  const eventId = Number(queue.dataset.event);
  const status = document.querySelector('[data-live-status]');
  const jitter = ms => ms * (0.5 + Math.random());
  let timer = null;
  let pending = false;

  const busy = () => {
    const active = document.activeElement;
    return active && queue.contains(active) && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.closest('details[open]'));
  };

  async function refresh() {
    if (busy()) { pending = true; if (status) status.textContent = status.dataset.changes ?? ''; return; }
    pending = false;
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'live-moderation' } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const selector of ['[data-queue]', '[data-stage]']) {
        const fresh = page.querySelector(selector);
        const here = document.querySelector(selector);
        if (fresh && here) here.replaceChildren(...fresh.childNodes);
      }
      for (const count of page.querySelectorAll('[data-count]')) {
        const here = document.querySelector(`[data-count="${count.dataset.count}"]`);
        if (here) here.textContent = count.textContent;
      }
      if (status) status.textContent = '';
    } catch { /* offline: the next message tries again */ }
  }

  const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 300); };
  queue.addEventListener('focusout', () => { if (pending) setTimeout(() => { if (!busy()) refresh(); }, 0); });

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live-events')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => jitter(Math.min(30000, 1000 * 2 ** ctx.previousRetryCount)) })
    .build();
  connection.on('Question', soon);
  connection.on('Snapshot', () => {});
  connection.onreconnected(async () => { await connection.invoke('Moderate', eventId); soon(); });
  async function start(attempt = 0) {
    try { await connection.start(); await connection.invoke('Moderate', eventId); }
    catch { setTimeout(() => start(attempt + 1), jitter(Math.min(30000, 1000 * 2 ** attempt))); }
  }
  start();
})();
