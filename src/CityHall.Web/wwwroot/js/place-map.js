// Places: "use my location" on the near-me form, and the map beside a list of places. Both are
// conveniences: the form works with an address or a district, and the list works without the map.

// The browser's location goes into the form's hidden lat/lon; the typed address and the district
// are cleared, since the page searches from an address or district before a point.
const nearForm = document.querySelector('[data-near-form]');
const locateWrap = nearForm?.querySelector('[data-locate-wrap]');
if (nearForm && locateWrap && navigator.geolocation) {
  const button = locateWrap.querySelector('[data-locate]');
  const status = locateWrap.querySelector('[data-locate-status]');
  locateWrap.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = button.dataset.locating || '';
    navigator.geolocation.getCurrentPosition((p) => {
      nearForm.elements.lat.value = p.coords.latitude.toFixed(6);
      nearForm.elements.lon.value = p.coords.longitude.toFixed(6);
      nearForm.elements.address.value = '';
      nearForm.elements.district.value = '';
      nearForm.submit();
    }, () => { status.textContent = button.dataset.failed || ''; }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
}

// The map: the starting point, and a marker for every listed place. Markers only show where; the
// list is how a place is opened (overlapping markers make poor touch targets, and the list works
// for keyboards and screen readers).
function drawMap(placeMap) {
  placeMap.hidden = false;
  const origin = [Number(placeMap.dataset.originLat), Number(placeMap.dataset.originLong)];
  const map = L.map(placeMap.querySelector('[data-map]')).setView(origin, 16);
  L.tileLayer(placeMap.dataset.tileUrl, { maxZoom: 19, attribution: placeMap.dataset.attribution }).addTo(map);
  L.circleMarker(origin, { radius: 8, weight: 3, interactive: false }).addTo(map);
  const points = [origin];
  const list = document.querySelector('[data-places]');
  for (const li of list ? list.querySelectorAll('li[data-lat][data-long]') : []) {
    const point = [Number(li.dataset.lat), Number(li.dataset.long)];
    L.marker(point, { alt: li.querySelector('a').textContent, interactive: false, keyboard: false }).addTo(map);
    points.push(point);
  }
  if (points.length > 1) map.fitBounds(points, { maxZoom: 17, padding: [24, 24] });
}

const placeMap = document.querySelector('[data-place-map]');
if (placeMap && placeMap.classList.contains('ch-scripted') && !window.L) placeMap.hidden = true;
if (placeMap && window.L) drawMap(placeMap);
else if (placeMap && placeMap.dataset.leafletJs) {
  // Leaflet and the map's tiles weigh more than the rest of the page: on a wide screen the map comes
  // beside the list at once; on a phone the list comes first and the map when asked for.
  const button = document.querySelector('[data-show-map]');
  const show = () => window.loadLeaflet(placeMap).then(() => drawMap(placeMap), () => { if (button) button.hidden = false; });
  if (!button || matchMedia('(min-width: 64em)').matches) show();
  else {
    button.hidden = false;
    button.addEventListener('click', () => { button.hidden = true; show(); });
  }
}
