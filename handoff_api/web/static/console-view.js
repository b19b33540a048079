// What the console draws: the briefing, transcript items, queue entries, tabs and notes.
// Visitor text is always shown with textContent, never as HTML.

import { el } from "./common.js";

export const THEMES = {
  sexual_violence: "Seksueel geweld", physical_violence: "Fysiek geweld",
  psychological_violence: "Psychisch geweld", neglect: "Verwaarlozing", other: "Iets anders",
};
export const ROLES = {
  victim: "Slachtoffer", bystander: "Omstaander", perpetrator: "Pleger",
  professional: "Professional", unknown: "Onbekend",
};
export const AGES = { minor: "Minderjarig", adult: "Volwassen", unknown: "Onbekend" };
export const URGENCY = { acute_danger: "Acuut gevaar", suicide_risk: "Zelfmoordrisico", none: "Geen" };
export const STATES = { bot: "bij de chatbot", queued: "in de wachtrij", human: "met een hulpverlener", closed: "afgesloten" };
const SOURCES = {
  classifier: "ingeschat door de chatbot", skipped: "vraag overgeslagen", counsellor: "verbeterd door de hulpverlener",
  intent: "de bezoeker koos de knop voor gevaar", not_assessed: "niet ingeschat",
};
const ANSWERED = { button: "de bezoeker koos een knop", text: "antwoord van de bezoeker, zelf getypt" };

export function titleOf(detail) {
  const b = detail.briefing;
  return [THEMES[b.theme?.value] || "Thema onbekend", AGES[b.age_group?.value] || "leeftijd onbekend", b.came_in_through].join(" · ");
}

/** The same title from an entry of the supervisors' live list (which carries its labels). */
export function entryTitle(entry) {
  return [THEMES[entry.theme] || "Thema onbekend", AGES[entry.age_group] || "leeftijd onbekend", entry.came_in_through].join(" · ");
}

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

export function renderBriefing(card, detail, helplines) {
  const b = detail.briefing;
  card.replaceChildren(el("h3", { text: "Briefing" }));
  if (b.urgency && b.urgency.value !== "none") card.append(el("p", { className: "alert", text: `Dringend: ${URGENCY[b.urgency.value] || b.urgency.value}` }));
  if (b.recent_sexual_assault) card.append(el("p", { className: "alert", text: "Recent seksueel geweld: denk aan het Zorgcentrum na Seksueel Geweld (sporen, medische zorg)." }));
  // The visitor's own words first: they stay in view beside the chat.
  card.append(el("h4", { text: "In de eigen woorden van de bezoeker" }));
  const words = el("div", { className: "words" });
  if (b.visitor_words.length) for (const w of b.visitor_words) words.append(el("p", { text: w }));
  else words.append(el("p", { className: "muted", text: b.told_themselves || "Geen woorden doorgegeven." }));
  card.append(words);
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
  if (b.qa.length) {
    card.append(el("h4", { text: "Vragen van de chatbot" }));
    const qa = el("dl");
    for (const pair of b.qa) qa.append(el("dt", { text: pair.question }), el("dd", { text: pair.answer }));
    card.append(qa);
  }
  if (b.back_in_queue) {
    card.append(el("h4", { text: "Terug in de wachtrij" }), el("p", { className: "note", text: "De vorige hulpverlener moest dit gesprek verlaten. De bezoeker weet dat een collega het overneemt: lees eerst het gesprek." }));
  }
  for (const note of b.transfer_notes) {
    const from = helplines.find((h) => h.id === note.from_helpline);
    card.append(el("h4", { text: `Notitie van ${from ? from.name : note.from_helpline}` }), el("p", { className: "note", text: note.note }));
  }
  if (detail.participants.length) {
    card.append(el("p", { className: "muted", text: "In het gesprek: " + detail.participants.map((p) => p.name + (p.role === "invited" ? " (uitgenodigd)" : "")).join(", ") }));
  }
}

export function whoOf(message) {
  return { visitor: "Bezoeker", bot: "Chatbot", system: "Melding aan de bezoeker", counsellor: message.counsellor_name || "Hulpverlener" }[message.sender];
}

export function transcriptItem(message) {
  const item = el("li", { className: `t-${message.sender}` });
  item.dataset.seq = message.seq;
  item.append(el("span", { className: "who", text: whoOf(message) }), el("p", { className: "message-text", text: message.text }));
  return item;
}

export function noteItem(note) {
  const item = el("li", { className: note.kind });
  item.dataset.id = note.id;
  const who = note.kind === "whisper" ? `Fluistering van ${note.author_name}` : `Notitie van ${note.author_name}`;
  item.append(el("span", { className: "who", text: who }), el("p", { text: note.text }));
  return item;
}

/** One entry of the queue: badges, theme, age, waiting time. */
export function queueButton(entry) {
  const button = el("button", { type: "button" });
  if (entry.urgency !== "none") button.append(el("span", { className: "badge badge-urgent", text: URGENCY[entry.urgency] || entry.urgency }));
  if (entry.from_appointment) button.append(el("span", { className: "badge badge-appointment", text: "Afspraak" }));
  if (entry.back_in_queue) button.append(el("span", { className: "badge badge-transfer", text: "Terug in de wachtrij" }));
  if (entry.transfer_notes.length) button.append(el("span", { className: "badge badge-transfer", text: "Doorverwezen" }));
  button.append(
    el("strong", { text: `${entry.position}. ${THEMES[entry.theme] || "Thema onbekend"}` }),
    el("br"),
    el("span", { text: `${AGES[entry.age_group] || "Leeftijd onbekend"} · wacht ${entry.waiting_minutes} min · ${entry.helpline_name}` + (entry.came_in_through !== entry.helpline_name ? ` (binnengekomen via ${entry.came_in_through})` : "") }),
  );
  return button;
}

/** A tab of an open conversation, with its unread count. */
export function tabButton(id, title, unread, selected) {
  const tab = el("button", { type: "button", id: `tab-${id}`, attrs: { role: "tab", "aria-controls": "detail", "aria-selected": String(selected) } });
  tab.dataset.id = id;
  tab.tabIndex = selected ? 0 : -1;
  tab.append(el("span", { className: "tab-title", text: title }));
  if (unread > 0) {
    const badge = el("span", { className: "unread", text: String(unread) });
    badge.append(el("span", { className: "visually-hidden", text: unread === 1 ? " nieuw bericht" : " nieuwe berichten" }));
    tab.append(badge);
  }
  tab.title = title;
  return tab;
}
