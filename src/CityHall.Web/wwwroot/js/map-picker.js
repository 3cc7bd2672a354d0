// A map to pick a point (a report's place, a budget idea's site): a convenience over the fields that
// work without it (an address, or typed coordinates). Clicking (or "use my location") puts a marker
// and fills the latitude and longitude inputs it names; the map is shown only when Leaflet has loaded.
const picker = document.querySelector('[data-map-picker]');
// Its space is kept from the first paint where scripts run (.ch-scripted), so the form does not jump
// when the map appears; if Leaflet did not load, the empty box goes.
if (picker && !window.L) picker.hidden = true;
if (picker && window.L) {
  const lat = document.getElementById(picker.dataset.latInput);
  const lon = document.getElementById(picker.dataset.longInput);
  const chosen = picker.querySelector('[data-map-chosen]');
  picker.hidden = false;
  const start = lat.value && lon.value ? [Number(lat.value), Number(lon.value)] : [Number(picker.dataset.centerLat), Number(picker.dataset.centerLong)];
  const map = L.map(picker.querySelector('[data-map]')).setView(start, lat.value ? 17 : 12);
  L.tileLayer(picker.dataset.tileUrl, { maxZoom: 19, attribution: picker.dataset.attribution }).addTo(map);
  let marker = lat.value ? L.marker(start).addTo(map) : null;
  const place = (point) => {
    lat.value = point.lat.toFixed(6);
    lon.value = point.lng.toFixed(6);
    if (marker) marker.setLatLng(point); else marker = L.marker(point).addTo(map);
    chosen.textContent = `${picker.dataset.chosenText || ''} ${lat.value}, ${lon.value}`.trim();
  };
  map.on('click', (e) => place(e.latlng));
  const locate = picker.querySelector('[data-map-locate]');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', () => navigator.geolocation.getCurrentPosition((p) => {
      const point = L.latLng(p.coords.latitude, p.coords.longitude);
      map.setView(point, 17);
      place(point);
    }));
  } else if (locate) locate.hidden = true;
}
