/*
 * Behaviour shared by every page (no inline script anywhere: the Content-Security-Policy forbids it).
 * - htmx requests carry the CSRF token of the page (meta tags), like the forms do.
 * - When the session has expired, the server answers an htmx request with HX-Redirect to the login
 *   page, which htmx follows for the whole page.
 * - Buttons with data-confirm ask before submitting their form.
 */
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
