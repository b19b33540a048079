// The coordinators' access log: who of the team (a staff account) viewed, whispered, joined or
// took over which conversation (a short reference), and who asked for a take-over; newest first,
// a page at a time, by period. Started by stats.js once logged in; every text via textContent.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const ACTIONS = {
    view_queue: "Bekeek de wachtrij",
    view_live: "Bekeek de lopende gesprekken",
    watch_desk: "Opende het live overzicht",
    view_conversation: "Las een gesprek",
    watch_conversation: "Keek live mee in een gesprek",
    whisper: "Fluisterde naar de hulpverlener",
    join: "Nam deel na een uitnodiging",
    takeover_asked: "Vroeg om overname",
    takeover_withdrawn: "Trok de vraag om overname in",
    takeover: "Nam het gesprek over",
  };
  let call = null;
  let offset = 0;

  function cell(tag, text, className) {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function moment(iso, timeZone) {
    const format = new Intl.DateTimeFormat("nl-BE", {
      timeZone, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    return format.format(new Date(iso));
  }

  function query() {
    const params = new URLSearchParams({ helpline: $("access-helpline").value, limit: String(PAGE), offset: String(offset) });
    if ($("access-from").value) params.set("from", $("access-from").value);
    if ($("access-to").value) params.set("to", $("access-to").value);
    return params;
  }

  function row(line, timeZone) {
    const tr = document.createElement("tr");
    tr.append(
      cell("td", moment(line.at, timeZone)),
      cell("td", line.username),
      cell("td", ACTIONS[line.action] || line.action),
      line.conversation_id ? cell("td", line.conversation_id.slice(0, 8), "ref") : cell("td", "geen"),
    );
    return tr;
  }

  async function show() {
    $("access-status").textContent = "Logboek laden…";
    try {
      const page = await call("GET", "/api/v1/supervision/access-log?" + query());
      $("access-log").tBodies[0].replaceChildren(...page.entries.map((line) => row(line, page.timezone)));
      $("access-status").textContent = page.total
        ? `Regels ${page.offset + 1} tot ${page.offset + page.entries.length} van ${page.total}, nieuwste eerst.`
        : "Geen regels in deze periode.";
      $("access-newer").disabled = page.offset === 0;
      $("access-older").disabled = page.offset + page.entries.length >= page.total;
    } catch (error) { $("access-status").textContent = error.message; }
  }

  function page(step) {
    offset = Math.max(0, offset + step * PAGE);
    show();
  }

  document.addEventListener("coordinator-ready", (event) => {
    call = event.detail.call;
    $("access-helpline").replaceChildren(...event.detail.me.helplines.map((h) => {
      const option = cell("option", h.name);
      option.value = h.id;
      return option;
    }));
    offset = 0;
    show();
  });
  $("access-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if ($("access-from").value && $("access-to").value && $("access-from").value > $("access-to").value) {
      $("access-status").textContent = "De begindatum ligt na de einddatum.";
      return;
    }
    offset = 0;
    show();
  });
  $("access-newer").addEventListener("click", () => page(-1));
  $("access-older").addEventListener("click", () => page(1));
})();
