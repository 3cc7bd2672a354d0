// The small map on the rider's and the safe-ride link's page: the pickup and the car, the car moved whenever the hub
// reports it ('taxi:car-moved', from taxi-live.js). It shows while a car is on its way or carrying the rider (the live
// part names the car), and Leaflet is fetched only then. The page's text says the same (state, arrival estimate, where
// the car was last seen), so the map is a convenience.
(() => {
  const box = document.querySelector('[data-trip-map]');
  if (!box) return;
  const colour = (key) => getComputedStyle(box.querySelector(`[data-swatch="${key}"]`)).backgroundColor;
  let last = box.dataset.carLat ? [Number(box.dataset.carLat), Number(box.dataset.carLong)] : null;
  let car = null;
  let map = null;
  const placeCar = () => {
    if (!map || !last) return;
    if (car) car.setLatLng(last);
    else car = L.circleMarker(last, { radius: 9, weight: 2, color: '#1e2124', fillColor: colour('car'), fillOpacity: 1, interactive: false }).addTo(map);
  };

  function draw() {
    box.hidden = false;
    const pickup = [Number(box.dataset.pickupLat), Number(box.dataset.pickupLong)];
    map = L.map(box.querySelector('[data-map]')).setView(pickup, 15);
    L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
    L.circleMarker(pickup, { radius: 9, weight: 3, color: colour('pickup'), fillOpacity: 0.2, interactive: false }).addTo(map);
    placeCar();
    if (last) map.fitBounds([pickup, last], { maxZoom: 16, padding: [32, 32] });
  }

  function show() {
    if (map) { box.hidden = false; return; }
    window.loadLeaflet(box).then(() => { if (!map) draw(); }, () => { box.hidden = true; });
  }

  // A car named in the live part: on its way or on the trip. Otherwise (waiting, ended) there is nothing to show.
  const follow = () => {
    if (document.querySelector('[data-assigned-car], [data-tracked-car]')) show();
    else box.hidden = true;
  };
  document.addEventListener('taxi:car-moved', (e) => { last = [e.detail.latitude, e.detail.longitude]; placeCar(); });
  document.addEventListener('live-region:replaced', follow);
  follow();
})();
