// The coverage map: districts shaded by the share within reach of a camera (darker is better covered), the chosen
// district's cameras with the wedge of what each looks at, and citizens' open requests for a camera as red dots. The
// table on the page holds every figure; the map is for the eye.
const coverageMap = document.querySelector('[data-coverage-map]');
if (coverageMap && window.L) {
  coverageMap.hidden = false;
  const range = Number(coverageMap.dataset.range) || 50;
  const map = L.map(coverageMap.querySelector('[data-map]')).setView([Number(coverageMap.dataset.centerLat), Number(coverageMap.dataset.centerLong)], 11);
  L.tileLayer(coverageMap.dataset.tileUrl, { maxZoom: 19, attribution: coverageMap.dataset.attribution }).addTo(map);
  const offset = ([lat, lon], metres, degrees) => {
    const radians = (degrees * Math.PI) / 180;
    return [lat + (metres * Math.cos(radians)) / 111320, lon + (metres * Math.sin(radians)) / (111320 * Math.cos((lat * Math.PI) / 180))];
  };
  fetch(coverageMap.dataset.source, { headers: { Accept: 'application/geo+json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((data) => {
      const cameras = [];
      for (const feature of data.features) {
        const p = feature.properties;
        if (p.kind === 'district') {
          L.geoJSON(feature, { style: { weight: 1, color: '#1d3a8a', fillColor: '#1d56bc', fillOpacity: 0.1 + 0.6 * p.share }, interactive: false }).addTo(map);
        } else if (p.kind === 'camera') {
          const point = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
          cameras.push(point);
          const style = { weight: 1, color: '#0b6b3a', fillOpacity: 0.3, interactive: false };
          if (p.angle >= 360) L.circle(point, { ...style, radius: range }).addTo(map);
          else if (p.direction !== null && p.direction !== undefined) {
            const width = p.angle > 0 ? p.angle : 90;
            const arc = [];
            for (let step = 0; step <= 12; step++) arc.push(offset(point, range, p.direction - width / 2 + (width * step) / 12));
            L.polygon([point, ...arc], style).addTo(map);
          }
          L.circleMarker(point, { radius: 3, weight: 1, color: '#0b6b3a', fillOpacity: 0.9, interactive: false }).addTo(map);
        } else if (p.kind === 'request') {
          L.circleMarker([feature.geometry.coordinates[1], feature.geometry.coordinates[0]], { radius: 5, color: '#b3261e', fillOpacity: 0.8, interactive: false }).addTo(map);
        }
      }
      if (cameras.length > 0) map.fitBounds(cameras, { maxZoom: 16, padding: [24, 24] });
    })
    .catch(() => { coverageMap.hidden = true; });
}
