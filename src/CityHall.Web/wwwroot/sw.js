// CityHall's service worker: keeps the pages a visitor last read, and the files they need, so they
// still open when the connection drops; a page never read shows the offline page instead. Pages
// come from the network whenever it answers: the kept copy is only ever a fallback.
// Never kept: pages sent as private or no-store (everything a signed-in person sees, forms with
// their tokens), staff and account pages, and anything not from this site.
const VERSION = '1';
const PAGES = `cityhall-pages-${VERSION}`;
const FILES = `cityhall-files-${VERSION}`;
const KEEP_PAGES = 30;
const KEEP_FILES = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES)
    .then((cache) => cache.add(new Request('/offline', { credentials: 'same-origin' })))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('cityhall-') && key !== PAGES && key !== FILES).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request, url, event));
  else if (/^\/(css|js|lib)\//.test(url.pathname)) event.respondWith(file(request));
});

async function page(request, url, event) {
  try {
    const response = await fetch(request);
    if (keepable(response, url)) await keep(PAGES, request, await titled(response.clone()), KEEP_PAGES);
    if (response.ok && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      event.waitUntil(followLanguage(response.clone()));
    }
    return response;
  } catch {
    const cache = await caches.open(PAGES);
    const kept = await cache.match(request);
    return (kept && await asKeptCopy(kept)) ?? (await cache.match('/offline')) ?? Response.error();
  }
}

const languageOf = (html) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

/**
 * Keeps the offline page in the language the visitor now reads the site in: it was fetched when the worker was
 * installed, and the visitor may have switched language since. Only the page's language is read (a signed-in
 * person's pages are read for it, never kept); the offline page is fetched again only when it differs.
 */
let offlineLanguage; // the kept offline page's language, read from the cache once per start of the worker
async function followLanguage(response) {
  const lang = languageOf(await response.text());
  if (!lang) return;
  const cache = await caches.open(PAGES);
  if (offlineLanguage === undefined) offlineLanguage = languageOf(await (await cache.match('/offline'))?.text() ?? '') ?? null;
  if (offlineLanguage === lang) return;
  const fresh = await fetch(new Request('/offline', { credentials: 'same-origin' }));
  if (fresh.ok && languageOf(await fresh.clone().text()) === lang) {
    await cache.put('/offline', fresh);
    offlineLanguage = lang;
  }
}

/** The kept page with its offline banner showing: what the visitor reads may not be the latest. */
async function asKeptCopy(response) {
  const html = (await response.text()).replace('class="ch-offline-banner" hidden', 'class="ch-offline-banner"');
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function file(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await keep(FILES, request, response.clone(), KEEP_FILES);
    return response;
  } catch {
    return (await caches.match(request)) ?? Response.error();
  }
}

function keepable(response, url) {
  const control = response.headers.get('Cache-Control') ?? '';
  return response.ok && response.type === 'basic' && !/no-store|private/i.test(control)
    && !/^\/(admin|account|my|offline)(\/|$)/.test(url.pathname)
    && (response.headers.get('Content-Type') ?? '').startsWith('text/html');
}

/** The page with its title in a header, for the offline page's list of kept pages. */
async function titled(response) {
  const html = await response.text();
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const headers = new Headers(response.headers);
  headers.set('X-Kept-Title', encodeURIComponent(title));
  headers.set('X-Kept-At', new Date().toISOString());
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

/** Stores the response, newest last, and drops the oldest beyond the limit. */
async function keep(name, request, response, limit) {
  const cache = await caches.open(name);
  await cache.delete(request);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) {
    if (new URL(old.url).pathname !== '/offline') await cache.delete(old);
  }
}
