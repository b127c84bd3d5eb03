// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';

  // A form with errors: move focus to the summary so screen readers announce it at once.
  var summary = document.getElementById('erreurs');
  if (summary) summary.focus();

  // Badge images not published yet (or broken): show a neutral medal, keep the alt text.
  function fallback(img) {
    var src = img.getAttribute('data-fallback');
    if (src && img.getAttribute('src') !== src) img.setAttribute('src', src);
  }
  document.querySelectorAll('img[data-fallback]').forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) fallback(img);
    img.addEventListener('error', function () { fallback(img); });
  });

  // One click, one submission: a second click while the page loads would post twice.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.getAttribute('data-submitting')) { event.preventDefault(); return; }
    form.setAttribute('data-submitting', 'true');
    form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
  });
  // Back button (page restored from cache): the forms are usable again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      form.removeAttribute('data-submitting');
      form.querySelectorAll('[aria-disabled]').forEach(function (b) { b.removeAttribute('aria-disabled'); });
    });
  });
})();
