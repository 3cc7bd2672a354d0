// Live updates for an event's watch page and the presenter's screen. A convenience only: without
// it the page shows the state of its last load and asking and supporting are plain form posts.
// The hub sends a whole snapshot at most every 2 seconds; after a reconnect the client asks for a
// fresh one. Reconnects back off with jitter, so 20,000 viewers do not return in the same second.
(() => {
  const root = document.querySelector('[data-live]');
  if (!root || !window.signalR) return;
  const eventId = Number(root.dataset.live);
  const presenter = root.hasAttribute('data-presenter');
  const limit = presenter ? Number(root.dataset.next) : Infinity;
  const template = document.querySelector('template[data-question-template]');
  const mobile = /Mobi|Android|iPhone|iPad/.test(navigator.userAgent);
  const device = mobile ? 'mobile' : 'pc';
  const format = (text, ...values) => values.reduce((s, v, i) => s.replaceAll(`{${i}}`, String(v)), text);
  const supported = new Set([...document.querySelectorAll('[data-question] [data-supported]')].map(e => e.closest('[data-question]').dataset.question));
  let onStageId = root.querySelector('[data-stage-question]')?.dataset.stageQuestion ?? null;

  // The HLS stream: the browser's own player where it plays HLS (Safari), else hls.js.
  const video = document.querySelector('video[data-hls]');
  if (video) {
    const url = video.dataset.hls;
    if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = url;
    else if (window.Hls && window.Hls.isSupported()) { const hls = new window.Hls(); hls.loadSource(url); hls.attachMedia(video); }
  }

  const jitter = ms => ms * (0.5 + Math.random());
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live-events')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => jitter(Math.min(30000, 1000 * 2 ** ctx.previousRetryCount)) })
    .build();

  function item(q) {
    const existing = root.querySelector(`[data-top] [data-question="${q.id}"]`);
    const li = existing ?? template.content.firstElementChild.cloneNode(true);
    li.id = `question-${q.id}`;
    li.dataset.question = q.id;
    li.querySelector('[data-text]').textContent = q.text;
    li.querySelector('[data-sender]').textContent = q.sender;
    const count = li.querySelector('[data-supports]');
    count.dataset.supports = q.supports;
    count.textContent = format(root.dataset.formatSupports, q.supports);
    const form = li.querySelector('[data-support-form]');
    if (form) {
      form.action = form.action.replace(/question=\d+/, `question=${q.id}`);
      const hidden = form.querySelector('[data-sr-text]');
      if (hidden) hidden.textContent = `: ${q.text}`;
      if (supported.has(String(q.id))) form.hidden = true;
    }
    return li;
  }

  function render(s) {
    if (!s) return;
    const viewers = root.querySelector('[data-viewers]');
    if (viewers) {
      viewers.dataset.viewers = s.viewersPc + s.viewersMobile;
      viewers.textContent = format(root.dataset.formatViewers, s.viewersPc + s.viewersMobile, s.viewersPc, s.viewersMobile);
    }
    const stage = root.querySelector('[data-on-stage]');
    const stagedId = s.onStage ? String(s.onStage.id) : null;
    if (stage) {
      stage.replaceChildren();
      const p = document.createElement('p');
      if (s.onStage) {
        p.className = 'ch-stage-question';
        p.dataset.stageQuestion = s.onStage.id;
        const who = document.createElement('span');
        who.className = 'ch-question__who';
        who.textContent = ` — ${s.onStage.sender}`;
        p.append(s.onStage.text, who);
      } else {
        p.textContent = root.dataset.textNothing;
      }
      stage.append(p);
    }
    const announce = root.querySelector('[data-live-announce]');
    if (announce && stagedId && stagedId !== onStageId) announce.textContent = format(root.dataset.formatAnnounce, s.onStage.text);
    onStageId = stagedId;
    const counts = root.querySelector('[data-counts]');
    if (counts) counts.textContent = format(root.dataset.formatCounts, s.received, s.approved, s.answered);
    const list = root.querySelector('[data-top]');
    if (list && template) {
      const items = s.top.slice(0, limit).map(item);
      list.replaceChildren(...items);
      const none = root.querySelector('[data-no-questions]');
      if (none) none.hidden = items.length > 0;
    }
    root.dataset.snapshotAt = s.at;
  }

  connection.on('Snapshot', render);
  connection.onreconnected(() => watch());

  async function watch() {
    try { render(await connection.invoke('Watch', eventId, device)); } catch { /* the next snapshot will do */ }
  }

  async function start(attempt = 0) {
    try {
      await connection.start();
      await watch();
    } catch {
      // Refused (a full node answers 503) or offline: try again later, not all at once.
      setTimeout(() => start(attempt + 1), jitter(Math.min(30000, 1000 * 2 ** attempt)));
    }
  }
  connection.onclose(() => setTimeout(() => start(1), jitter(2000)));

  setInterval(() => {
    if (connection.state === signalR.HubConnectionState.Connected) connection.invoke('Heartbeat', eventId, device).catch(() => {});
  }, 25000);
  start();
})();
