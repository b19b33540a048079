// The keys that leave the page at once: Esc, or Shift pressed three times in a row within a
// second (GOV.UK's "Exit this page" pattern, which many victims' sites copy). Any other key in
// between starts the count again, so typing capitals never leaves the page by accident.

export const SHIFT_PRESSES = 3;
export const SHIFT_WINDOW_MS = 1000;

export function onExitKeys(leave) {
  let shifts = [];
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" || event.key === "Esc") {
      event.preventDefault();
      leave();
      return;
    }
    if (event.key !== "Shift") { shifts = []; return; }
    if (event.repeat) return; // held down: one press
    shifts = shifts.filter((t) => event.timeStamp - t < SHIFT_WINDOW_MS);
    shifts.push(event.timeStamp);
    if (shifts.length >= SHIFT_PRESSES) { shifts = []; leave(); }
  }, true);
}
