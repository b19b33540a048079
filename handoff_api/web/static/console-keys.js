// The console's keyboard shortcuts (listed on the page under "Sneltoetsen"). Alt with a key's
// position (event.code), so they work on any keyboard layout; Enter sends (console.js).

const ACTIONS = {
  ArrowDown: "next", ArrowUp: "previous", KeyA: "claimNext", KeyT: "texts",
  KeyN: "note", KeyB: "briefing", KeyW: "queue",
};

export function installShortcuts(handlers) {
  document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.isComposing || !handlers.active()) return;
    const action = ACTIONS[event.code];
    if (!action) return;
    event.preventDefault();
    handlers[action]();
  });
  const button = document.getElementById("shortcuts-button");
  const list = document.getElementById("shortcuts");
  button.addEventListener("click", () => {
    list.hidden = !list.hidden;
    button.setAttribute("aria-expanded", String(!list.hidden));
  });
}
