// Standard texts: each helpline's canned replies, put into the reply box (still editable
// before sending); supervisors keep their helpline's list here.

import { el } from "./common.js";

export function createTexts({ $, call, notice, session, current }) {
  let all = [];
  const select = $("standard-text");

  function shown() {
    const of = (helpline) => all.filter((t) => t.helpline_id === helpline);
    const conversation = current();
    const own = of(session().counsellor.helpline_id);
    return conversation && of(conversation.helpline_id).length ? of(conversation.helpline_id) : own;
  }

  function fill() {
    if (!session()) return;
    const items = shown();
    select.replaceChildren(
      el("option", { value: "", text: items.length ? "Kies een tekst" : "Geen standaardteksten" }),
      ...items.map((t) => el("option", { value: String(t.id), text: t.title })),
    );
  }

  async function load() {
    try { all = await call("/api/v1/counsellor/standard-texts"); } catch (e) { all = []; }
    fill();
    renderAdmin();
  }

  function insert() {
    const item = all.find((t) => String(t.id) === select.value);
    if (!item) { notice("Kies eerst een standaardtekst."); return; }
    const text = item.text.replaceAll("{naam}", session().counsellor.display_name);
    const box = $("reply");
    const start = box.selectionStart ?? box.value.length;
    box.setRangeText(text, start, box.selectionEnd ?? start, "end");
    box.focus();
    box.dispatchEvent(new Event("input"));
  }
  $("insert-text").addEventListener("click", insert);
  select.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); insert(); }
  });

  function focus() {
    if ($("composer").hidden) { notice("Neem eerst een gesprek aan: dan kan je een standaardtekst invoegen."); return; }
    select.focus();
  }

  // --- supervisors: the list of their own helpline ---------------------------------------------
  function renderAdmin() {
    const me = session()?.counsellor;
    if (!me || me.role !== "supervisor") return;
    const list = $("texts-list");
    list.replaceChildren();
    for (const item of all.filter((t) => t.helpline_id === me.helpline_id)) {
      const remove = el("button", { type: "button", className: "link-button", text: "Verwijder" });
      remove.append(el("span", { className: "visually-hidden", text: ` ${item.title}` }));
      remove.addEventListener("click", async () => {
        try { await call(`/api/v1/counsellor/standard-texts/${item.id}`, { method: "DELETE" }); await load(); }
        catch (error) { notice(error?.body?.message?.nl || "Verwijderen lukte niet."); }
      });
      const line = el("li");
      line.append(el("span", { text: item.title }), remove);
      list.append(line);
    }
  }
  $("text-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const title = $("text-title").value.trim();
    const text = $("text-body").value.trim();
    if (!title || !text) { notice("Geef de tekst een titel en een inhoud."); return; }
    try {
      await call("/api/v1/counsellor/standard-texts", { method: "POST", json: { title, text } });
      $("text-title").value = "";
      $("text-body").value = "";
      await load();
    } catch (error) { notice(error?.body?.message?.nl || "Bewaren lukte niet."); }
  });

  return { load, fill, focus };
}
