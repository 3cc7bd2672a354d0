// The public list's map: a marker for every listed report that has a point. The markers only show
// where; the list beside them is how each report is opened (overlapping markers would make poor
// touch targets, and the list works for keyboards and screen readers).
const listMap = document.querySelector('[data-map-list]');
if (listMap && window.L) {
  const items = [...document.querySelectorAll('[data-reports] [data-lat][data-long]')].filter((li) => li.dataset.lat && li.dataset.long);
  if (items.length > 0) {
    listMap.hidden = false;
    const map = L.map(listMap.querySelector('[data-map]')).setView([Number(listMap.dataset.centerLat), Number(listMap.dataset.centerLong)], 11);
    L.tileLayer(listMap.dataset.tileUrl, { maxZoom: 19, attribution: listMap.dataset.attribution }).addTo(map);
    const points = items.map((li) => {
      const point = [Number(li.dataset.lat), Number(li.dataset.long)];
      const link = li.querySelector('a');
      L.marker(point, { alt: link.textContent, interactive: false, keyboard: false }).addTo(map);
      return point;
    });
    map.fitBounds(points, { maxZoom: 16, padding: [24, 24] });
  }
}
