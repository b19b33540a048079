// Coming back with a code: an appointment's code opens its chat again; an e-mail request's code
// shows the question and our answer. The code is never kept in the browser.

import { api, el } from "./common.js";

const $ = (id) => document.getElementById(id);

export function watchCodeForm({ simulatedNow, notice, errorText, resume, save }) {
  $("code-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    notice("");
    const code = $("code-input").value.trim();
    const out = $("pickup");
    out.hidden = true;
    if (code.length < 4) { notice("Typ de code die je van ons kreeg."); return; }
    try {
      const payload = { code };
      if (simulatedNow) payload.simulated_now = simulatedNow;
      const back = await api("/api/v1/appointments/check-in", { method: "POST", json: payload });
      $("code-input").value = "";
      await resume({ id: back.id, token: back.token });
      save();
      return;
    } catch (error) {
      if (error.status !== 404) { notice(errorText(error)); return; }
    }
    try {
      const found = await api("/api/v1/email-requests/pickup", { method: "POST", json: { code } });
      out.replaceChildren(
        el("h3", { text: "Je vraag" }), el("p", { className: "message-text", text: found.question }),
        el("h3", { text: "Ons antwoord" }),
        el("p", { className: "message-text", text: found.reply || "Er is nog geen antwoord. Kom later terug met dezelfde code." }),
      );
      out.hidden = false;
    } catch (error) {
      notice(error.status === 404 ? "Deze code kennen we niet. Kijk na of je hem juist overtypte." : errorText(error));
    }
  });
}
