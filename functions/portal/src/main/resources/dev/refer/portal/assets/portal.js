// The portal's only script: copy buttons. A button with data-copy="<id>" copies the text (or value) of the element
// with that id; without script the text is still there to select and copy by hand.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  event.preventDefault();
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source || !navigator.clipboard) {
    return;
  }
  var text = source.value !== undefined ? source.value : source.textContent;
  navigator.clipboard.writeText(text.trim()).then(function () {
    var label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 2000);
  });
});
