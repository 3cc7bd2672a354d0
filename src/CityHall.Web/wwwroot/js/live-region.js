// Parts of a page that follow what happens elsewhere (a taxi on its way, an offer arriving) without reloading the
// whole page — a timed reload moves focus and reading position, which WCAG forbids (axe: meta-refresh). An element
// with an id and data-refresh-every="N" (seconds; 0: nothing to follow) is fetched again from the same address every N seconds and, when
// the server's data-refresh-version differs, replaced by the new one; what the new one says in data-refresh-announce
// is read out through the page's [data-refresh-status] (role=status). Nothing is replaced while focus is inside the
// element (someone typing a fare or a number). Without JavaScript the page offers a link to look again instead
// ([data-refresh-link], hidden here).
const status = document.querySelector('[data-refresh-status]');
document.querySelectorAll('[data-refresh-link]').forEach((link) => { link.hidden = true; });

for (const first of document.querySelectorAll('[data-refresh-every][id]')) {
  const id = first.id;
  if (!(Number(first.dataset.refreshEvery) > 0)) continue;
  const every = Math.max(2, Number(first.dataset.refreshEvery)) * 1000;
  const tick = async () => {
    const region = document.getElementById(id);
    if (!region || !(Number(region.dataset.refreshEvery) > 0)) return; // the page says there is nothing more to follow
    try {
      if (!region.contains(document.activeElement)) {
        const response = await fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store' });
        if (response.ok) {
          const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(id);
          if (fresh && fresh.dataset.refreshVersion !== region.dataset.refreshVersion && !region.contains(document.activeElement)) {
            const adopted = document.importNode(fresh, true);
            region.replaceWith(adopted);
            if (status && adopted.dataset.refreshAnnounce) status.textContent = adopted.dataset.refreshAnnounce;
          }
        }
      }
    } catch { /* offline for a moment: look again at the next tick */ }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
}
