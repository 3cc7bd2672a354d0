// The camera registry's map: every listed camera where it stands, with the wedge of what it looks at (its direction
// and angle; a circle for a camera that turns all around; a dot when the registry does not say). The list beside it
// is how a camera's notice is opened: the map only shows where, for eyes that want it.
const cctvMap = document.querySelector('[data-cctv-map]');
if (cctvMap && window.L) {
  const items = [...document.querySelectorAll('[data-cameras] [data-lat][data-long]')];
  if (items.length > 0) {
    cctvMap.hidden = false;
    const range = Number(cctvMap.dataset.range) || 50;
    const map = L.map(cctvMap.querySelector('[data-map]')).setView([Number(cctvMap.dataset.centerLat), Number(cctvMap.dataset.centerLong)], 16);
    L.tileLayer(cctvMap.dataset.tileUrl, { maxZoom: 19, attribution: cctvMap.dataset.attribution }).addTo(map);
    // A point so many metres away in a compass direction (small distances: the earth is flat enough here).
    const offset = ([lat, lon], metres, degrees) => {
      const radians = (degrees * Math.PI) / 180;
      return [lat + (metres * Math.cos(radians)) / 111320, lon + (metres * Math.sin(radians)) / (111320 * Math.cos((lat * Math.PI) / 180))];
    };
    const points = items.map((li) => {
      const point = [Number(li.dataset.lat), Number(li.dataset.long)];
      const style = { weight: 1, fillOpacity: 0.25, interactive: false };
      const angle = Number(li.dataset.angle);
      if (angle >= 360) L.circle(point, { ...style, radius: range }).addTo(map);
      else if (li.dataset.direction) {
        const direction = Number(li.dataset.direction);
        const width = angle > 0 ? angle : 90;
        const arc = [];
        for (let step = 0; step <= 12; step++) arc.push(offset(point, range, direction - width / 2 + (width * step) / 12));
        L.polygon([point, ...arc], style).addTo(map);
      }
      L.circleMarker(point, { radius: 4, weight: 1, fillOpacity: 0.9, interactive: false }).addTo(map);
      return point;
    });
    map.fitBounds(points, { maxZoom: 17, padding: [24, 24] });
  }
}
