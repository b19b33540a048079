// What the visitor's chat says of the conversation's state, and why it stopped when access was lost.

/** The line under the chat: place in the queue and the wait, a counsellor present, or closed. */
export function statusText(info) {
  const state = info.state;
  if (state === "queued") {
    let text = info.queue_position
      ? `Je staat op plaats ${info.queue_position} in de wachtrij van ${info.helpline.name}.`
      : `Je staat in de wachtrij van ${info.helpline.name}.`;
    if (info.expected_wait) {
      text += info.expected_wait.text === "even geduld" ? " Nog even geduld: het duurt niet lang meer."
        : ` Je wacht ${info.expected_wait.text}.`;
    }
    else if (info.helpline_status === "closed" && info.reopens_sentence) text += ` ${info.reopens_sentence}`;
    return text + " Je mag dit venster open laten; je hoeft niets te doen.";
  }
  if (state === "human") return "Een hulpverlener is bij je in de chat.";
  if (state === "closed") return "Dit gesprek is afgesloten. Je mag altijd opnieuw beginnen.";
  return "";
}

// The server closed the socket for good (close codes in handoff_api/API.md): no more retries.
const LOST_ACCESS = {
  4401: "Dit gesprek gaat hier niet verder: je toegang is verlopen, of het gesprek ging verder met je afspraakcode. Heb je een code? Typ hem op het startscherm. Je kan ook een nieuw gesprek starten.",
  4404: "Dit gesprek bestaat niet meer. Je kan een nieuw gesprek starten.",
};

export function lostAccessText(code) {
  return (LOST_ACCESS[code] || LOST_ACCESS[4404]) + " Ben je in gevaar? Bel 112.";
}
