// The taxi operators' live map: the cars in view coloured by what they are doing (or, when thousands are in view,
// circles per area sized by their number) and the calls waiting for a car, fetched again every few seconds and
// whenever the view moves. Each kind's colour is read from the legend's swatches (the stylesheet holds them once).
// Markers only show where; the figures below the map say the same in words.
(() => {
  const box = document.querySelector('[data-taxi-map]');
  if (!box || !window.L) { if (box) box.hidden = true; return; }
  const EVERY = 5000;
  const colour = (key) => getComputedStyle(box.querySelector(`[data-swatch="${key}"]`)).backgroundColor;
  const kinds = [...box.querySelectorAll('[data-swatch]')].filter((s) => /^\d+$/.test(s.dataset.swatch)).map((s) => colour(s.dataset.swatch));
  const center = [Number(box.dataset.centerLat), Number(box.dataset.centerLong)];
  const map = L.map(box.querySelector('[data-map]'), { preferCanvas: true }).setView(center, 12);
  L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  const cars = L.layerGroup().addTo(map);
  const calls = L.layerGroup().addTo(map);
  let timer = 0;
  let asked = 0;

  function draw(data) {
    cars.clearLayers();
    calls.clearLayers();
    for (const [lat, lon, kind] of data.cars ?? []) {
      L.circleMarker([lat, lon], { radius: 4, weight: 1, color: '#1e2124', fillColor: kinds[kind], fillOpacity: 0.9, interactive: false }).addTo(cars);
    }
    for (const [lat, lon, ...counts] of data.cells ?? []) {
      // An area's circle: its size the number of cars, its colour the kind most of them are.
      const total = counts.reduce((a, b) => a + b, 0);
      const most = counts.indexOf(Math.max(...counts));
      L.circleMarker([lat, lon], { radius: Math.min(24, 3 + Math.sqrt(total)), weight: 1, color: '#1e2124', fillColor: kinds[most], fillOpacity: 0.7 })
        .bindTooltip(box.dataset.cellText.replace('{0}', total.toLocaleString()))
        .addTo(cars);
    }
    for (const [lat, lon, , noCar] of data.calls ?? []) {
      L.marker([lat, lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: '', iconSize: [14, 14], html: `<span class="ch-swatch ch-swatch--${noCar ? 'nocar' : 'call'}"></span>` }),
      }).addTo(calls);
    }
  }

  async function load() {
    clearTimeout(timer);
    const mine = ++asked;
    const view = map.getBounds();
    const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value));
    const url = `${box.dataset.url}&south=${clamp(view.getSouth(), 90)}&west=${clamp(view.getWest(), 180)}`
      + `&north=${clamp(view.getNorth(), 90)}&east=${clamp(view.getEast(), 180)}`;
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok && mine === asked) draw(await response.json());
    } catch { /* offline for a moment: the next turn tries again */ }
    if (mine === asked) timer = setTimeout(load, EVERY);
  }

  map.on('moveend', load);
  load();
})();
