// Conveniences only: every page works without this file.
// GOV.UK pattern: an error summary takes focus so screen-reader users hear it first.
const summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();
