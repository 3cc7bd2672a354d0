// A knapsack ballot: as projects are ticked, say what they cost together and what is left of the heading's amount
// (or how far over it, or how much more the minimum asks), as the server would on sending. The form works without
// this: the server checks the same and says why a ballot was refused.
const remaining = document.querySelector('[data-remaining]');
const form = remaining?.closest('form');
if (remaining && form) {
  const amount = Number(remaining.dataset.amount);
  const minimum = Number(remaining.dataset.min || 0);
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const money = (n) => (remaining.dataset.money || '{0}').replace('{0}', numbers.format(n));
  const fill = (template, ...values) => values.reduce((text, v, i) => text.replace(`{${i}}`, money(v)), template || '');
  const update = () => {
    const chosen = [...form.querySelectorAll('input[data-cost]:checked')].reduce((sum, box) => sum + Number(box.dataset.cost), 0);
    let state = 'ok';
    let text = fill(remaining.dataset.text, chosen, amount - chosen);
    if (chosen > amount) { state = 'over'; text = fill(remaining.dataset.textOver, chosen, chosen - amount); }
    else if (chosen < minimum) { state = 'under'; text = fill(remaining.dataset.textUnder, chosen, amount - chosen, minimum - chosen); }
    remaining.dataset.state = state;
    remaining.textContent = text;
  };
  form.addEventListener('change', update);
}
