// sw: the display's service worker, served as /display-sw.js with scope
// /display. It keeps the app shell (page, scripts, styles) so that a screen
// whose server is down still starts after a power cut and plays its last
// playlist (kept in localStorage). Requests go to the network first, so an
// upgrade reaches screens at once; the cache answers when the network
// fails or hangs.
const CACHE = 'hallcast-display-v2';
const SHELL = [
  '/display',
  '/assets/display/display.css', '/assets/display/app.js', '/assets/display/messages.js', '/assets/display/store.js',
  '/assets/display/played.js', '/assets/display/rotation.js', '/assets/display/marquee.js',
  '/assets/display/widgets.js', '/assets/display/strip.js', '/assets/display/screen.js', '/assets/display/emergency.js',
  '/assets/display/power.js',
  '/assets/shared/dom.js', '/assets/shared/clock.js', '/assets/shared/i18n.js', '/assets/shared/device.js', '/assets/shared/push.js',
];
const NETWORK_MS = 4000;

self.addEventListener('install', (ev) => {
  ev.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hallcast-display-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// shell reports whether a request is part of the app shell.
function shell(url) {
  return url.origin === location.origin &&
    (url.pathname === '/display' || url.pathname.startsWith('/assets/display/') || url.pathname.startsWith('/assets/shared/'));
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  const key = new URL(req.url).pathname;
  try {
    const res = await Promise.race([
      fetch(req),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_MS)),
    ]);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (ev) => {
  const url = new URL(ev.request.url);
  if (ev.request.method !== 'GET' || !shell(url)) return;
  ev.respondWith(networkFirst(ev.request));
});
