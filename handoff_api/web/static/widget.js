/*
 * The one-script-tag embed for a helpline's site:
 *   <script src="https://<handoff api>/widget.js" data-entry-point="nupraatikerover" async></script>
 * It adds a chat button; the chat itself runs in a frame served by the handoff API, so the
 * host page never sees the conversation. Quick exit (the button in the chat, or Esc or Shift
 * three times on the host page while the chat is open) replaces the whole page with a neutral site.
 * A classic script (not a module) so that document.currentScript names the entry point.
 */
(function () {
  "use strict";
  var NEUTRAL_SITE = "https://www.google.com/search?q=weerbericht";
  var script = document.currentScript;
  if (!script) return;
  var entryPoint = script.getAttribute("data-entry-point");
  if (!entryPoint) return;
  var origin = new URL(script.src, location.href).origin;
  var frame = null;

  function quickExit() {
    if (frame) frame.remove();
    try { sessionStorage.clear(); } catch (e) { /* nothing to clear */ }
    location.replace(NEUTRAL_SITE);
  }

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = script.getAttribute("data-label") || "Chat met ons";
  button.setAttribute("aria-expanded", "false");
  var s = button.style;
  s.position = "fixed"; s.right = "16px"; s.bottom = "16px"; s.zIndex = "2147483646";
  s.minHeight = "48px"; s.padding = "0 20px"; s.border = "2px solid #ffffff"; s.borderRadius = "24px";
  s.background = "#0b4f94"; s.color = "#ffffff"; s.font = "600 16px system-ui, sans-serif"; s.cursor = "pointer";
  s.boxShadow = "0 2px 8px rgba(0,0,0,.3)";

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/chat/" + encodeURIComponent(entryPoint) + "?embed=1";
      frame.title = "Chat";
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.setAttribute("allow", "clipboard-write");
      var f = frame.style;
      f.position = "fixed"; f.right = "16px"; f.bottom = "76px"; f.zIndex = "2147483647";
      f.width = "min(400px, calc(100vw - 32px))"; f.height = "min(640px, calc(100vh - 100px))";
      f.border = "1px solid #595959"; f.borderRadius = "8px"; f.background = "#ffffff";
      f.boxShadow = "0 4px 16px rgba(0,0,0,.3)";
      document.body.appendChild(frame);
    }
    frame.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.textContent = "Chat verbergen";
    frame.focus();
  }

  function hide() {
    if (frame) frame.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = script.getAttribute("data-label") || "Chat met ons";
  }

  button.addEventListener("click", function () {
    if (frame && !frame.hidden) hide(); else open();
  });
  window.addEventListener("message", function (event) {
    if (event.origin === origin && event.data && event.data.type === "helpline-chat:quick-exit") quickExit();
  });
  // Esc, or Shift three times within a second (as in the chat, exit-keys.js), while the chat is open.
  var shifts = [];
  document.addEventListener("keydown", function (event) {
    if (!frame || frame.hidden) return;
    if (event.key === "Escape" || event.key === "Esc") { quickExit(); return; }
    if (event.key !== "Shift") { shifts = []; return; }
    if (event.repeat) return;
    shifts = shifts.filter(function (t) { return event.timeStamp - t < 1000; });
    shifts.push(event.timeStamp);
    if (shifts.length >= 3) quickExit();
  });

  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
