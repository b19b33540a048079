// The trainers' inbox page. No inline script (strict CSP); every text goes in with textContent.
"use strict";

(function () {
  const API = "/api/v1/trainers";
  const NL = {
    theme: {
      sexual_violence: "seksueel geweld", physical_violence: "fysiek geweld",
      psychological_violence: "psychisch geweld", neglect: "verwaarlozing", other: "ander / geen geweld",
    },
    age_group: { minor: "minderjarig", adult: "volwassen", unknown: "onbekend" },
    role: {
      victim: "slachtoffer", bystander: "omstaander", perpetrator: "pleger",
      professional: "professional", unknown: "onbekend",
    },
    urgency: { acute_danger: "acuut gevaar", suicide_risk: "suïciderisico", none: "geen" },
  };
  const FIELD_NL = { intent: "intent", theme: "thema", age_group: "leeftijd", role: "rol", urgency: "urgentie" };
  const REASON_NL = {
    fallback: "de bot begreep het niet (fallback)",
    low_intent_confidence: "intent onzeker",
    low_theme_confidence: "thema onzeker",
    low_age_group_confidence: "leeftijd onzeker",
    low_role_confidence: "rol onzeker",
    low_urgency_confidence: "urgentie onzeker",
    counsellor_correction: "de hulpverlener registreerde iets anders",
  };
  const FIELDS = ["theme", "age_group", "role", "urgency"];
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem("trainerToken");
  let vocabulary = null;
  const blobUrls = [];

  function labelNl(field, value) {
    if (value === null || value === undefined) return "–";
    return (NL[field] && NL[field][value]) || value;
  }

  async function call(method, path, body) {
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
    const type = response.headers.get("content-type") || "";
    return type.includes("application/json") ? response.json() : response;
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function showLoggedIn(on) {
    $("login-section").hidden = on;
    $("inbox-section").hidden = !on;
    $("models-section").hidden = !on;
    $("registrations-section").hidden = !on;
    $("logout").hidden = !on;
  }

  function logout() {
    if (token) fetch("/api/v1/counsellor/logout", { method: "POST", headers: { Authorization: "Bearer " + token } }).catch(() => {});
    token = null;
    sessionStorage.removeItem("trainerToken");
    showLoggedIn(false);
  }

  async function login(event) {
    event.preventDefault();
    const loginError = $("login-section").querySelector(".error") || document.createElement("p");
    loginError.className = "error";
    loginError.textContent = "";
    $("login-section").appendChild(loginError);
    try {
      const response = await fetch("/api/v1/counsellor/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: $("username").value, password: $("password").value }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error((data.message && data.message.nl) || "Aanmelden lukte niet.");
      token = data.token;
      $("password").value = "";
      await start();
    } catch (error) {
      token = null;
      loginError.textContent = error.message;
    }
  }

  async function start() {
    try {
      await call("GET", API + "/me");
    } catch (error) {
      const message = error.message;
      logout();
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = message;
      $("login-section").appendChild(p);
      return;
    }
    sessionStorage.setItem("trainerToken", token);
    showLoggedIn(true);
    vocabulary = await call("GET", API + "/vocabulary");
    await refresh(true);
    await loadRegistrations();
    await loadModels();
  }

  async function refresh(collect) {
    const button = $("refresh");
    button.disabled = true;
    try {
      if (collect) {
        setStatus("Nieuwe berichten ophalen ...");
        const result = await call("POST", API + "/inbox/collect");
        let text = result.new_items + " nieuwe berichten uit " + result.conversations + " gesprekken.";
        if (result.unavailable) text += " De chatbot was niet bereikbaar voor " + result.unavailable + " gesprekken.";
        setStatus(text, result.unavailable > 0);
      }
      const inbox = await call("GET", API + "/inbox");
      renderInbox(inbox);
    } catch (error) {
      setStatus(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function addLabel(list, term, value, low) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (low) dd.classList.add("low");
    list.append(dt, dd);
  }

  function fillSelect(select, values, chosen, field) {
    select.replaceChildren();
    values.forEach((value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = field ? labelNl(field, value) + " (" + value + ")" : value;
      if (value === chosen) option.selected = true;
      select.appendChild(option);
    });
  }

  function renderItem(item) {
    const node = $("item-template").content.firstElementChild.cloneNode(true);
    node.dataset.itemId = item.id;
    const bot = item.bot || {};
    const labels = bot.labels || {};
    const urgency = (labels.urgency || {}).value;
    if (urgency === "acute_danger" || urgency === "suicide_risk") node.classList.add("crisis");
    node.querySelector(".text").textContent = item.text;
    node.querySelector(".meta").textContent =
      "Bericht " + item.id.slice(0, 8) + " · " + item.message_at.slice(0, 16).replace("T", " ") +
      (item.helpline_id ? " · " + item.helpline_id : "");
    node.querySelector(".reasons").textContent =
      "Waarom in de inbox: " + item.reasons.map((r) => REASON_NL[r] || r).join(", ");
    const list = node.querySelector(".labels");
    const conf = (c) => (c === null || c === undefined ? "" : " (" + Math.round(c * 100) + "%)");
    addLabel(list, "Bot: intent", (bot.intent || "–") + conf(bot.intent_confidence),
      item.reasons.includes("low_intent_confidence") || item.reasons.includes("fallback"));
    FIELDS.forEach((field) => {
      const label = labels[field];
      if (!label) return;
      addLabel(list, "Bot: " + FIELD_NL[field], labelNl(field, label.value) + conf(label.confidence),
        item.reasons.includes("low_" + field + "_confidence"));
    });
    if (item.counsellor) {
      addLabel(list, "Hulpverlener", Object.keys(item.counsellor).map((f) => FIELD_NL[f] + " " + labelNl(f, item.counsellor[f])).join(", "),
        item.reasons.includes("counsellor_correction"));
    }
    if (item.context && Object.keys(item.context).length) {
      addLabel(list, "Later in het gesprek", Object.keys(item.context).map((f) => FIELD_NL[f] + " " + labelNl(f, item.context[f].value)).join(", "));
    }

    const form = node.querySelector(".correction");
    const result = node.querySelector(".result");
    const suggestion = (field) => (item.counsellor && item.counsellor[field]) || (labels[field] || {}).value;
    const intents = vocabulary ? vocabulary.intents : [];
    fillSelect(form.elements.intent, intents, bot.intent && bot.intent !== "nlu_fallback" ? bot.intent : intents[0]);
    FIELDS.forEach((field) => fillSelect(form.elements[field], vocabulary ? vocabulary.labels[field] : [], suggestion(field), field));

    const buttons = node.querySelectorAll("button");
    const busy = (on) => buttons.forEach((b) => { b.disabled = on; });
    async function decide(action, body) {
      busy(true);
      result.classList.remove("error");
      result.textContent = "Bezig ...";
      try {
        const decision = await call("POST", API + "/inbox/" + encodeURIComponent(item.id) + "/" + action, body);
        if (decision.outcome === "written") {
          result.textContent = "Toegevoegd aan " + decision.nlu_file + ". ";
          const undo = document.createElement("button");
          undo.type = "button";
          undo.className = "undo";
          undo.textContent = "Ongedaan maken";
          undo.addEventListener("click", async () => {
            undo.disabled = true;
            try {
              await call("POST", API + "/decisions/" + encodeURIComponent(item.id) + "/undo");
              result.textContent = "Teruggenomen uit " + decision.nlu_file + ".";
            } catch (error) {
              result.classList.add("error");
              result.textContent = error.message;
            }
          });
          result.appendChild(undo);
        }
        else if (decision.outcome === "duplicate") result.textContent = "Stond al in " + decision.nlu_file + ": niet opnieuw toegevoegd.";
        else if (decision.decision === "personal_data") result.textContent = "Verwijderd en gemeld: dank je. Het bericht is weg.";
        else result.textContent = "Uit de inbox gehaald.";
        node.classList.add("done");
        form.hidden = true;
        node.querySelector(".actions").hidden = true;
        updateCount(-1);
      } catch (error) {
        result.classList.add("error");
        result.textContent = error.message;
        busy(false);
      }
    }
    node.querySelector(".accept").addEventListener("click", () => decide("accept"));
    node.querySelector(".drop").addEventListener("click", () => decide("drop"));
    node.querySelector(".personal-data").addEventListener("click", () => {
      node.querySelector(".text").textContent = "(verborgen)";
      decide("personal-data");
    });
    node.querySelector(".correct").addEventListener("click", () => { form.hidden = !form.hidden; });
    node.querySelector(".cancel").addEventListener("click", () => { form.hidden = true; });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { intent: form.elements.intent.value };
      FIELDS.forEach((field) => { body[field] = form.elements[field].value; });
      decide("correct", body);
    });
    return node;
  }

  let count = 0;
  function updateCount(delta) {
    count += delta;
    $("count").textContent = "(" + count + ")";
    $("empty").hidden = count > 0;
  }

  function renderInbox(inbox) {
    const list = $("items");
    list.replaceChildren(...inbox.items.map(renderItem));
    count = 0;
    updateCount(inbox.count);
  }

  async function loadRegistrations() {
    const list = $("registrations");
    list.replaceChildren();
    try {
      const data = await call("GET", API + "/registrations");
      Object.keys(data.fields).forEach((field) => {
        const entry = data.fields[field];
        const li = document.createElement("li");
        if (!entry.n) {
          li.textContent = FIELD_NL[field] + ": nog geen registraties.";
        } else {
          const differences = entry.differences.slice(0, 5).map((d) =>
            "bot " + labelNl(field, d.bot) + " → hulpverlener " + labelNl(field, d.registered) + " (" + d.count + "×)");
          li.textContent = FIELD_NL[field] + ": " + entry.agree + " van " + entry.n + " gelijk" +
            (differences.length ? "; verschillen: " + differences.join(", ") : "") + ".";
        }
        list.appendChild(li);
      });
    } catch (error) {
      const li = document.createElement("li");
      li.className = "error";
      li.textContent = error.message;
      list.appendChild(li);
    }
  }

  function pct(value) { return value === null || value === undefined ? "–" : (value * 100).toFixed(1) + "%"; }

  async function loadModels() {
    try {
      const info = await call("GET", API + "/models");
      const live = info.live;
      $("live-model").textContent = live
        ? "Live model: " + live.model + " (sinds " + String(live.promoted_at || "").slice(0, 16).replace("T", " ") + ")."
        : "Er is nog geen live model aangeduid (make promote): de chatbot gebruikt het model van de huidige data.";
      const comparison = info.comparison;
      if (comparison) {
        const crisis = comparison.crisis_recall || {};
        $("comparison").textContent =
          "Laatste vergelijking (" + String(comparison.generated_at || "").slice(0, 16).replace("T", " ") + "): kandidaat " +
          comparison.candidate + " tegenover " + (comparison.live || "geen live model") +
          ". Crisis-recall op de testset: " + pct(crisis.live) + " → " + pct(crisis.candidate) + ". " +
          (comparison.ready ? "De kandidaat is klaar om live te gaan (make promote): " : "De kandidaat is NIET klaar: ") +
          (comparison.reason || "") + "." +
          (comparison.live_error ? " Het live model kon niet gescoord worden met de huidige code." : "");
        const tbody = $("changes").querySelector("tbody");
        tbody.replaceChildren();
        (comparison.changes || []).filter((change) => Math.abs(change.delta) > 1e-9).slice(0, 12).forEach((change) => {
          const row = document.createElement("tr");
          [change.set, FIELD_NL[change.field] || change.field, labelNl(change.field, change.label),
            pct(change.live), pct(change.candidate), (change.delta > 0 ? "+" : "") + (change.delta * 100).toFixed(1)].forEach((value) => {
            const cell = document.createElement("td");
            cell.textContent = value;
            row.appendChild(cell);
          });
          tbody.appendChild(row);
        });
        $("changes").hidden = tbody.children.length === 0;
      } else {
        $("comparison").textContent = "Nog geen vergelijking van kandidaat en live model (make compare-models).";
      }
      blobUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
      const charts = $("charts");
      charts.replaceChildren();
      for (const name of info.charts || []) {
        const response = await call("GET", API + "/charts/" + encodeURIComponent(name));
        const url = URL.createObjectURL(await response.blob());
        blobUrls.push(url);
        const figure = document.createElement("figure");
        const img = document.createElement("img");
        img.src = url;
        img.alt = "Grafiek " + name;
        const caption = document.createElement("figcaption");
        caption.textContent = name;
        figure.append(img, caption);
        charts.appendChild(figure);
      }
    } catch (error) {
      $("live-model").textContent = error.message;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", logout);
    $("refresh").addEventListener("click", () => refresh(true));
    if (token) start();
  });
})();
