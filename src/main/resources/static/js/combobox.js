/*
 * Accessible combobox (WAI-ARIA 1.2 "list autocomplete") over a listbox that htmx fills.
 * The field is a plain text input in the HTML: this script gives it its combobox role, so that
 * without JavaScript nobody is told about a list that can never open (the form then answers the
 * typed text). Keyboard: Down/Up browse the suggestions, Enter chooses, Escape closes (then clears),
 * Tab leaves. What screen readers hear after each keystroke comes from the server with the options
 * (an out-of-band swap into the status region).
 */
(function () {
  'use strict';

  function init(input) {
    var listbox = document.getElementById(input.getAttribute('data-listbox'));
    var hidden = input.form.querySelector('input[type="hidden"][name="commune"]');
    var form = input.form;
    var active = -1;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);

    function options() {
      return Array.prototype.slice.call(listbox.querySelectorAll('[role="option"]'));
    }

    function setActive(index) {
      var all = options();
      all.forEach(function (option, i) {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
        option.classList.toggle('active', i === index);
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute('aria-activedescendant', all[index].id);
        all[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function open() {
      if (!options().length) {
        close();
        return;
      }
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function clear() {
      input.value = '';
      hidden.value = '';
      listbox.innerHTML = '';
      close();
    }

    function choose(option) {
      input.value = option.getAttribute('data-label');
      hidden.value = option.getAttribute('data-code');
      close();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    input.addEventListener('input', function () {
      hidden.value = '';
      setActive(-1);
      if (!input.value.trim()) {
        listbox.innerHTML = '';
        close();
      }
    });

    input.addEventListener('keydown', function (event) {
      var all = options();
      switch (event.key) {
        case 'ArrowDown':
          if (!all.length) { return; }
          event.preventDefault();
          open();
          setActive(active + 1 >= all.length ? 0 : active + 1);
          break;
        case 'ArrowUp':
          if (!all.length) { return; }
          event.preventDefault();
          open();
          setActive(active <= 0 ? all.length - 1 : active - 1);
          break;
        case 'Enter':
          if (!listbox.hidden && active >= 0 && all[active]) {
            event.preventDefault();
            choose(all[active]);
          }
          break;
        case 'Escape':
          if (!listbox.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            clear();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
      }
    });

    // Keep the focus in the input when an option is clicked or tapped.
    listbox.addEventListener('mousedown', function (event) { event.preventDefault(); });
    listbox.addEventListener('click', function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) { choose(option); }
    });
    input.addEventListener('blur', close);

    document.body.addEventListener('htmx:afterSwap', function (event) {
      if (event.detail.target !== listbox) { return; }
      active = -1;
      if (document.activeElement === input && input.value.trim()) {
        open();
      } else {
        close();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-listbox]'), init);
  });
})();
