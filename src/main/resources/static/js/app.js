// Small behaviours for server-rendered pages. No inline scripts (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  // Forms that ask for confirmation: <form data-confirm="…">
  document.body.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);
  // A field that takes the page's current query string when its form is sent (the list's
  // filter, which htmx keeps in the address): <input data-query-from-url>
  document.body.addEventListener('submit', function (event) {
    event.target.querySelectorAll('[data-query-from-url]').forEach(function (input) {
      input.value = window.location.search.replace(/^\?/, '').replace(/(^|&)after=[^&]*/g, '');
    });
  });
  // Bulk selection: <input type="checkbox" data-check-all="name"> ticks every box of that name;
  // elements with data-bulk-count show how many are ticked.
  document.body.addEventListener('change', function (event) {
    var all = event.target.getAttribute && event.target.getAttribute('data-check-all');
    if (all) {
      document.querySelectorAll('input[type=checkbox][name="' + all + '"]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
    var count = document.querySelectorAll('input[type=checkbox][name="ids"]:checked').length;
    document.querySelectorAll('[data-bulk-count]').forEach(function (el) {
      el.textContent = count;
    });
    document.querySelectorAll('[data-bulk-needs-selection]').forEach(function (el) {
      el.disabled = count === 0;
    });
  });
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
  // A select that sends its form when changed: <select data-submit-on-change>
  document.body.addEventListener('change', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-submit-on-change') && event.target.form) {
      event.target.form.submit();
    }
  });
  // Suggestions while typing (search/suggest :: box): the box shows only when it has some.
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.target.id === 'suggest-list') {
      var box = document.getElementById('suggest-box');
      if (box) box.classList.toggle('d-none', !event.target.querySelector('li'));
    }
  });
});
