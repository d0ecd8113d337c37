/*
 * Interview Desk booking widget. On the press office's own website, one tag per widget:
 *   <script src="https://desk.example.org/embed.js" data-spokesperson="hector-guerra" async></script>
 *   <script src="https://desk.example.org/embed.js" data-topic="cluster munitions" async></script>
 *   <script src="https://desk.example.org/embed.js" data-release="<release slug>" async></script>
 * A spokesperson's widget is their booking page; a topic's lists who is free on
 * it soonest; a release's lists its spokespeople (with data-spokesperson too,
 * data-release is the release's id and links the request to it).
 * Optional: data-language="fr" (the widget's language), data-title (the frame's accessible name).
 * It inserts an iframe of /embed/… right after the script tag and sizes it to
 * its content (the page inside posts its height). The console shows each
 * widget's snippet (Spokespeople, Releases).
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;
  var origin = new URL(script.src).origin;
  var query = new URLSearchParams();
  var path;
  if (data.spokesperson) {
    path = '/embed/book/' + encodeURIComponent(data.spokesperson);
    if (data.release) query.set('release', data.release);
  } else if (data.topic) {
    path = '/embed/topic/' + encodeURIComponent(data.topic);
  } else if (data.release) {
    path = '/embed/releases/' + encodeURIComponent(data.release);
  } else {
    return;
  }
  if (data.language) query.set('lang', data.language);
  var frame = document.createElement('iframe');
  frame.src = origin + path + (query.toString() ? '?' + query : '');
  frame.title = data.title || 'Request an interview';
  frame.style.cssText = 'display:block;width:100%;max-width:100%;border:0;height:640px;';
  frame.setAttribute('allow', 'clipboard-write');
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    // Only this frame's own page may size it.
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (message && message.type === 'interview-desk:height' && typeof message.height === 'number' && message.height > 0) frame.style.height = Math.ceil(message.height) + 'px';
  });
})();
