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

  const send = async () => {
    if (latest) {
      const fix = latest;
      latest = null;
      try {
        const response = await fetch(box.dataset.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${box.dataset.token}` },
          body: JSON.stringify({ latitude: fix.coords.latitude, longitude: fix.coords.longitude, at: new Date(fix.timestamp).toISOString() }),
        });
        if (response.ok) {
          sent += 1;
          status.textContent = fill(box.dataset.sentText, new Date(fix.timestamp).toLocaleTimeString(), sent);
        } else {
          const problem = await response.json().catch(() => ({}));
          if (response.status === 401 || problem.reason === 'not-on-duty') {
            window.location.reload(); // the shift ended or its token did: the page shows why
            return;
          }
          // A newer position is held, or this one was refused (a jump, outside the city): the next fix goes as usual.
          status.textContent = fill(box.dataset.refusedText, problem.title ?? response.status);
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
