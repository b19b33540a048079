// Shared by the chat and the console: API calls, safe element building, the live socket.

export const NEUTRAL_SITE = "https://www.google.com/search?q=weerbericht";

export class ApiError extends Error {
  constructor(status, body) {
    super(`API ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** A JSON call to the handoff API on this origin. Errors carry the API's error body. */
export async function api(path, { method = "GET", token = null, json = undefined } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: json === undefined ? undefined : JSON.stringify(json),
      credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
    });
  } catch (error) {
    throw new ApiError(0, { message: { nl: "Geen verbinding. Kijk je internet na en probeer opnieuw. Ben je in gevaar? Bel 112." } });
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** An element with properties; text always goes in as textContent (never HTML). */
export function el(tag, props = {}) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "attrs") for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
    else node[key] = value;
  }
  return node;
}

const MOMENT = new Intl.DateTimeFormat("nl-BE", {
  weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels",
});
const DAY = new Intl.DateTimeFormat("nl-BE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Brussels" });
const TIME = new Intl.DateTimeFormat("nl-BE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels" });

/** "vandaag om 19:00", "morgen om 19:00", "maandag 23 november om 19:00" (or only "19:00"). */
export function formatMoment(iso, timeOnly = false) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (timeOnly) return TIME.format(date);
  const parts = MOMENT.formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type)?.value ?? "";
  const day = (d) => DAY.format(d);
  const today = new Date();
  const tomorrow = new Date(today.getTime() + 86_400_000);
  const when = day(date) === day(today) ? "vandaag" : day(date) === day(tomorrow) ? "morgen"
    : `${get("weekday")} ${get("day")} ${get("month")}`;
  return `${when} om ${get("hour")}:${get("minute")}`;
}

/**
 * A WebSocket that reconnects by itself (1, 2, 4 … 15 s) and asks for what it missed
 * with ?after=<last sequence number>. Close codes 4401/4404 mean: stop trying.
 */
export function liveSocket({ path, token, after, onMessage, onStatus, onRefused }) {
  let socket = null;
  let closedByUs = false;
  let attempt = 0;
  let timer = null;
  let wasLost = false;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";

  function open() {
    const url = `${scheme}//${location.host}${path}?after=${after()}&token=${encodeURIComponent(token)}`;
    socket = new WebSocket(url);
    socket.addEventListener("open", () => {
      attempt = 0;
      onStatus?.(wasLost ? "back" : "open");
      wasLost = false;
    });
    socket.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame && frame.type === "message") onMessage(frame);
    });
    socket.addEventListener("close", (event) => {
      if (closedByUs) return;
      if (event.code === 4401 || event.code === 4404 || event.code === 4403) { onRefused?.(event.code); return; }
      wasLost = true;
      onStatus?.("lost");
      const delay = Math.min(15000, 1000 * 2 ** attempt);
      attempt += 1;
      timer = setTimeout(open, delay);
    });
  }
  open();
  return {
    close() { closedByUs = true; clearTimeout(timer); if (socket) socket.close(); },
    send(data) { if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(data)); return true; } return false; },
  };
}
