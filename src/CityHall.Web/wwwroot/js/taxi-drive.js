// While a driver is on duty, the car's phone shares its position every few seconds with the shift's token, and
// keeps the screen awake so the browser does not stop the page. Without JavaScript (or location) the page says so:
// dispatch offers calls only to cars whose position is fresh.
const box = document.querySelector('[data-position-sharing]');
if (box) {
  const status = box.querySelector('[data-position-status]');
  const fill = (template, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), template);
  const everyMs = 5000;
  let latest = null;
  let sent = 0;

  // Where the city chose it (data-over-hub), while the page's hub connection is up (taxi-live.js) the fixes go over it,
  // after one "share" with the token; otherwise, or when it fails, as a request each.
  let hub = null;
  document.addEventListener('taxi:hub', async (e) => {
    hub = null;
    if (!e.detail || box.dataset.overHub !== 'true') return;
    try { await e.detail.invoke('Share', box.dataset.token); hub = e.detail; } catch { /* the requests carry on */ }
  });
  const taken = (fix) => {
    sent += 1;
    status.textContent = fill(box.dataset.sentText, new Date(fix.timestamp).toLocaleTimeString(), sent);
  };
  const answered = (refusal, title) => {
    if (refusal === 'bad-token' || refusal === 'not-on-duty') { window.location.reload(); return false; } // the shift ended or its token did
    status.textContent = fill(box.dataset.refusedText, title); // a newer position is held, or this one was refused (a jump, outside the city)
    return true;
  };

  const send = async () => {
    if (latest && hub) {
      const fix = latest;
      latest = null;
      try {
        const refused = await hub.invoke('Report', fix.coords.latitude, fix.coords.longitude, new Date(fix.timestamp).toISOString());
        if (!refused) taken(fix);
        else if (!answered(refused.reason, refused.title)) return;
      } catch { hub = null; latest = latest ?? fix; } // the connection dropped: the next turn sends it as a request
    } else if (latest) {
      const fix = latest;
      latest = null;
      try {
        const response = await fetch(box.dataset.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${box.dataset.token}` },
          body: JSON.stringify({ latitude: fix.coords.latitude, longitude: fix.coords.longitude, at: new Date(fix.timestamp).toISOString() }),
        });
        if (response.ok) taken(fix);
        else {
          const problem = await response.json().catch(() => ({}));
          if (!answered(response.status === 401 ? 'bad-token' : problem.reason, problem.title ?? response.status)) return;
        }
      } catch { /* offline for a moment: the next fix goes when the network is back */ }
    }
    setTimeout(send, everyMs);
  };

  if ('geolocation' in navigator) {
    status.textContent = box.dataset.sharingText;
    navigator.geolocation.watchPosition(
      (position) => { latest = position; },
      () => { status.textContent = box.dataset.deniedText; },
      { enableHighAccuracy: true, maximumAge: 2000, timeout: 20000 });
    setTimeout(send, 1000);
  } else {
    status.textContent = box.dataset.deniedText;
  }

  // A sleeping screen stops the page's timers on most phones; ask to stay awake while on duty.
  const stayAwake = async () => {
    try { if ('wakeLock' in navigator && document.visibilityState === 'visible') await navigator.wakeLock.request('screen'); } catch { /* not allowed here */ }
  };
  document.addEventListener('visibilitychange', stayAwake);
  stayAwake();
}
