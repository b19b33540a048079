// The chat on a phone: the danger bar folds into one line once the conversation has begun,
// a short form of the introduction stays in view, the message box grows with the text, and
// the page fits the part of the screen that the on-screen keyboard leaves free.

const SHORT_INTRO = {
  bot: "Chatbot, geen mens. Je bent anoniem.",
  queued: "Je wacht op een hulpverlener. Je bent anoniem.",
  human: "Nu chat je met een mens. Je bent anoniem.",
};
const SHORT_VIEW_PX = 480; // less than this left (keyboard open): the short introduction steps aside
const MAX_INPUT_PX = 128;

/** Folds the danger bar (closed, one line) when the first message is on screen; one tap opens it. */
export function foldHelpAfterFirstMessage(help, messages) {
  const fold = () => {
    if (!messages.querySelector("li")) return false;
    document.body.classList.add("help-folded");
    help.open = false;
    return true;
  };
  if (fold()) return;
  const watcher = new MutationObserver(() => { if (fold()) watcher.disconnect(); });
  watcher.observe(messages, { childList: true });
}

/** The introduction in short, true for the conversation's state (bot, queue, counsellor). */
export function showShortIntro(node) {
  const update = () => {
    const text = SHORT_INTRO[document.body.dataset.state || "bot"] || "";
    if (node.textContent !== text) node.textContent = text;
    node.hidden = !text;
  };
  update();
  new MutationObserver(update).observe(document.body, { attributes: true, attributeFilter: ["data-state"] });
}

/** The message box grows with what is typed, up to a few lines, and shrinks after sending. */
export function growWithText(textarea, form) {
  const fit = () => {
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight + 4, MAX_INPUT_PX)}px`;
  };
  textarea.addEventListener("input", fit);
  form.addEventListener("submit", () => requestAnimationFrame(fit));
}

/**
 * The page takes the height the visual viewport has (the screen minus the on-screen keyboard;
 * CSS falls back to 100dvh), and the newest message stays in view when the conversation gets
 * less room (keyboard open, a longer message being typed, the danger bar opened) or more to show.
 */
export function fitToVisibleViewport(scroller) {
  let atEnd = true;
  scroller.addEventListener("scroll", () => {
    // Still at the end unless the visitor scrolled up from where we last put it (content may
    // have grown between our scroll and this event).
    atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 32
      || scroller.scrollTop >= (placedAt.get(scroller) ?? 0);
  }, { passive: true });
  // The box itself shrinking, or what is in it growing (a queue status, the offers): the end stays in view.
  const keepEnd = new ResizeObserver(() => { if (atEnd) scrollToEnd(scroller); });
  for (const part of [scroller, ...scroller.children]) keepEnd.observe(part);
  const viewport = window.visualViewport;
  if (!viewport) return;
  const root = document.documentElement;
  const fit = () => {
    root.style.setProperty("--visible-height", `${Math.round(viewport.height)}px`);
    root.classList.add("fitted");
    root.classList.toggle("short-view", viewport.height < SHORT_VIEW_PX);
  };
  viewport.addEventListener("resize", fit);
  fit();
}

const placedAt = new WeakMap(); // scroller -> the scrollTop our last scrollToEnd gave it

/** Scrolls the conversation to its newest part. */
export function scrollToEnd(scroller) {
  scroller.scrollTop = scroller.scrollHeight;
  placedAt.set(scroller, scroller.scrollTop);
}
