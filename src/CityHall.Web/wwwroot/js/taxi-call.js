// The pickup from the phone's location: fills the form's hidden point (the typed address is still sent for the
// driver to read). Without JavaScript or location the typed address is placed by the server.
const form = document.querySelector('[data-call-form]');
if (form && 'geolocation' in navigator) {
  const row = form.querySelector('[data-locate]');
  const button = form.querySelector('[data-use-location]');
  const status = form.querySelector('[data-locate-status]');
  row.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = button.dataset.locatingText;
    navigator.geolocation.getCurrentPosition((position) => {
      form.querySelector('[data-latitude]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[data-longitude]').value = position.coords.longitude.toFixed(6);
      status.textContent = button.dataset.locatedText;
    }, () => { status.textContent = button.dataset.deniedText; }, { enableHighAccuracy: true, timeout: 15000 });
  });
}
