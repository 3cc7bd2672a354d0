// Cameras on a Leaflet map with the wedge of what each looks at: its direction and angle, a circle for a camera that
// turns all around, only its dot when the registry does not say. window.cctvView.draw is shared with the coverage map
// (cctv-coverage.js, loaded after this file). On the registry's and a notice's page, the listed cameras are drawn; the
// list beside the map is how a notice is opened — the map only shows where, for eyes that want it.
window.cctvView = {
  // A point so many metres away in a compass direction (small distances: the earth is flat enough here).
  offset([lat, lon], metres, degrees) {
    const radians = (degrees * Math.PI) / 180;
    return [lat + (metres * Math.cos(radians)) / 111320, lon + (metres * Math.sin(radians)) / (111320 * Math.cos((lat * Math.PI) / 180))];
  },
  draw(map, point, direction, angle, range, color) {
    const style = { weight: 1, fillOpacity: 0.25, interactive: false, ...(color ? { color } : {}) };
    if (angle >= 360) L.circle(point, { ...style, radius: range }).addTo(map);
    else if (direction !== null && direction !== undefined && !Number.isNaN(direction)) {
      const width = angle > 0 ? angle : 90;
      const arc = [];
      for (let step = 0; step <= 12; step++) arc.push(this.offset(point, range, direction - width / 2 + (width * step) / 12));
      L.polygon([point, ...arc], style).addTo(map);
    }
    L.circleMarker(point, { ...style, radius: 4, fillOpacity: 0.9 }).addTo(map);
  },
};

const cctvMap = document.querySelector('[data-cctv-map]');
if (cctvMap && window.L) {
  const items = [...document.querySelectorAll('[data-cameras] [data-lat][data-long]')];
  if (items.length > 0) {
    cctvMap.hidden = false;
    const range = Number(cctvMap.dataset.range) || 50;
    const map = L.map(cctvMap.querySelector('[data-map]')).setView([Number(cctvMap.dataset.centerLat), Number(cctvMap.dataset.centerLong)], 16);
    L.tileLayer(cctvMap.dataset.tileUrl, { maxZoom: 19, attribution: cctvMap.dataset.attribution }).addTo(map);
    const points = items.map((li) => {
      const point = [Number(li.dataset.lat), Number(li.dataset.long)];
      window.cctvView.draw(map, point, li.dataset.direction ? Number(li.dataset.direction) : null, Number(li.dataset.angle), range);
      return point;
    });
    map.fitBounds(points, { maxZoom: 17, padding: [24, 24] });
  }
}
