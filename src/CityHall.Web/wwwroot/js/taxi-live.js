// The taxi pages told of changes as they happen (/hubs/taxi): the driver's offers and trip, the rider's call, a
// safe-ride link's trip. A message makes the page's live part look again at once (live-region.js); while connected,
// the page's own timer only backs it up. The car's positions are passed on to the trip's map ('taxi:car-moved') and
// refresh the arrival estimate now and then. A convenience only: without it the live part polls, and without
// JavaScript the page has a link to look again.
(() => {
  const root = document.querySelector('[data-taxi-live]');
  if (!root || !window.signalR) return;
  const ESTIMATE_EVERY = 15000;
  const refresh = () => document.dispatchEvent(new CustomEvent('live-region:refresh'));
  const pushed = (on) => document.dispatchEvent(new CustomEvent('live-region:pushed', { detail: on }));
  const jitter = (ms) => ms * (0.5 + Math.random());
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(root.dataset.hub)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => jitter(Math.min(30000, 1000 * 2 ** ctx.previousRetryCount)) })
    .build();
  let refreshedAt = Date.now();

  connection.on('Changed', () => { refreshedAt = Date.now(); refresh(); });
  connection.on('CarMoved', (latitude, longitude, at) => {
    document.dispatchEvent(new CustomEvent('taxi:car-moved', { detail: { latitude, longitude, at } }));
    if (Date.now() - refreshedAt >= ESTIMATE_EVERY) { refreshedAt = Date.now(); refresh(); }
  });

  // Joining again after every reconnect, and looking once: what changed while the page was not listening.
  const join = async () => {
    try {
      const kind = root.dataset.taxiLive;
      if (kind === 'drive') {
        await connection.invoke('Drive');
        // The phone's positions may go this way too (taxi-drive.js), cheaper than a request each.
        document.dispatchEvent(new CustomEvent('taxi:hub', { detail: connection }));
      }
      else if (kind === 'call') await connection.invoke('Follow', Number(root.dataset.call));
      else await connection.invoke('Track', root.dataset.token);
      pushed(true);
      refresh();
    } catch {
      // Refused (the trip ended, the link was replaced): the page's own look shows why.
      pushed(false);
      await connection.stop();
    }
  };
  connection.onreconnecting(() => { pushed(false); document.dispatchEvent(new CustomEvent('taxi:hub', { detail: null })); });
  connection.onreconnected(join);
  connection.onclose(() => { pushed(false); document.dispatchEvent(new CustomEvent('taxi:hub', { detail: null })); });
  connection.start().then(join, () => pushed(false));
})();

// The offer's countdown on the driver's page: the seconds left when the page was rendered, counted down here (the
// phone's clock may be off; the interval is not). At zero the live part looks again (the offer has lapsed).
(() => {
  let shown = null;
  let deadline = 0;
  setInterval(() => {
    const seconds = document.querySelector('[data-offer-seconds][data-format]');
    if (!seconds) { shown = null; return; }
    if (seconds !== shown) { shown = seconds; deadline = performance.now() + Number(seconds.dataset.offerSeconds) * 1000; }
    const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    const text = seconds.dataset.format.replace('{0}', String(left));
    if (seconds.textContent !== text) seconds.textContent = text;
    if (left === 0 && !seconds.dataset.lapsed) {
      seconds.dataset.lapsed = 'true';
      document.dispatchEvent(new CustomEvent('live-region:refresh'));
    }
  }, 1000);
})();
