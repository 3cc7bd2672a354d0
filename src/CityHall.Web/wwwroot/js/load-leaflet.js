// Leaflet's styles and script, fetched only when a page's map is wanted (they weigh more than the rest of most pages).
// The element names their versioned addresses in data-leaflet-css and data-leaflet-js; once loaded, later calls resolve
// at once. Used by the places' maps and the taxi trip's map.
window.loadLeaflet = (element) => {
  if (window.L) return Promise.resolve();
  window.loadLeaflet.pending ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = element.dataset.leafletCss;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = element.dataset.leafletJs;
    script.onload = resolve;
    script.onerror = () => { window.loadLeaflet.pending = null; reject(); };
    document.head.append(script);
  });
  return window.loadLeaflet.pending;
};
