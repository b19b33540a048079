// The counsellors' console. Visitor text is always shown with textContent, never as HTML.

import { api, el, liveSocket, refusalOf } from "./common.js";
import { createAnnouncer } from "./announcer.js";

const THEMES = {
  sexual_violence: "Seksueel geweld", physical_violence: "Fysiek geweld",
  psychological_violence: "Psychisch geweld", neglect: "Verwaarlozing", other: "Iets anders",
};
const ROLES = {
  victim: "Slachtoffer", bystander: "Omstaander", perpetrator: "Pleger",
  professional: "Professional", unknown: "Onbekend",
};
const AGES = { minor: "Minderjarig", adult: "Volwassen", unknown: "Onbekend" };
const URGENCY = { acute_danger: "Acuut gevaar", suicide_risk: "Zelfmoordrisico", none: "Geen" };
const STATES = { bot: "bij de chatbot", queued: "in de wachtrij", human: "met een hulpverlener", closed: "afgesloten" };
const SOURCES = {
  classifier: "ingeschat door de chatbot", skipped: "vraag overgeslagen", counsellor: "verbeterd door de hulpverlener",
  intent: "de bezoeker koos de knop voor gevaar", not_assessed: "niet ingeschat",
};
const ANSWERED = { button: "de bezoeker koos een knop", text: "antwoord van de bezoeker, zelf getypt" };
const QUEUE_POLL_MS = 3000;
const STORE = "console";

const $ = (id) => document.getElementById(id);
const HELPLINES = JSON.parse($("helplines").textContent);

let session = null; // {token, counsellor, open}
let current = null; // the conversation detail on screen
let socket = null;
let lastSeq = 0;
let seenQueue = null; // conversation ids seen in the queue (null before the first load)
let queueTimer = null;
let audio = null;

// --- helpers ---------------------------------------------------------------------------
function notice(text) { $("notice").textContent = text || ""; }
function errorText(error) {
  return error?.body?.message?.nl || "Er ging iets mis. Probeer het opnieuw.";
}
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

async function logout(expired = false, message = "Je sessie is verlopen of beëindigd. Meld je opnieuw aan.") {
  clearInterval(queueTimer);
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

// The server closed the conversation's socket for good (close codes in handoff_api/API.md).
function socketRefused(code) {
  socket = null;
  if (code === 4401) logout(true);
  else if (code === 4410) logout(true, "Je account is uitgeschakeld. Vraag je coördinator om meer uitleg.");
  else {
    leaveConversation("");
    notice(code === 4403 ? "Dit kan alleen een hulpverlener." : "Dit gesprek is doorverbonden of niet meer zichtbaar voor jou.");
  }
}
$("logout").addEventListener("click", () => logout(false));

function enter() {
  $("login").hidden = true;
  $("workspace").hidden = false;
  $("who").hidden = false;
  const helpline = HELPLINES.find((h) => h.id === session.counsellor.helpline_id);
  $("who-name").textContent = `${session.counsellor.display_name} · ${helpline ? helpline.name : session.counsellor.helpline_id}`;
  seenQueue = null;
  loadQueue();
  clearInterval(queueTimer);
  queueTimer = setInterval(loadQueue, QUEUE_POLL_MS);
  if (session.open) openConversation(session.open);
}

// --- queue ----------------------------------------------------------------------------------
const seenSeq = new Map(); // conversation id -> last sequence number read on screen
const flagged = new Set(); // conversations with a new message not yet read
const titles = new Map(); // conversation id -> "Seksueel geweld · Minderjarig"
function titleOf(detail) {
  const b = detail.briefing;
  return [THEMES[b.theme?.value] || "Thema onbekend", AGES[b.age_group?.value] || "leeftijd onbekend", b.came_in_through].join(" · ");
}

async function loadMine() {
  let mine;
  try { mine = await call("/api/v1/counsellor/conversations"); } catch (e) { return; }
  const active = new Set(mine.map((c) => c.conversation_id));
  // Conversations the visitor ended that still wait for this counsellor's registration.
  const toRegister = (session.mine || []).filter((id) => !active.has(id));
  const list = $("mine");
  list.replaceChildren();
  $("mine-empty").hidden = mine.length + toRegister.length > 0;
  const entries = [
    ...mine.map((c) => ({ id: c.conversation_id, role: c.role, lastSeq: c.last_seq })),
    ...toRegister.map((id) => ({ id, register: true })),
  ];
  for (const entry of entries) {
    const item = el("li");
    item.dataset.id = entry.id;
    const button = el("button", { type: "button" });
    if (current && current.id === entry.id) {
      button.setAttribute("aria-current", "true");
      seenSeq.set(entry.id, Math.max(lastSeq, entry.lastSeq || 0));
    }
    if (entry.register) button.append(el("span", { className: "badge badge-register", text: "Nog registreren" }));
    else if (entry.lastSeq > (seenSeq.get(entry.id) ?? entry.lastSeq)) {
      button.append(el("span", { className: "badge badge-news", text: "Nieuw bericht" }));
      if (!flagged.has(entry.id)) { flagged.add(entry.id); beep(); }
    } else flagged.delete(entry.id);
    if (!seenSeq.has(entry.id) && !entry.register) seenSeq.set(entry.id, entry.lastSeq);
    if (!titles.has(entry.id)) {
      titles.set(entry.id, "Gesprek");
      call(`/api/v1/counsellor/conversations/${entry.id}`).then((d) => titles.set(entry.id, titleOf(d))).catch(() => {});
    }
    button.append(el("span", { text: `${titles.get(entry.id)}${entry.role === "invited" ? " (uitgenodigd)" : ""}` }));
    button.addEventListener("click", () => openConversation(entry.id));
    item.append(button);
    list.append(item);
  }
}

async function loadQueue() {
  if (!session) return;
  loadMine();
  let entries;
  try { entries = (await call("/api/v1/counsellor/queue")).entries; } catch (e) { return; }
  const fresh = seenQueue === null ? [] : entries.filter((e) => !seenQueue.has(e.conversation_id));
  seenQueue = new Set([...(seenQueue || []), ...entries.map((e) => e.conversation_id)]);
  renderQueue(entries, new Set(fresh.map((e) => e.conversation_id)));
  if (fresh.length) {
    beep();
    $("cue").textContent = fresh.length === 1 ? "Nieuwe aanmelding in de wachtrij" : `${fresh.length} nieuwe aanmeldingen in de wachtrij`;
    setTimeout(() => { $("cue").textContent = ""; }, 8000);
  }
  document.title = entries.length ? `(${entries.length}) Console` : "Console";
}

function renderQueue(entries, fresh) {
  const list = $("queue");
  const previous = new Set([...list.querySelectorAll("li.new")].map((li) => li.dataset.id));
  list.replaceChildren();
  $("queue-count").textContent = `(${entries.length})`;
  $("queue-empty").hidden = entries.length > 0;
  for (const entry of entries) {
    const item = el("li");
    item.dataset.id = entry.conversation_id;
    if (fresh.has(entry.conversation_id) || previous.has(entry.conversation_id)) item.classList.add("new");
    if (entry.urgency !== "none") item.classList.add("urgent");
    const button = el("button", { type: "button" });
    if (current && current.id === entry.conversation_id) button.setAttribute("aria-current", "true");
    if (entry.urgency !== "none") button.append(el("span", { className: "badge badge-urgent", text: URGENCY[entry.urgency] || entry.urgency }));
    if (entry.from_appointment) button.append(el("span", { className: "badge badge-appointment", text: "Afspraak" }));
    if (entry.back_in_queue) button.append(el("span", { className: "badge badge-transfer", text: "Terug in de wachtrij" }));
    if (entry.transfer_notes.length) button.append(el("span", { className: "badge badge-transfer", text: "Doorverwezen" }));
    button.append(
      el("strong", { text: `${entry.position}. ${THEMES[entry.theme] || "Thema onbekend"}` }),
      el("br"),
      el("span", { text: `${AGES[entry.age_group] || "Leeftijd onbekend"} · wacht ${entry.waiting_minutes} min · ${entry.helpline_name}` + (entry.came_in_through !== entry.helpline_name ? ` (binnengekomen via ${entry.came_in_through})` : "") }),
    );
    button.addEventListener("click", () => openConversation(entry.conversation_id));
    item.append(button);
    list.append(item);
  }
}

// --- one conversation -------------------------------------------------------------------------
function label(name, value) {
  if (!value) return `${name}: onbekend`;
  const text = ({ theme: THEMES, age_group: AGES, role: ROLES, urgency: URGENCY }[name] || {})[value.value] || value.value;
  // A figure only where it is one: the classifier's calibrated confidence, never for a choice.
  const source = value.source === "visitor" ? ANSWERED[value.answered_with] || "antwoord van de bezoeker" : SOURCES[value.source];
  const figure = value.source === "classifier" && value.confidence != null ? `zekerheid ${Math.round(value.confidence * 100)}%` : null;
  const age = value.age != null ? `${value.age} jaar` : null;
  const was = value.bot_value ? `de chatbot dacht: ${(({ theme: THEMES, age_group: AGES, role: ROLES }[name] || {})[value.bot_value]) || value.bot_value}` : null;
  const how = [age, source, figure, was].filter(Boolean).join(", ");
  return how ? `${text} (${how})` : text;
}

function renderBriefing(detail) {
  const b = detail.briefing;
  const card = $("briefing");
  card.replaceChildren(el("h3", { text: "Briefing" }));
  if (b.urgency && b.urgency.value !== "none") card.append(el("p", { className: "alert", text: `Dringend: ${URGENCY[b.urgency.value] || b.urgency.value}` }));
  if (b.recent_sexual_assault) card.append(el("p", { className: "alert", text: "Recent seksueel geweld: denk aan het Zorgcentrum na Seksueel Geweld (sporen, medische zorg)." }));
  const facts = [
    ["Binnengekomen via", b.came_in_through],
    ["Hulplijn", b.helpline],
    ["Thema", label("theme", b.theme)],
    ["Leeftijd", label("age_group", b.age_group)],
    ["Wie schrijft", label("role", b.role)],
    ["Dringendheid", label("urgency", b.urgency)],
    ["Wie", b.relation], ["Waar", b.setting], ["Wanneer", b.when],
    ["Nu veilig?", b.safe_now], ["Vraagt", b.asks_for],
    ["Waarom hier", b.routing_reason],
    ["Via afspraak", b.from_appointment ? "ja" : null],
    ["Toestemming om door te geven", b.story_shared ? "ja" : "nee"],
  ];
  const dl = el("dl");
  for (const [name, value] of facts) {
    if (value == null || value === "") continue;
    dl.append(el("dt", { text: name }), el("dd", { text: String(value) }));
  }
  card.append(dl);
  card.append(el("h4", { text: "In de eigen woorden van de bezoeker" }));
  const words = el("div", { className: "words" });
  if (b.visitor_words.length) for (const w of b.visitor_words) words.append(el("p", { text: w }));
  else words.append(el("p", { className: "muted", text: b.told_themselves || "Geen woorden doorgegeven." }));
  card.append(words);
  if (b.qa.length) {
    card.append(el("h4", { text: "Vragen van de chatbot" }));
    const qa = el("dl");
    for (const pair of b.qa) qa.append(el("dt", { text: pair.question }), el("dd", { text: pair.answer }));
    card.append(qa);
  }
  if (b.back_in_queue) {
    card.append(el("h4", { text: "Terug in de wachtrij" }), el("p", { className: "note", text: "De vorige hulpverlener moest dit gesprek verlaten. De bezoeker weet dat een collega het overneemt: lees eerst het gesprek hieronder." }));
  }
  for (const note of b.transfer_notes) {
    const from = HELPLINES.find((h) => h.id === note.from_helpline);
    card.append(el("h4", { text: `Notitie van ${from ? from.name : note.from_helpline}` }), el("p", { className: "note", text: note.note }));
  }
  if (detail.participants.length) {
    card.append(el("p", { className: "muted", text: "In het gesprek: " + detail.participants.map((p) => p.name + (p.role === "invited" ? " (uitgenodigd)" : "")).join(", ") }));
  }
}

function whoOf(message) {
  return { visitor: "Bezoeker", bot: "Chatbot", system: "Melding aan de bezoeker", counsellor: message.counsellor_name || "Hulpverlener" }[message.sender];
}

function transcriptItem(message) {
  const who = whoOf(message);
  const item = el("li", { className: `t-${message.sender}` });
  item.dataset.seq = message.seq;
  item.append(el("span", { className: "who", text: who }), el("p", { className: "message-text", text: message.text }));
  return item;
}

// Said once, only when it comes in live, and never the counsellor's own words.
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
    // A live notice (claimed, invited, ended) changes who is in it: read the state again.
    if (live && message.sender === "system" && current && current.state !== "closed") refreshDetail();
  }
  if (added) list.scrollTop = list.scrollHeight;
  if (current) seenSeq.set(current.id, lastSeq);
}

function claimedHere(id) { return (session.mine || []).includes(id); }
function forget(id) { session.mine = (session.mine || []).filter((m) => m !== id); save(); }

function setMode(detail) {
  current = detail;
  const mine = detail.state === "human" && detail.participants.some((p) => p.name === session.counsellor.display_name);
  // The visitor ended (or left with the quick exit): the registration is still to be done.
  const toRegister = detail.state === "closed" && claimedHere(detail.id);
  $("detail-state").textContent = toRegister
    ? "De bezoeker heeft het gesprek beëindigd. Vul de registratie nog in."
    : `Dit gesprek is ${STATES[detail.state] || detail.state}.`;
  $("claim").hidden = detail.state !== "queued";
  $("composer").hidden = !mine;
  $("tools").hidden = !(mine || toRegister);
  $("transfer-details").hidden = !mine;
  $("invite-details").hidden = !mine;
  if (toRegister) $("close-details").open = true;
}

async function refreshDetail() {
  if (!current) return;
  try {
    const detail = await call(`/api/v1/counsellor/conversations/${current.id}`);
    renderBriefing(detail);
    ingest(detail.transcript); // a story the visitor chose to show meanwhile
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
  if (socket) { socket.close(); socket = null; }
  let detail;
  try { detail = await call(`/api/v1/counsellor/conversations/${id}`); }
  catch (error) {
    if (session) { session.open = null; save(); }
    notice(errorText(error));
    return;
  }
  session.open = id;
  save();
  titles.set(id, titleOf(detail));
  $("detail").hidden = false;
  $("transcript").replaceChildren();
  lastSeq = 0;
  renderBriefing(detail);
  setMode(detail);
  prefillClose(detail.briefing);
  ingest(detail.transcript);
  for (const button of $("queue").querySelectorAll("button")) {
    button.toggleAttribute("aria-current", button.parentElement.dataset.id === id);
    if (button.parentElement.dataset.id === id) button.setAttribute("aria-current", "true");
  }
  $("detail-title").focus();
  if (detail.state !== "closed") {
    socket = liveSocket({
      path: `/api/v1/counsellor/conversations/${id}/live`,
      token: session.token,
      after: () => lastSeq,
      onMessage: (frame) => ingest([frame], true),
      onStatus: (status) => { if (status === "lost") notice("Verbinding weg, we proberen opnieuw…"); else notice(""); },
      onRefused: socketRefused,
      probe: () => refusalOf(() => api(`/api/v1/counsellor/conversations/${id}`, { token: session.token })),
    });
  }
}

$("claim").addEventListener("click", async () => {
  notice("");
  try {
    const detail = await call(`/api/v1/counsellor/conversations/${current.id}/claim`, { method: "POST" });
    session.mine = [...(session.mine || []), detail.id];
    save();
    renderBriefing(detail);
    setMode(detail);
    ingest(detail.transcript);
    loadQueue();
    $("reply").focus();
  } catch (error) {
    notice(error.status === 409 ? "Een collega nam dit gesprek al aan." : errorText(error));
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
$("reply").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); $("composer").requestSubmit(); }
});

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
  session.open = null;
  save();
  $("detail").hidden = true;
  $("close-details").open = false;
  $("cue").textContent = message;
  setTimeout(() => { if ($("cue").textContent === message) $("cue").textContent = ""; }, 6000);
  loadQueue();
  $("queue-title").focus?.();
}

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
