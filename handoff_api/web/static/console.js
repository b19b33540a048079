// The counsellors' console: a workspace with the queue and one's own chats (pushed over the desk
// socket), the open conversation in tabs, and the briefing and notes beside it.
// Visitor text is always shown with textContent, never as HTML.

import { api, el, liveSocket, refusalOf } from "./common.js";
import { createAnnouncer } from "./announcer.js";
import { AGES, ROLES, STATES, THEMES, renderBriefing, titleOf, transcriptItem, whoOf } from "./console-view.js";
import { createDesk } from "./console-desk.js";
import { installShortcuts } from "./console-keys.js";
import { createTexts } from "./console-texts.js";
import { createNotes } from "./console-notes.js";
import { createTakeover } from "./console-takeover.js";
import { claimRefusal, startPresence, stopPresence } from "./console-presence.js";

const STORE = "console";
const TYPING_EVERY_MS = 2000; // a typing signal at most this often
const TYPING_SHOWN_MS = 5000; // the visitor's typing shows this long unless renewed

const $ = (id) => document.getElementById(id);
const HELPLINES = JSON.parse($("helplines").textContent);

let session = null; // {token, counsellor, open, mine}
let current = null; // the conversation detail on screen
let socket = null; // the open conversation's live socket
let deskSocket = null; // the desk socket: queue, own chats, live chats (supervisors)
let lastSeq = 0;
let audio = null;
let opening = null; // the conversation being opened (a later click wins)

// --- helpers ---------------------------------------------------------------------------
function notice(text) { $("notice").textContent = text || ""; }
function cue(text, ms = 8000) {
  $("cue").textContent = text;
  setTimeout(() => { if ($("cue").textContent === text) $("cue").textContent = ""; }, ms);
}
function errorText(error) { return error?.body?.message?.nl || "Er ging iets mis. Probeer het opnieuw."; }
function save() {
  try { session ? sessionStorage.setItem(STORE, JSON.stringify(session)) : sessionStorage.removeItem(STORE); }
  catch (e) { /* the console still works */ }
}
function call(path, options = {}) {
  return api(path, { ...options, token: session.token }).catch((error) => {
    if (error.status === 401) logout(true);
    throw error;
  });
}
function supervisor() { return session?.counsellor?.role === "supervisor"; }
function fillSelect(select, labels) {
  select.replaceChildren(...Object.entries(labels).map(([value, text]) => el("option", { value, text })));
}
function beep() {
  try {
    audio = audio || new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.6);
  } catch (e) { /* no sound: the visual cue remains */ }
}
const texts = createTexts({ $, call, notice, session: () => session, current: () => current });
const desk = createDesk({
  $, call, beep, cue, session: () => session, current: () => current, open: (id) => openConversation(id),
  left: (ids) => takeover.checkLeft(ids),
});
const notes = createNotes({ $, call, notice, cue, beep, errorText, session: () => session, current: () => current });
const takeover = createTakeover({
  $, call, notice, cue, errorText, session: () => session, current: () => current,
  claimed: (id) => claimedHere(id), forget: (id) => { forget(id); desk.render(); }, refresh: () => refreshDetail(), adopt: (detail) => adopt(detail),
});

// --- login -----------------------------------------------------------------------------
$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  notice("");
  try { audio = audio || new AudioContext(); } catch (e) { /* sound is optional */ }
  try {
    const answer = await api("/api/v1/counsellor/login", {
      method: "POST", json: { username: $("username").value.trim(), password: $("password").value },
    });
    $("password").value = "";
    session = { token: answer.token, counsellor: answer.counsellor, open: null };
    save();
    enter();
  } catch (error) {
    notice(error.status === 401 || error.status === 422
      ? "Gebruikersnaam of wachtwoord klopt niet." : errorText(error));
  }
});

function logout(expired = false, message = "Je sessie is verlopen of beëindigd. Meld je opnieuw aan.") {
  stopPresence();
  if (deskSocket) { deskSocket.close(); deskSocket = null; }
  if (socket) { socket.close(); socket = null; }
  if (session && !expired) api("/api/v1/counsellor/logout", { method: "POST", token: session.token }).catch(() => {});
  session = null;
  current = null;
  save();
  $("workspace").hidden = true;
  $("who").hidden = true;
  $("login").hidden = false;
  notice(expired ? message : "");
}
$("logout").addEventListener("click", () => logout(false));

// A socket closed for good by the server (close codes in handoff_api/API.md).
function refusedForGood(code, onConversation) {
  if (code === 4401) logout(true);
  else if (code === 4410) logout(true, "Je account is uitgeschakeld. Vraag je coördinator om meer uitleg.");
  else if (!onConversation) logout(true, "Dit kan alleen een hulpverlener of supervisor.");
  else {
    leaveConversation("");
    notice(code === 4403 ? "Dit kan alleen een hulpverlener." : "Dit gesprek is doorverbonden of niet meer zichtbaar voor jou.");
  }
}
function connectionStatus(status) {
  if (status === "lost") notice("Verbinding weg, we proberen opnieuw…");
  else if ($("notice").textContent.startsWith("Verbinding weg")) notice("");
}

function enter() {
  $("login").hidden = true;
  $("workspace").hidden = false;
  $("who").hidden = false;
  const helpline = HELPLINES.find((h) => h.id === session.counsellor.helpline_id);
  const role = supervisor() ? " · supervisor" : "";
  $("who-name").textContent = `${session.counsellor.display_name}${role} · ${helpline ? helpline.name : session.counsellor.helpline_id}`;
  $("live-pane").hidden = !supervisor();
  $("texts-admin").hidden = !supervisor();
  desk.reset();
  if (deskSocket) deskSocket.close();
  deskSocket = liveSocket({
    path: "/api/v1/counsellor/live",
    token: session.token,
    after: () => 0,
    onFrame: (frame) => { if (frame.type === "desk") desk.onFrame(frame); },
    onStatus: connectionStatus,
    onRefused: (code) => { deskSocket = null; refusedForGood(code, false); },
    probe: () => refusalOf(() => api("/api/v1/counsellor/me", { token: session.token })),
  });
  texts.load();
  $("presence-control").hidden = supervisor(); // a supervisor takes no chats: no presence
  if (!supervisor()) startPresence(call);
  if (session.open) openConversation(session.open);
}

/** Alt+↓ / Alt+↑: the next or previous open conversation. */
function switchTab(step) {
  const id = desk.neighbour(step);
  if (id) openConversation(id);
}

/** Alt+A: the first in the queue (urgency first), claimed and opened. */
async function claimNext() {
  if (supervisor()) { notice("Een supervisor neemt zelf geen gesprekken aan. Vraag een hulpverlener om je uit te nodigen."); return; }
  if (claimRefusal()) { notice(claimRefusal()); return; }
  const first = desk.firstInQueue();
  if (!first) { cue("Niemand in de wachtrij.", 4000); return; }
  try {
    await call(`/api/v1/counsellor/conversations/${first.conversation_id}/claim`, { method: "POST" });
    session.mine = [...(session.mine || []), first.conversation_id];
    save();
    await openConversation(first.conversation_id);
    $("reply").focus();
  } catch (error) {
    notice(errorText(error)); // already claimed by a colleague, or not available (the API's Dutch)
  }
}

// --- one conversation -------------------------------------------------------------------------
const announcer = createAnnouncer($("transcript-announcer"));
function announce(message) {
  const own = message.sender === "counsellor" && message.counsellor_name === session?.counsellor?.display_name;
  if (current && !own) announcer.say(`${current.id}:${message.seq}`, `${whoOf(message)}: ${message.text}`);
}

function ingest(messages, live = false) {
  const list = $("transcript");
  let added = false;
  for (const message of messages) {
    lastSeq = Math.max(lastSeq, message.seq);
    if (list.querySelector(`li[data-seq="${message.seq}"]`)) continue;
    const later = [...list.children].find((li) => Number(li.dataset.seq) > message.seq);
    list.insertBefore(transcriptItem(message), later || null);
    added = true;
    if (live) announce(message);
    if (message.sender === "visitor") showTyping(false);
    // A live notice (claimed, invited, ended) changes who is in it: read the state again.
    if (live && message.sender === "system" && current && current.state !== "closed") refreshDetail();
  }
  if (added) {
    list.scrollTop = list.scrollHeight;
    requestAnimationFrame(() => { list.scrollTop = list.scrollHeight; }); // after the layout settles
  }
  if (current) desk.seen(current.id, lastSeq);
}

let typingTimer = null;
function showTyping(on) {
  clearTimeout(typingTimer);
  $("typing-status").textContent = on ? "De bezoeker typt…" : "";
  if (on) typingTimer = setTimeout(() => showTyping(false), TYPING_SHOWN_MS);
}
function onFrame(frame) {
  if (frame.type === "typing" && frame.who === "visitor") showTyping(true);
  else if (frame.type === "note") notes.add([frame], true);
}

function claimedHere(id) { return (session.mine || []).includes(id); }
function forget(id) { session.mine = (session.mine || []).filter((m) => m !== id); save(); }

function participant(detail, role = null) {
  return detail.participants.some((p) => p.name === session.counsellor.display_name && (!role || p.role === role));
}

function setMode(detail) {
  current = detail;
  const mine = detail.state === "human" && participant(detail);
  // The visitor ended (or left with the quick exit): the registration is still to be done.
  const toRegisterNow = detail.state === "closed" && claimedHere(detail.id);
  $("detail-state").textContent = toRegisterNow
    ? "De bezoeker heeft het gesprek beëindigd. Vul de registratie nog in."
    : `Dit gesprek is ${STATES[detail.state] || detail.state}.` + (supervisor() && !mine ? " Je kijkt mee; de bezoeker ziet dat niet." : "");
  $("claim").hidden = detail.state !== "queued" || supervisor();
  showClaimable();
  $("composer").hidden = !mine;
  $("whisper-form").hidden = !(supervisor() && detail.state === "human" && !mine);
  $("tools").hidden = !(mine || toRegisterNow);
  // A supervisor writes once invited, and closes only a chat they took over.
  $("transfer-details").hidden = !mine || supervisor();
  $("invite-details").hidden = !mine || supervisor();
  $("close-details").hidden = supervisor() && !participant(detail, "owner") && !toRegisterNow;
  takeover.render(detail, mine);
  if (toRegisterNow) $("close-details").open = true;
  texts.fill();
}

/** The claim button only works while available; otherwise it says why. */
function showClaimable() {
  const why = $("claim").hidden ? null : claimRefusal();
  $("claim").disabled = Boolean(why);
  $("claim-why").textContent = why || "";
}
document.addEventListener("presence-changed", showClaimable);

async function refreshDetail() {
  if (!current) return;
  try {
    const detail = await call(`/api/v1/counsellor/conversations/${current.id}`);
    if (!current || detail.id !== current.id) return;
    renderBriefing($("briefing"), detail, HELPLINES);
    ingest(detail.transcript); // a story the visitor chose to show meanwhile
    notes.add(detail.notes);
    setMode(detail);
  } catch (e) { /* keep what is shown */ }
}

function prefillClose(briefing) {
  $("close-theme").value = briefing.theme?.value || "other";
  $("close-role").value = briefing.role?.value || "unknown";
  $("close-age").value = briefing.age_group?.value || "unknown";
}

async function openConversation(id) {
  notice("");
  opening = id;
  let detail;
  try { detail = await call(`/api/v1/counsellor/conversations/${id}`); }
  catch (error) {
    if (session && opening === id) { session.open = null; save(); notice(errorText(error)); }
    return;
  }
  if (opening !== id || !session) return; // another tab was chosen meanwhile
  if (socket) { socket.close(); socket = null; }
  session.open = id;
  save();
  desk.setTitle(id, titleOf(detail));
  $("detail").hidden = false;
  $("info").hidden = false;
  $("transcript").replaceChildren();
  $("notes").replaceChildren();
  $("info").scrollTop = 0; // the briefing's start: the urgency and the visitor's own words
  showTyping(false);
  lastSeq = 0;
  renderBriefing($("briefing"), detail, HELPLINES);
  setMode(detail);
  prefillClose(detail.briefing);
  ingest(detail.transcript);
  notes.add(detail.notes);
  desk.render();
  $("detail-title").textContent = `Gesprek: ${desk.title(id)}`;
  $("detail-title").focus();
  if (detail.state !== "closed") {
    socket = liveSocket({
      path: `/api/v1/counsellor/conversations/${id}/live`,
      token: session.token,
      after: () => lastSeq,
      onMessage: (frame) => ingest([frame], true),
      onFrame,
      onStatus: connectionStatus,
      onRefused: (code) => { socket = null; refusedForGood(code, true); },
      probe: () => refusalOf(() => api(`/api/v1/counsellor/conversations/${id}`, { token: session.token })),
    });
  }
}

/** A chat this account now has (claimed, or taken over when asked). */
function adopt(detail) {
  session.mine = [...(session.mine || []), detail.id];
  save();
  renderBriefing($("briefing"), detail, HELPLINES);
  setMode(detail);
  ingest(detail.transcript);
  notes.add(detail.notes);
  desk.render();
}

$("claim").addEventListener("click", async () => {
  notice("");
  try {
    adopt(await call(`/api/v1/counsellor/conversations/${current.id}/claim`, { method: "POST" }));
    $("reply").focus();
  } catch (error) {
    notice(errorText(error)); // already claimed by a colleague, or not available (the API's Dutch)
    refreshDetail();
  }
});

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("reply").value.trim();
  if (!text) return;
  try {
    const message = await call(`/api/v1/counsellor/conversations/${current.id}/messages`, { method: "POST", json: { text } });
    $("reply").value = "";
    ingest([message]);
  } catch (error) { notice(errorText(error)); }
  $("reply").focus();
});
let typingSent = 0;
$("reply").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.isComposing) { event.preventDefault(); $("composer").requestSubmit(); }
});
$("reply").addEventListener("input", () => {
  if (!socket || Date.now() - typingSent < TYPING_EVERY_MS || !$("reply").value.trim()) return;
  if (socket.send({ type: "typing" })) typingSent = Date.now();
});

function toggleBriefing() {
  const open = $("briefing").hidden;
  $("briefing").hidden = !open;
  $("briefing-toggle").setAttribute("aria-expanded", String(open));
  $("briefing-toggle").textContent = open ? "Briefing verbergen" : "Briefing tonen";
}
$("briefing-toggle").addEventListener("click", toggleBriefing);

$("transfer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const note = $("transfer-note").value.trim();
  if (!note) { notice("Schrijf een notitie voor je collega."); return; }
  const id = current.id;
  // Leaving it: the server closes the socket once the conversation is out of sight (4404).
  if (socket) { socket.close(); socket = null; }
  try {
    await call(`/api/v1/counsellor/conversations/${id}/transfer`, { method: "POST", json: { to_helpline: $("transfer-to").value, note } });
    $("transfer-note").value = "";
    forget(id);
    leaveConversation("Doorverwezen. Je collega leest je notitie voor het gesprek aan te nemen.");
  } catch (error) {
    if (session) await openConversation(id); // still here: live again
    notice(errorText(error));
  }
});

$("invite").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const guest = await call(`/api/v1/counsellor/conversations/${current.id}/invite`, { method: "POST", json: { username: $("invite-username").value.trim() } });
    $("invite-username").value = "";
    $("cue").textContent = `${guest.name} is uitgenodigd.`;
    refreshDetail();
  } catch (error) { notice(errorText(error)); }
});

$("close").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = {
    main_theme: $("close-theme").value, role: $("close-role").value, age_group: $("close-age").value,
    first_contact: document.querySelector('input[name="first-contact"]:checked').value === "yes",
  };
  try {
    await call(`/api/v1/counsellor/conversations/${current.id}/close`, { method: "POST", json: body });
    forget(current.id);
    leaveConversation("Gesprek afgesloten en geregistreerd.");
  } catch (error) {
    if (error.body?.error === "already_registered") forget(current.id);
    notice(errorText(error));
  }
});

function leaveConversation(message) {
  if (socket) { socket.close(); socket = null; }
  current = null;
  opening = null;
  if (!session) return;
  session.open = null;
  save();
  $("detail").hidden = true;
  $("info").hidden = true;
  $("close-details").open = false;
  if (message) cue(message, 6000);
  desk.render();
  $("queue-title").focus();
}

installShortcuts({
  active: () => Boolean(session) && !$("workspace").hidden,
  next: () => switchTab(1),
  previous: () => switchTab(-1),
  claimNext,
  texts: () => texts.focus(),
  note: () => { if (current) $("note-text").focus(); },
  briefing: () => { if (current) toggleBriefing(); },
  queue: () => $("queue-title").focus(),
});

// --- start ------------------------------------------------------------------------------------
fillSelect($("close-theme"), THEMES);
fillSelect($("close-role"), ROLES);
fillSelect($("close-age"), AGES);
$("transfer-to").replaceChildren(...HELPLINES.map((h) => el("option", { value: h.id, text: h.name })));
try { session = JSON.parse(sessionStorage.getItem(STORE) || "null"); } catch (e) { session = null; }
if (session && session.token) enter();
// After a reload the browser allows sound only after a gesture: wake it on the first one.
document.addEventListener("pointerdown", () => { try { audio = audio || new AudioContext(); audio.resume(); } catch (e) { /* silent */ } }, { once: true });
document.body.dataset.ready = "1"; // for tests: the handlers are in place
