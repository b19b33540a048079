// Private notes for colleagues and supervisors' whispers, beside the open conversation. Never
// shown to the visitor; the text goes in with textContent.

import { noteItem } from "./console-view.js";

export function createNotes({ $, call, notice, cue, beep, errorText, session, current }) {
  function add(notes, live = false) {
    const list = $("notes");
    for (const note of notes) {
      if (list.querySelector(`li[data-id="${note.id}"]`)) continue;
      list.append(noteItem(note));
      if (live && note.kind === "whisper" && note.author_name !== session().counsellor.display_name) {
        cue(`Fluistering van ${note.author_name}: ${note.text}`, 12000);
        beep();
      }
    }
  }

  $("note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("note-text").value.trim();
    if (!text) { notice("Schrijf eerst je notitie."); return; }
    try {
      const note = await call(`/api/v1/counsellor/conversations/${current().id}/notes`, { method: "POST", json: { text } });
      $("note-text").value = "";
      add([note]);
      cue("Notitie bewaard. De bezoeker ziet ze niet.", 5000);
    } catch (error) { notice(errorText(error)); }
  });

  $("whisper-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("whisper-text").value.trim();
    if (!text) { notice("Schrijf eerst wat je wil fluisteren."); return; }
    try {
      const note = await call(`/api/v1/counsellor/conversations/${current().id}/whisper`, { method: "POST", json: { text } });
      $("whisper-text").value = "";
      add([note]);
      cue("Gefluisterd. Alleen de hulpverlener ziet het.", 5000);
    } catch (error) { notice(errorText(error)); }
  });

  return { add };
}
