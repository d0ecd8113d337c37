/*
 * Interview Desk booking widget. On the press office's own website:
 *   <script src="https://desk.example.org/embed.js" data-spokesperson="hector-guerra" async></script>
 * Optional: data-release="<release id>" (requests linked to a release),
 * data-language="fr" (the widget's language), data-title (the frame's accessible name).
 * It inserts an iframe of /embed/book/<spokesperson> right after the script
 * tag and sizes it to its content (the page inside posts its height).
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.spokesperson) return;
  var origin = new URL(script.src).origin;
  var query = new URLSearchParams();
  if (script.dataset.release) query.set('release', script.dataset.release);
  if (script.dataset.language) query.set('lang', script.dataset.language);
  var frame = document.createElement('iframe');
  frame.src = origin + '/embed/book/' + encodeURIComponent(script.dataset.spokesperson) + (query.toString() ? '?' + query : '');
  frame.title = script.dataset.title || 'Request an interview';
  frame.style.cssText = 'display:block;width:100%;max-width:100%;border:0;height:640px;';
  frame.setAttribute('allow', 'clipboard-write');
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    // Only this frame's own page may size it.
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.type === 'interview-desk:height' && typeof data.height === 'number' && data.height > 0) frame.style.height = Math.ceil(data.height) + 'px';
  });
})();
