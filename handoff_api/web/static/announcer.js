// What a screen reader hears of new messages: one visually hidden live region, to which each
// message is added exactly once. The message list itself is not live, so moving, confirming
// or reloading its items never makes a screen reader say a message twice.

const KEEP_MS = 20000; // long enough to be read out; then it does not double the list for browsing

export function createAnnouncer(region) {
  const said = new Set();
  return {
    /** Says `text` once for `key` (a message's sequence number); later calls with that key do nothing. */
    say(key, text) {
      if (said.has(key)) return false;
      said.add(key);
      const line = document.createElement("p");
      line.textContent = text;
      region.append(line);
      setTimeout(() => line.remove(), KEEP_MS);
      return true;
    },
    /** Marks keys as already heard (messages on screen before the page was reloaded). */
    know(keys) { for (const key of keys) said.add(key); },
  };
}
