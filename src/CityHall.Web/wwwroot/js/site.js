// Conveniences only: every page works without this file.
// GOV.UK pattern: an error summary takes focus so screen-reader users hear it first.
const summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();

// Similar proposals while the title is typed: the same server-rendered list the "check" button
// shows, fetched a moment after typing stops; the section is a polite live region.
const similar = document.querySelector('[data-similar-for][data-similar-url]');
const titleInput = similar && document.getElementById(similar.dataset.similarFor);
if (titleInput) {
  let timer;
  let asked = '';
  titleInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const title = titleInput.value.trim();
      if (title.length < 5 || title === asked) return;
      asked = title;
      try {
        const response = await fetch(`${similar.dataset.similarUrl}?title=${encodeURIComponent(title)}`, { credentials: 'same-origin' });
        if (response.ok && asked === title) similar.innerHTML = await response.text();
      } catch { /* offline or slow: the check button still works */ }
    }, 400);
  });
}
