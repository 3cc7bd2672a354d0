// Home: the public-toilets block lists those nearest the city centre (rendered by the server, shared by
// every visitor). Where the browser gives its location, the list is swapped for the ones nearest the
// visitor, read from the near-me page itself so the list looks and reads the same. Without this script,
// or without a location, the block stays as it is and its link leads to the near-me page.
const form = document.querySelector('[data-home-near]');
if (form && navigator.geolocation && window.fetch && window.DOMParser) {
  const block = form.closest('[data-home-block]');
  const button = form.querySelector('[data-locate]');
  const status = form.querySelector('[data-locate-status]');
  const shown = Number(form.dataset.shown) || 5;
  form.hidden = false;

  const swap = async (position) => {
    form.elements.lat.value = position.coords.latitude.toFixed(6);
    form.elements.lon.value = position.coords.longitude.toFixed(6);
    const query = new URLSearchParams(new FormData(form));
    try {
      const response = await fetch(`${form.action}?${query}`, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const list = page.querySelector('[data-places]');
      if (!list || list.children.length === 0) { status.textContent = ''; return; }
      while (list.children.length > shown) list.lastElementChild.remove();
      block.querySelector('[data-places]').replaceWith(document.adoptNode(list));
      const caption = block.querySelector('[data-near-caption]');
      caption.textContent = caption.dataset.nearYou;
      const more = block.querySelector('.ch-home-block__more a');
      if (more) more.href = `${form.action}?${query}`;
      status.textContent = '';
      form.hidden = true;
    } catch {
      status.textContent = button.dataset.failed || '';
    }
  };
  const locate = () => {
    status.textContent = button.dataset.locating || '';
    navigator.geolocation.getCurrentPosition(swap, () => { status.textContent = button.dataset.failed || ''; },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
  };
  button.addEventListener('click', locate);
  // Asked before and allowed: no need to press the button again.
  navigator.permissions?.query({ name: 'geolocation' }).then((p) => { if (p.state === 'granted') locate(); }, () => {});
}
