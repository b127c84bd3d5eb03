// Small progressive enhancements; every page works without this file.
(() => {
  // A form with errors: move focus to the summary so screen readers announce it at once.
  var summary = document.getElementById('erreurs');
  if (summary) summary.focus();

  // Badge images not published yet (or broken): show a neutral medal, keep the alt text.
  function fallback(img) {
    var src = img.getAttribute('data-fallback');
    if (src && img.getAttribute('src') !== src) img.setAttribute('src', src);
  }

  function oneFile(files) {
    if (!window.DataTransfer || files.length <= 1) return files;
    var list = new DataTransfer();
    list.items.add(files[0]);
    return list.files;
  }

  // A file input's box also accepts a dropped file, and names the chosen one.
  function dropzone(zone) {
    var input = zone.querySelector('input[type="file"]');
    var chosen = zone.querySelector('[data-chosen]');
    var text = zone.querySelector('[data-drop-text]');
    var choose = zone.querySelector('[data-choose]');
    if (!input) return;
    if (text) text.hidden = false;
    // The browser's own control speaks the browser's language: a button in the page's replaces it.
    if (choose) {
      choose.hidden = false;
      zone.classList.add('is-enhanced');
    }
    function show() {
      if (!chosen) return;
      var file = input.files?.[0];
      chosen.hidden = !file;
      if (file) chosen.querySelector('strong').textContent = file.name;
    }
    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach((type) => {
      zone.addEventListener(type, (event) => {
        event.preventDefault();
        zone.classList.add('is-dragover');
      });
    });
    ['dragleave', 'dragend'].forEach((type) => {
      zone.addEventListener(type, () => {
        zone.classList.remove('is-dragover');
      });
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('is-dragover');
      var files = event.dataTransfer?.files;
      if (!files?.length) return;
      input.files = oneFile(files);
      show();
      // The verifier checks a dropped badge at once: dropping it is the request.
      if (input.hasAttribute('data-submit-on-drop') && input.form) {
        if (input.form.requestSubmit) input.form.requestSubmit();
        else input.form.submit();
      }
    });
    show();
  }

  // "Copy the link": the read-only field stays usable without script (select and copy).
  function copyButton(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = button.closest('.share')?.querySelector('[data-copy-status]');
    if (!field) return;
    button.hidden = false;
    function say(text) {
      if (status) status.textContent = text;
    }
    button.addEventListener('click', () => {
      var done = () => {
        say(button.getAttribute('data-copied'));
      };
      var failed = () => {
        field.focus();
        field.select();
        try {
          if (document.execCommand('copy')) return done();
        } catch {
          /* fall through */
        }
        say(button.getAttribute('data-copy-failed'));
      };
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(field.value).then(done, failed);
      else failed();
    });
  }

  /**
   * The import preview, fetched in place: the chosen file stays in this page's memory and fills
   * the confirmation form, so the organiser does not choose it twice. Without script (or on any
   * failure) the form posts normally and the confirmation asks for the file again.
   */
  function importPreview(form) {
    if (!window.fetch || !window.DOMParser || !window.DataTransfer) return;
    form.addEventListener('submit', (event) => {
      var input = form.querySelector('input[type="file"]');
      if (!input?.files?.length) return;
      event.preventDefault();
      if (form.getAttribute('data-submitting')) return;
      form.setAttribute('data-submitting', 'true');
      form.querySelectorAll('button[type="submit"]').forEach((b) => {
        b.setAttribute('aria-disabled', 'true');
      });
      var files = input.files;
      fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
        .then((response) => response.text())
        .then((text) => {
          var page = new DOMParser().parseFromString(text, 'text/html');
          var fresh = page.querySelector('main');
          var current = document.querySelector('main');
          if (!fresh || !current) throw new Error('no main');
          document.title = page.title;
          current.replaceWith(fresh);
          var same = fresh.querySelector('[data-same-file]');
          var carried = fresh.querySelector('[data-carried]');
          var target = same?.querySelector('input[type="file"]');
          if (target) {
            target.files = files;
            same.hidden = true;
            if (carried) carried.hidden = false;
          }
          enhance(fresh);
          window.scrollTo(0, 0);
          (fresh.querySelector('#erreurs') || fresh).focus({ preventScroll: true });
        })
        .catch(() => {
          form.submit();
        });
    });
  }

  function enhance(root) {
    root.querySelectorAll('img[data-fallback]').forEach((img) => {
      if (img.complete && img.naturalWidth === 0) fallback(img);
      img.addEventListener('error', () => {
        fallback(img);
      });
    });
    root.querySelectorAll('[data-dropzone]').forEach(dropzone);
    root.querySelectorAll('button[data-copy]').forEach(copyButton);
    root.querySelectorAll('form[data-import-preview]').forEach(importPreview);
  }
  enhance(document);

  // One click, one submission: a second click while the page loads would post twice.
  document.addEventListener('submit', (event) => {
    var form = event.target;
    if (event.defaultPrevented) return;
    if (form.getAttribute('data-submitting')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    form.querySelectorAll('button[type="submit"]').forEach((b) => {
      b.setAttribute('aria-disabled', 'true');
    });
  });
  // Back button (page restored from cache): the forms are usable again.
  window.addEventListener('pageshow', () => {
    document.querySelectorAll('form[data-submitting]').forEach((form) => {
      form.removeAttribute('data-submitting');
      form.querySelectorAll('[aria-disabled]').forEach((b) => {
        b.removeAttribute('aria-disabled');
      });
    });
  });
})();
