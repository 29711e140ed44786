// Cookie notice: show until dismissed, remember the choice. No inline script needed.
(function () {
  var key = 'cookie-notice-dismissed';
  var box = document.getElementById('cookie-notice');
  if (!box) return;
  try {
    if (localStorage.getItem(key) === '1') return;
  } catch (e) {}
  box.hidden = false;
  var button = box.querySelector('[data-cookie-accept]');
  button.addEventListener('click', function () {
    try {
      localStorage.setItem(key, '1');
    } catch (e) {}
    box.hidden = true;
  });
})();
