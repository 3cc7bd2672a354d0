// Conveniences only: every page works without this file.
// GOV.UK pattern: an error summary takes focus so screen-reader users hear it first.
const summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();

// Similar proposals while the title is typed: the same server-rendered list the "check" button
// shows, fetched a moment after typing stops; the section is a polite live region.
const similar = document.querySelector('[data-similar-for][data-similar-url]');
const titleInput = similar && document.getElementById(similar.dataset.similarFor);
if (titleInput) {
  let timer;
  let asked = '';
  titleInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const title = titleInput.value.trim();
      if (title.length < 5 || title === asked) return;
      asked = title;
      try {
        const response = await fetch(`${similar.dataset.similarUrl}?title=${encodeURIComponent(title)}`, { credentials: 'same-origin' });
        if (response.ok && asked === title) similar.innerHTML = await response.text();
      } catch { /* offline or slow: the check button still works */ }
    }, 400);
  });
}

// Reports written offline wait on the device and go when the connection is back (offline-reports.js),
// loaded on the report form and, after one was kept, on every page until it has gone.
if (document.querySelector('form[data-report-form]') || localStorage.getItem('cityhall-reports-waiting')) {
  import('./offline-reports.js');
}

// Without a connection, say so. The service worker shows the banner on a page it serves from what it
// kept; this follows the connection dropping or returning while a page is read (navigator.onLine
// itself is not trusted on load: browsers report it loosely).
const offlineBanner = document.querySelector('[data-offline-banner]');
if (offlineBanner) {
  window.addEventListener('online', () => { offlineBanner.hidden = true; });
  window.addEventListener('offline', () => { offlineBanner.hidden = false; });
}

// The service worker keeps the pages last read for a lost connection (wwwroot/sw.js). Registered
// once the page has loaded, so it never competes with the page's own downloads.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => { navigator.serviceWorker.register('/sw.js').catch(() => {}); });
}

// The offline page lists the pages kept on this device, newest first.
const keptList = document.querySelector('[data-offline-pages]');
if (keptList && 'caches' in window) {
  (async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('cityhall-pages-'));
    const kept = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (url.pathname === '/offline') continue;
        const response = await cache.match(request);
        const title = decodeURIComponent(response?.headers.get('X-Kept-Title') ?? '') || url.pathname;
        kept.push({ href: url.pathname + url.search, title });
      }
    }
    keptList.replaceChildren(...kept.reverse().map(({ href, title }) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = title;
      li.append(a);
      return li;
    }));
    if (kept.length === 0) {
      const li = document.createElement('li');
      li.textContent = keptList.dataset.none;
      keptList.append(li);
    }
  })();
}
