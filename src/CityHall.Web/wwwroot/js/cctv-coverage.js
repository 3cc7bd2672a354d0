// The coverage map: districts shaded by the share within reach of a camera (darker is better covered), the chosen
// district's cameras with the wedge of what each looks at (window.cctvView from cctv-map.js), and citizens' open
// requests for a camera as red dots. The table on the page holds every figure; the map is for the eye.
const coverageMap = document.querySelector('[data-coverage-map]');
if (coverageMap && window.L && window.cctvView) {
  coverageMap.hidden = false;
  const range = Number(coverageMap.dataset.range) || 50;
  const map = L.map(coverageMap.querySelector('[data-map]')).setView([Number(coverageMap.dataset.centerLat), Number(coverageMap.dataset.centerLong)], 11);
  L.tileLayer(coverageMap.dataset.tileUrl, { maxZoom: 19, attribution: coverageMap.dataset.attribution }).addTo(map);
  fetch(coverageMap.dataset.source, { headers: { Accept: 'application/geo+json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((data) => {
      const cameras = [];
      for (const feature of data.features) {
        const p = feature.properties;
        const point = feature.geometry.type === 'Point' ? [feature.geometry.coordinates[1], feature.geometry.coordinates[0]] : null;
        if (p.kind === 'district') {
          L.geoJSON(feature, { style: { weight: 1, color: '#1d3a8a', fillColor: '#1d56bc', fillOpacity: 0.1 + 0.6 * p.share }, interactive: false }).addTo(map);
        } else if (p.kind === 'camera') {
          cameras.push(point);
          window.cctvView.draw(map, point, p.direction, p.angle, range, '#0b6b3a');
        } else if (p.kind === 'request') {
          L.circleMarker(point, { radius: 5, color: '#b3261e', fillOpacity: 0.8, interactive: false }).addTo(map);
        }
      }
      if (cameras.length > 0) map.fitBounds(cameras, { maxZoom: 16, padding: [24, 24] });
    })
    .catch(() => { coverageMap.hidden = true; });
}
