// The visitor's chat. Every text from the server is shown with textContent, never as HTML.
// Nothing is kept in the browser beyond sessionStorage for this open tab.

import { api, el, liveSocket, NEUTRAL_SITE, refusalOf } from "./common.js";
import { createAnnouncer } from "./announcer.js";
import { fitToVisibleViewport, foldHelpAfterFirstMessage, growWithText, scrollToEnd, showShortIntro } from "./chat-layout.js";
import { onExitKeys } from "./exit-keys.js";
import { messageItem, spoken } from "./chat-messages.js";
import { watchCodeForm } from "./chat-code.js";
import { newMessageId, postMessage } from "./chat-send.js";
import { lostAccessText, statusText } from "./chat-status.js";

const body = document.body;
const entryPoint = body.dataset.entryPoint;
const params = new URLSearchParams(location.search);
// A test parameter, honoured only when the server allows a simulated clock.
const simulatedNow = body.dataset.simulatedClock === "1" ? params.get("simulated_now") : null;
const embedded = window.parent !== window;
const STORE = "chat:" + entryPoint;

const $ = (id) => document.getElementById(id);
const ui = {
  start: $("start"), chat: $("chat"), messages: $("messages"), typing: $("typing"),
  counsellorTyping: $("counsellor-typing"),
  queue: $("queue-info"), replies: $("quick-replies"), composer: $("composer"),
  input: $("message-input"), send: $("send-button"), end: $("end-button"), newChat: $("new-button"),
  notice: $("notice"), connection: $("connection"), hours: $("hours"),
  conversation: $("conversation"), share: $("share-button"),
};
const announcer = createAnnouncer($("announcer"));

let conversation = null; // {id, token}
let lastSeq = 0;
let state = "bot";
let socket = null;
let exiting = false;
const pending = []; // the visitor's own messages not yet confirmed by the server
let unsent = null; // {text, id}: a message that failed, sent again with the same id

// --- quick exit -----------------------------------------------------------
function quickExit() {
  if (exiting) return;
  exiting = true;
  if (socket) socket.close();
  if (conversation) {
    // Best effort: the counsellor sees that the visitor left. keepalive survives the unload.
    fetch(`/api/v1/conversations/${conversation.id}/end`, {
      method: "POST", keepalive: true, headers: { Authorization: `Bearer ${conversation.token}` },
    }).catch(() => {});
  }
  conversation = null;
  try { sessionStorage.clear(); } catch (e) { /* storage may be blocked */ }
  document.body.replaceChildren();
  if (embedded) {
    window.parent.postMessage({ type: "helpline-chat:quick-exit" }, "*");
    try { window.top.location.replace(NEUTRAL_SITE); } catch (e) { /* the host page does it */ }
  }
  location.replace(NEUTRAL_SITE);
}
$("quick-exit").addEventListener("click", (event) => { event.preventDefault(); quickExit(); });
onExitKeys(quickExit); // Esc, or Shift three times

// --- numbers open day and night ----------------------------------------------
function showNumbers() {
  let phones = [];
  try { phones = JSON.parse($("round-the-clock").textContent); } catch (e) { phones = []; }
  const list = $("help-list");
  for (const phone of phones) {
    const item = el("li");
    if (phone.number) {
      item.append(el("a", { href: `tel:${phone.number.replace(/[^0-9+]/g, "")}`, text: phone.number }),
        ` ${phone.name} (${phone.hours})`);
    } else {
      item.textContent = `${phone.name} (${phone.hours})`;
    }
    list.append(item);
  }
}

// --- storage (this tab only) ---------------------------------------------------
function save() {
  try {
    if (conversation) sessionStorage.setItem(STORE, JSON.stringify(conversation));
    else sessionStorage.removeItem(STORE);
  } catch (e) { /* private mode: the chat still works */ }
}
function restore() {
  try { return JSON.parse(sessionStorage.getItem(STORE) || "null"); } catch (e) { return null; }
}

// --- rendering -------------------------------------------------------------------
function notice(text) { ui.notice.textContent = text || ""; }

function errorText(error) {
  const nl = error && error.body && error.body.message && error.body.message.nl;
  return nl || "Er ging iets mis. Probeer het opnieuw. Ben je in gevaar? Bel 112.";
}

function insertMessage(message) {
  if (ui.messages.querySelector(`li[data-seq="${message.seq}"]`)) return false; // shown once
  const later = [...ui.messages.querySelectorAll("li[data-seq]")].find((li) => Number(li.dataset.seq) > message.seq);
  const index = message.sender === "visitor" ? pending.findIndex((p) => p.text === message.text) : -1;
  if (index >= 0) {
    // Our own message, confirmed: the bubble stays (a screen reader does not hear it twice),
    // and moves only if replies were put before it.
    const { item } = pending.splice(index, 1)[0];
    item.classList.remove("msg-pending");
    item.dataset.seq = message.seq;
    if (later && later.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING) ui.messages.insertBefore(item, later);
    return true;
  }
  ui.messages.insertBefore(messageItem(message), later || ui.messages.querySelector("li.msg-pending"));
  return true;
}

// `history`: messages from before a reload, already heard; they are shown, not said again.
function ingest(messages, { history = false } = {}) {
  let added = false;
  for (const message of messages) {
    if (insertMessage(message)) {
      added = true;
      if (history) announcer.know([message.seq]);
      else if (message.sender !== "visitor") announcer.say(message.seq, spoken(message));
    }
    lastSeq = Math.max(lastSeq, message.seq);
  }
  if (added) {
    showQuickReplies();
    scrollToEnd(ui.conversation);
    if (messages.some((m) => m.sender !== "visitor")) refreshState();
  }
}

const knownMessages = new Map();
// The message whose buttons are shown. Asking the state again (every 10 s, and after each reply)
// must not rebuild the same buttons: that would take the focus from a keyboard user's button.
let repliesOf = null;
function clearQuickReplies() {
  ui.replies.replaceChildren();
  repliesOf = null;
}
function showQuickReplies() {
  const items = ui.messages.querySelectorAll("li[data-seq]");
  const last = items[items.length - 1];
  const message = last && state === "bot" ? knownMessages.get(Number(last.dataset.seq)) : null;
  const buttons = (message && message.buttons) || [];
  const shown = buttons.length ? message.seq : null;
  if (shown === repliesOf) return;
  clearQuickReplies();
  repliesOf = shown;
  for (const button of buttons) {
    const b = el("button", { type: "button", text: button.title });
    b.dataset.payload = button.payload;
    b.addEventListener("click", (event) => {
      // Pressed with the keyboard (no pointer: detail 0): the button goes away, so the focus
      // moves on to the message box instead of falling back to the page.
      if (event.detail === 0) ui.input.focus({ preventScroll: true });
      send(button.title, button.payload);
    });
    ui.replies.append(b);
  }
}

function remember(messages) {
  for (const m of messages) knownMessages.set(m.seq, m);
  return messages;
}

// --- state, queue, connection ---------------------------------------------------------
async function refreshState() {
  const asked = conversation;
  if (!asked) return;
  try {
    const info = await api(`/api/v1/conversations/${asked.id}`, { token: asked.token });
    // An answer from before the access was lost (or the chat restarted) says nothing of now.
    if (conversation === asked) setState(info);
  } catch (e) { /* the socket or the next message will tell */ }
}

// A live status is written only when it changes: asked again every 10 s, it is not said again.
function setStatus(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setState(info) {
  state = info.state;
  body.dataset.state = state;
  setStatus(ui.queue, statusText(info));
  // Only the visitor's own choice lets the counsellor read what they told the bot.
  ui.share.hidden = info.story_shared || !(state === "queued" || state === "human");
  const closed = state === "closed";
  ui.input.disabled = closed;
  ui.send.disabled = closed;
  ui.end.hidden = closed;
  ui.newChat.hidden = !closed;
  if (closed && socket) socket.close();
  showQuickReplies();
}

async function shareStory() {
  if (!conversation) return;
  notice("");
  try {
    const answer = await api(`/api/v1/conversations/${conversation.id}/share-story`, {
      method: "POST", token: conversation.token,
    });
    ingest(remember(answer.messages));
    ui.share.hidden = true;
    refreshState();
  } catch (error) {
    notice(errorText(error));
  }
}
ui.share.addEventListener("click", shareStory);

let queueTimer = null;
function watchQueue() {
  clearInterval(queueTimer);
  // Queue place, expected wait, a counsellor joining: asked every 10 s until the end.
  queueTimer = setInterval(() => { if (state !== "closed") refreshState(); }, 10000);
}

function connect() {
  if (socket) socket.close();
  socket = liveSocket({
    path: `/api/v1/conversations/${conversation.id}/live`,
    token: conversation.token,
    after: () => lastSeq,
    onMessage: (frame) => {
      if (frame.sender === "counsellor") hideCounsellorTyping();
      ingest(remember([frame]));
    },
    onFrame: showCounsellorTyping,
    onStatus: (status) => {
      ui.connection.textContent = {
        lost: "De verbinding is even weg. We proberen opnieuw…",
        back: "Je bent weer verbonden.",
        open: "",
      }[status] ?? "";
      if (status === "back") setTimeout(() => { if (ui.connection.textContent === "Je bent weer verbonden.") ui.connection.textContent = ""; }, 4000);
    },
    onRefused: lostAccess,
    probe: () => refusalOf(() => api(`/api/v1/conversations/${conversation.id}`, { token: conversation.token })),
  });
}

// Typing signals, without any text: the counsellor sees that the visitor writes, and the other way round.
const TYPING_EVERY_MS = 2000;
const TYPING_SHOWN_MS = 5000;
let typingSent = 0;
let typingTimer = null;
ui.input.addEventListener("input", () => {
  if (state !== "human" || !socket || Date.now() - typingSent < TYPING_EVERY_MS) return;
  if (socket.send({ type: "typing" })) typingSent = Date.now();
});
function showCounsellorTyping(frame) {
  if (frame.type !== "typing" || frame.who !== "counsellor") return;
  ui.counsellorTyping.textContent = `${frame.name || "De hulpverlener"} typt…`;
  ui.counsellorTyping.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideCounsellorTyping, TYPING_SHOWN_MS);
}
function hideCounsellorTyping() {
  clearTimeout(typingTimer);
  ui.counsellorTyping.hidden = true;
}

// The server closed the socket for good: no more retries, and the visitor is told why.
function lostAccess(code) {
  clearInterval(queueTimer);
  socket = null;
  conversation = null;
  save();
  state = "closed";
  body.dataset.state = "lost";
  ui.connection.textContent = lostAccessText(code);
  ui.queue.textContent = "";
  ui.input.disabled = true;
  ui.send.disabled = true;
  ui.end.hidden = true;
  ui.newChat.hidden = false;
  clearQuickReplies();
}

// --- conversation ---------------------------------------------------------------------
function openChat() {
  ui.start.hidden = true;
  ui.chat.hidden = false;
  watchQueue();
}

async function startConversation() {
  notice("");
  $("start-button").disabled = true;
  ui.typing.hidden = false;
  openChat();
  try {
    const payload = { entry_point: entryPoint };
    if (simulatedNow) payload.simulated_now = simulatedNow;
    const created = await api("/api/v1/conversations", { method: "POST", json: payload });
    conversation = { id: created.id, token: created.token };
    save();
    state = created.state;
    ingest(remember(created.messages));
    connect();
    refreshState();
    ui.input.focus();
  } catch (error) {
    ui.chat.hidden = true;
    ui.start.hidden = false;
    $("start-button").disabled = false;
    notice(errorText(error));
  } finally {
    ui.typing.hidden = true;
  }
}

async function resume(saved) {
  conversation = saved;
  openChat();
  try {
    const info = await api(`/api/v1/conversations/${conversation.id}`, { token: conversation.token });
    const all = await api(`/api/v1/conversations/${conversation.id}/messages?after=0`, { token: conversation.token });
    ingest(remember(all.messages), { history: true });
    setState(info);
    connect();
  } catch (error) {
    conversation = null;
    save();
    ui.chat.hidden = true;
    ui.start.hidden = false;
    notice(errorText(error));
  }
}

async function send(text, payload) {
  text = text.trim();
  if (!text || !conversation || state === "closed") return;
  notice("");
  clearQuickReplies();
  const item = el("li", { className: `msg msg-visitor msg-pending` });
  item.append(el("span", { className: "who", text: "Jij" }), el("p", { className: "message-text", text }));
  ui.messages.append(item);
  pending.push({ text, item });
  scrollToEnd(ui.conversation);
  if (state === "bot") ui.typing.hidden = false;
  const before = lastSeq;
  // Typed again after a failure: the same message, so the same id (it may have arrived).
  const id = unsent && unsent.text === text && !payload ? unsent.id : newMessageId();
  unsent = null;
  try {
    const json = payload ? { text, payload, client_message_id: id } : { text, client_message_id: id };
    const answer = await postMessage(conversation, json);
    ingest(remember(answer.messages));
    if (conversation && pending.some((p) => p.item === item)) {
      // The socket has not brought our own message yet (or is down): read it once.
      const since = await api(`/api/v1/conversations/${conversation.id}/messages?after=${before}`, { token: conversation.token });
      ingest(remember(since.messages));
    }
    refreshState();
  } catch (error) {
    const index = pending.findIndex((p) => p.item === item);
    if (index >= 0) { pending.splice(index, 1); item.remove(); }
    if (!payload) { ui.input.value = text; unsent = { text, id }; }
    notice(errorText(error));
    showQuickReplies();
  } finally {
    ui.typing.hidden = true;
  }
}

ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.input.value;
  ui.input.value = "";
  send(text);
  ui.input.focus();
});
ui.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

let endArmed = null;
ui.end.addEventListener("click", async () => {
  if (!endArmed) {
    ui.end.textContent = "Zeker? Klik nog eens om te stoppen";
    endArmed = setTimeout(() => { endArmed = null; ui.end.textContent = "Gesprek stoppen"; }, 5000);
    return;
  }
  clearTimeout(endArmed);
  endArmed = null;
  ui.end.textContent = "Gesprek stoppen";
  try {
    const answer = await api(`/api/v1/conversations/${conversation.id}/end`, { method: "POST", token: conversation.token });
    ingest(remember(answer.messages));
    setState({ state: "closed" });
  } catch (error) { notice(errorText(error)); }
});

ui.newChat.addEventListener("click", () => {
  if (socket) socket.close();
  conversation = null;
  save();
  location.reload();
});

// --- coming back with a code ------------------------------------------------------------
watchCodeForm({ simulatedNow, notice, errorText, resume, save });

// --- before the conversation: open or when ------------------------------------------------
async function showHours() {
  if (simulatedNow) return; // the server's clock would not match the simulated one
  try {
    const info = await api(`/api/v1/entry-points/${encodeURIComponent(entryPoint)}`);
    // The API's own sentence: the same words as the bot's ("De chat gaat morgen om 19 uur weer open.").
    ui.hours.textContent = info.status_sentence +
      (info.status === "open" ? "" : " Je kan toch al beginnen: de chatbot zegt je wat je nu kan doen.");
  } catch (e) { /* the page works without it */ }
}

// The coordinators count the opening of the chat (a "click on the chat button"), nothing more:
// no id, no address, only the hour. Not counted again when a conversation is resumed.
function countOpening() {
  const payload = simulatedNow ? { simulated_now: simulatedNow } : {};
  api(`/api/v1/entry-points/${encodeURIComponent(entryPoint)}/opened`, { method: "POST", json: payload })
    .catch(() => { /* counting never stands in the visitor's way */ });
}

// --- start ----------------------------------------------------------------------------------
if (embedded || params.get("embed") === "1") body.classList.add("embedded");
document.title = `Chat`;
showNumbers();
foldHelpAfterFirstMessage($("help"), ui.messages);
showShortIntro($("intro-short"));
growWithText(ui.input, ui.composer);
fitToVisibleViewport(ui.conversation);
$("start-button").addEventListener("click", startConversation);
const saved = restore();
if (saved && saved.id && saved.token) resume(saved);
else { countOpening(); showHours(); }
body.dataset.ready = "1"; // for tests: the handlers are in place
