// The network's member directory: a world map of the members listed, drawn without any tile server — the countries
// come from Natural Earth (world-atlas, TopoJSON, served by the site), the members from the page's own GeoJSON
// (?handler=map with the same filters). The list stays how a member is opened by keyboard and screen reader; a member's
// dot opens its page for a pointer, and names it on hover.
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function drawWorld(field) {
  await window.loadLeaflet(field);
  if (!window.topojson) await loadScript(field.dataset.topojson);
  const [world, members] = await Promise.all([
    fetch(field.dataset.world).then((r) => r.json()),
    fetch(field.dataset.src, { headers: { Accept: 'application/geo+json' } }).then((r) => r.json()),
  ]);
  const memberCountries = new Set(members.features.map((f) => f.properties.country));
  const styles = getComputedStyle(field);
  const land = styles.getPropertyValue('--ch-world-land').trim() || '#e6e8ea';
  const memberLand = styles.getPropertyValue('--ch-world-member').trim() || '#b1cefb';
  const dot = styles.getPropertyValue('--ch-world-dot').trim() || '#063a74';
  const map = L.map(field.querySelector('[data-map]'), { worldCopyJump: true, minZoom: 1, maxZoom: 8, zoomSnap: 0.5 })
    .setView([20, 10], 1.5);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    interactive: false,
    style: (country) => ({
      color: '#8a949e', weight: 0.5, fillOpacity: 1,
      fillColor: memberCountries.has(country.id) ? memberLand : land,
    }),
  }).addTo(map);
  const dots = L.geoJSON(members, {
    pointToLayer: (feature, point) => L.circleMarker(point, { radius: 5, weight: 1, color: '#ffffff', fillColor: dot, fillOpacity: 1 })
      .bindTooltip(feature.properties.name)
      .on('click', () => { window.location.href = feature.properties.href; }),
  }).addTo(map);
  if (members.features.length > 0) map.fitBounds(dots.getBounds(), { maxZoom: 5, padding: [24, 24] });
}

const field = document.querySelector('[data-network-map]');
if (field) drawWorld(field).catch(() => { field.hidden = true; });
