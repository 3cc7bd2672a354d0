// Parts of a page that follow what happens elsewhere (a taxi on its way, an offer arriving) without reloading the
// whole page — a timed reload moves focus and reading position, which WCAG forbids (axe: meta-refresh). An element
// with an id and data-refresh-every="N" (seconds; 0: nothing to follow) is fetched again from the same address every N seconds and, when
// the server's data-refresh-version differs, replaced by the new one; what the new one says in data-refresh-announce
// is read out through the page's [data-refresh-status] (role=status). Nothing is replaced while focus is inside the
// element (someone typing a fare or a number). Without JavaScript the page offers a link to look again instead
// ([data-refresh-link], hidden here).
//
// A page told of changes as they happen (over a hub) says so: the event 'live-region:refresh' looks again at once,
// and 'live-region:pushed' with detail true slows the timer to a safety net (every PUSHED_EVERY ms, for a message
// lost), false brings it back. When the address answers 404 or 410 (a link that expired, a trip no longer there) the
// page is loaded again, to show why.
(() => {
  const PUSHED_EVERY = 60000;
  const status = document.querySelector('[data-refresh-status]');
  document.querySelectorAll('[data-refresh-link]').forEach((link) => { link.hidden = true; });
  const regions = [...document.querySelectorAll('[data-refresh-every][id]')].map((first) => ({
    id: first.id,
    timer: 0,
    busy: false,
    again: false,
  }));
  if (regions.length === 0) return;
  let pushed = false;

  async function look(region) {
    if (region.busy) { region.again = true; return; }
    region.busy = true;
    clearTimeout(region.timer);
    try {
      const current = document.getElementById(region.id);
      if (current && !current.contains(document.activeElement)) {
        const response = await fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store' });
        if (response.status === 404 || response.status === 410) { window.location.reload(); return; }
        if (response.ok) {
          const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(region.id);
          const now = document.getElementById(region.id);
          if (fresh && now && fresh.dataset.refreshVersion !== now.dataset.refreshVersion && !now.contains(document.activeElement)) {
            const adopted = document.importNode(fresh, true);
            now.replaceWith(adopted);
            // Read out what changed, not the same state again because the car moved.
            const said = adopted.dataset.refreshAnnounce;
            if (status && said && said !== now.dataset.refreshAnnounce) status.textContent = said;
            document.dispatchEvent(new CustomEvent('live-region:replaced', { detail: adopted }));
          }
        }
      }
    } catch { /* offline for a moment: look again at the next tick */ }
    region.busy = false;
    if (region.again) { region.again = false; look(region); return; }
    schedule(region);
  }

  function schedule(region) {
    clearTimeout(region.timer);
    const element = document.getElementById(region.id);
    // The page says there is nothing more to follow on a timer (a pushed change may still come).
    if (!element || !(Number(element.dataset.refreshEvery) > 0)) return;
    const every = Math.max(2, Number(element.dataset.refreshEvery)) * 1000;
    region.timer = setTimeout(() => look(region), pushed ? Math.max(PUSHED_EVERY, every) : every);
  }

  document.addEventListener('live-region:refresh', () => regions.forEach(look));
  document.addEventListener('live-region:pushed', (e) => {
    const was = pushed;
    pushed = Boolean(e.detail);
    // Said on the page too, for whoever checks how it follows (support staff, the browser tests).
    document.documentElement.dataset.livePushed = String(pushed);
    regions.forEach(schedule);
    if (was && !pushed) regions.forEach(look); // back to polling: what was missed while the link was down
  });
  regions.forEach(schedule);
})();
