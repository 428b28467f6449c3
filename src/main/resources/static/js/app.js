// Small behaviours for server-rendered pages. No inline scripts (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  // Forms that ask for confirmation: <form data-confirm="…">
  document.body.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);
  // Copy buttons: <button data-copy="#id">
  document.body.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) return;
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim());
      button.classList.add('btn-success');
    }
  });
  // A select that fills another field: <select data-fill="#id"> (e.g. a rule preset)
  document.body.addEventListener('change', function (event) {
    var target = event.target.getAttribute && event.target.getAttribute('data-fill');
    if (!target || !event.target.value) return;
    var field = document.querySelector(target);
    if (field) {
      field.value = event.target.value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
});
