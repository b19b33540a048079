// How the visitor's chat shows a message: who wrote it, its text, and any code in it. Every text
// from the server goes in as textContent (common.js `el`), never as HTML.

import { el } from "./common.js";

const CODE = /\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\b/g;
const WHO = { bot: "Chatbot", system: "Melding", visitor: "Jij" };

function codeBox(code) {
  const box = el("div", { className: "code-box" });
  box.append(el("span", { text: "Je code: " }), el("span", { className: "code", text: code }));
  const copy = el("button", { type: "button", text: "Kopieer" });
  copy.addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(code); copy.textContent = "Gekopieerd"; }
    catch (e) { copy.textContent = "Schrijf hem over"; }
  });
  box.append(copy, el("p", { className: "small", text: "Schrijf hem op of maak er een foto van: we bewaren hem nergens in je browser." }));
  return box;
}

function whoOf(message) {
  return message.sender === "counsellor"
    ? `${message.counsellor_name || "Hulpverlener"} (hulpverlener)`
    : WHO[message.sender] || "";
}

export function messageItem(message) {
  const who = whoOf(message);
  const item = el("li", { className: `msg msg-${message.sender}` });
  item.dataset.seq = message.seq;
  item.append(el("span", { className: "who", text: who }), el("p", { className: "message-text", text: message.text }));
  if (message.sender !== "visitor") {
    for (const code of new Set(message.text.match(CODE) || [])) item.append(codeBox(code));
  }
  return item;
}

/** What a screen reader says of a new message: who, the text, and the answers to choose from. */
export function spoken(message) {
  const choices = (message.buttons || []).map((b) => b.title);
  return `${whoOf(message)}: ${message.text}` + (choices.length ? ` Je kan kiezen: ${choices.join(", ")}.` : "");
}
