// Suggests the browser's own time zone in the awards' time-zone choices that are still empty, so deadlines can be shown
// in it; the choice is the person's to change, and without scripting they choose it themselves.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (zone) {
  for (const select of document.querySelectorAll('select[name="tz"], select[name="Input.TimeZone"]')) {
    if (!select.value && [...select.options].some((o) => o.value === zone)) select.value = zone;
  }
}
