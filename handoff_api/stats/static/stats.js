// The coordinators' page. No inline script (strict CSP); every text goes in with textContent.
"use strict";

(function () {
  const API = "/api/v1/stats";
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem("coordinatorToken");
  const blobUrls = [];

  async function call(method, path, body, raw) {
    const headers = { Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) { logout(); throw new Error("Je sessie is verlopen. Meld je opnieuw aan."); }
    if (!response.ok) {
      let message = "Er ging iets mis (" + response.status + ").";
      try { const data = await response.json(); if (data.message && data.message.nl) message = data.message.nl; } catch (e) { /* keep */ }
      throw new Error(message);
    }
    return raw ? response : response.json();
  }

  function setStatus(text, isError) {
    $("status").textContent = text || "";
    $("status").classList.toggle("error", Boolean(isError));
  }

  function showLoggedIn(on) {
    $("login-section").hidden = on;
    $("logout").hidden = !on;
    for (const id of ["period-section", "table-section", "charts-section", "advice-section", "access-section", "access-link"]) $(id).hidden = !on;
  }

  function logout() {
    if (token) fetch("/api/v1/counsellor/logout", { method: "POST", headers: { Authorization: "Bearer " + token } }).catch(() => {});
    token = null;
    sessionStorage.removeItem("coordinatorToken");
    showLoggedIn(false);
  }

  function period() {
    return new URLSearchParams({ helpline: $("helpline").value, from: $("from").value, to: $("to").value });
  }

  function cell(tag, text, scope) {
    const node = document.createElement(tag);
    node.textContent = text;
    if (scope) node.scope = scope;
    return node;
  }

  async function showTable() {
    const data = await call("GET", API + "/monthly?" + period());
    const head = document.createElement("tr");
    head.append(cell("th", "Maand", "col"), ...data.columns.map((c) => cell("th", c.title, "col")));
    $("monthly").tHead.replaceChildren(head);
    $("monthly").tBodies[0].replaceChildren(...data.rows.map((row) => {
      const tr = document.createElement("tr");
      if (row[0] === "Totaal" || row[0] === "Gemiddeld/maand") tr.className = "total";
      tr.append(cell("th", row[0], "row"), ...row.slice(1).map((v) => cell("td", v)));
      return tr;
    }));
  }

  async function showCharts() {
    while (blobUrls.length) URL.revokeObjectURL(blobUrls.pop());
    for (const name of ["heatmap", "funnel", "trend"]) {
      const response = await call("GET", `${API}/charts/${name}.png?` + period(), undefined, true);
      const url = URL.createObjectURL(await response.blob());
      blobUrls.push(url);
      $("chart-" + name).src = url;
    }
  }

  async function showCampaigns() {
    const list = await call("GET", API + "/campaigns?" + new URLSearchParams({ helpline: $("helpline").value }));
    $("campaigns").replaceChildren(...list.map((c) => cell("li", `${c.name}: ${c.starts_on} tot ${c.ends_on}`)));
  }

  async function showAll(event) {
    if (event) event.preventDefault();
    setStatus("Cijfers laden…");
    try {
      await showTable();
      await showCampaigns();
      await showCharts();
      setStatus("");
    } catch (error) { setStatus(error.message, true); }
  }

  async function download() {
    try {
      const response = await call("GET", API + "/monthly?" + period() + "&format=csv", undefined, true);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `${$("helpline").value}-${$("from").value}-${$("to").value}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) { setStatus(error.message, true); }
  }

  async function addCampaign(event) {
    event.preventDefault();
    try {
      await call("POST", API + "/campaigns", {
        helpline: $("helpline").value, name: $("campaign-name").value,
        starts_on: $("campaign-from").value, ends_on: $("campaign-to").value,
      });
      $("campaign-form").reset();
      await showCampaigns();
      await showCharts();
    } catch (error) { setStatus(error.message, true); }
  }

  function percent(share) { return Math.round(share * 100) + "%"; }
  function number(value) { return String(value).replace(".", ","); }

  async function showAdvice(event) {
    event.preventDefault();
    $("advice-summary").textContent = "Het advies wordt berekend (model en simulatie, even geduld)…";
    const params = period();
    params.set("counsellors_now", $("counsellors-now").value);
    params.set("window_start", $("window-start").value);
    params.set("window_end", $("window-end").value);
    if ($("together").value) params.set("with", $("together").value);
    try {
      const data = await call("GET", API + "/advice?" + params);
      const [today, advised] = data.rows;
      const gain = advised.answered - today.answered;
      $("advice-summary").textContent =
        `Vraag: ${number(data.demand_per_week)} gestarte chats per week. Een gesprek duurt gemiddeld ${data.handling_minutes} minuten` +
        (data.measured_handling ? "" : " (aangenomen)") + `. Het advies beantwoordt ${number(gain.toFixed(1))} contacten per week meer ` +
        `met ${advised.counsellor_hours} in plaats van ${today.counsellor_hours} uren hulpverlening` +
        (data.together_with ? `, samen met ${data.together_with}.` : ".");
      $("advice").tBodies[0].replaceChildren(...data.rows.map((r) => {
        const tr = document.createElement("tr");
        tr.append(
          cell("th", r.name, "row"), cell("td", String(r.counsellor_hours)),
          cell("td", `${number(r.answered)} (${number(r.answered_simulated)})`),
          cell("td", `${percent(r.share_within_5)} (${percent(r.share_within_5_simulated)})`),
          cell("td", number(r.arrived_closed)),
        );
        return tr;
      }));
      $("schedules").replaceChildren(...data.rows.map((r) => {
        const block = document.createElement("div");
        block.append(cell("h3", r.name));
        for (const [name, lines] of Object.entries(r.schedule)) {
          block.append(cell("h4", name));
          const list = document.createElement("ul");
          list.append(...lines.map((line) => cell("li", line)));
          block.append(list);
        }
        return block;
      }));
    } catch (error) { $("advice-summary").textContent = error.message; }
  }

  async function start() {
    const me = await call("GET", API + "/me");
    $("helpline").replaceChildren(...me.helplines.map((h) => { const o = cell("option", h.name); o.value = h.id; return o; }));
    const others = [["1712", "1712"], ["nupraatikerover", "Nupraatikerover.be"], ["seksueelgeweld", "Chat na seksueel geweld"], ["veiligthuis", "Veilig Thuis"]];
    $("together").replaceChildren(cell("option", "(geen)"), ...others.map(([id, name]) => { const o = cell("option", name); o.value = id; return o; }));
    $("together").options[0].value = "";
    const now = new Date();
    const month = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
    if (!$("to").value) $("to").value = month(now);
    if (!$("from").value) $("from").value = month(new Date(now.getFullYear(), now.getMonth() - 9, 1));
    showLoggedIn(true);
    // The access log (access-log.js) starts with the same login and helplines.
    document.dispatchEvent(new CustomEvent("coordinator-ready", { detail: { me, call } }));
    await showAll();
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch("/api/v1/counsellor/login", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: $("username").value, password: $("password").value }),
      });
      if (!response.ok) throw new Error("Aanmelden lukt niet. Kijk je gegevens na.");
      const data = await response.json();
      if (data.counsellor.role !== "coordinator") throw new Error("Deze pagina is voor coördinatoren.");
      token = data.token;
      sessionStorage.setItem("coordinatorToken", token);
      $("password").value = "";
      await start();
    } catch (error) { $("login-status").textContent = error.message; }
  });
  $("logout").addEventListener("click", logout);
  $("period-form").addEventListener("submit", showAll);
  $("download").addEventListener("click", download);
  $("campaign-form").addEventListener("submit", addCampaign);
  $("advice-form").addEventListener("submit", showAdvice);
  const params = new URLSearchParams(location.search);
  if (params.get("from")) $("from").value = params.get("from");
  if (params.get("to")) $("to").value = params.get("to");
  if (token) start().catch(() => logout());
  document.body.dataset.ready = "1";
})();
