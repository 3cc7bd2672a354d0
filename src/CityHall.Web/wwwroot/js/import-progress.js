// An import's progress bar follows the import without reloading the page; once the import has
// ended, the page is loaded again to show the summary. Without JavaScript the page has a refresh link.
const box = document.querySelector('[data-import-progress]');
if (box) {
  const bar = box.querySelector('progress');
  const text = box.querySelector('[data-progress-text]');
  const fill = (template, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), template);
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const status = await response.json();
        if (status.status !== 'running') { window.location.reload(); return; }
        if (status.writing) {
          bar.removeAttribute('value');
          text.textContent = fill(box.dataset.writingText, status.read.toLocaleString());
        } else if (status.estimated) {
          const percent = Math.min(99, Math.floor((100 * status.read) / status.estimated));
          bar.value = percent;
          text.textContent = fill(box.dataset.readingText, status.read.toLocaleString(), status.estimated.toLocaleString(), percent);
        }
      }
    } catch { /* a missed beat; the next one will tell */ }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 500);
}
