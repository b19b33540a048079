// Shared by the chat and the console: API calls, safe element building, the live socket.

export const NEUTRAL_SITE = "https://www.google.com/search?q=weerbericht";

export class ApiError extends Error {
  constructor(status, body) {
    super(`API ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** For `liveSocket`'s probe: the refusal code an HTTP call's answer means, or null. */
export async function refusalOf(call) {
  try { await call(); return null; } catch (error) {
    return [401, 403, 404].includes(error.status) ? 4000 + error.status : null;
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

/** Close codes that end a socket for good (handoff_api/API.md): never retried. */
export const REFUSED_CODES = new Set([4401, 4403, 4404, 4410]);

/**
 * A WebSocket that reconnects by itself (1, 2, 4 … 15 s) and asks for what it missed
 * with ?after=<last sequence number>; frames other than messages go to `onFrame`. A refusal code (REFUSED_CODES) means: stop trying.
 * A server refuses a handshake with HTTP 403, which a browser shows only as close code 1006,
 * like a lost connection: before each retry, `probe()` asks the API over HTTP (it resolves
 * to a refusal code, or null when the right is still there), so a refused socket stops too.
 */
export function liveSocket({ path, token, after, onMessage, onFrame, onStatus, onRefused, probe }) {
  let socket = null;
  let closedByUs = false;
  let attempt = 0;
  let timer = null;
  let wasLost = false;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";

  function refused(code) {
    closedByUs = true;
    clearTimeout(timer);
    onRefused?.(code);
  }

  async function retryOrStop() {
    let code = null;
    try { code = probe ? await probe() : null; } catch (e) { code = null; }
    if (closedByUs) return;
    if (REFUSED_CODES.has(code)) { refused(code); return; }
    const delay = Math.min(15000, 1000 * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(open, delay);
  }

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
      if (frame && frame.type === "message") onMessage?.(frame);
      else if (frame && frame.type) onFrame?.(frame); // typing, notes, the console's desk
    });
    socket.addEventListener("close", (event) => {
      if (closedByUs) return;
      if (REFUSED_CODES.has(event.code)) { refused(event.code); return; }
      wasLost = true;
      onStatus?.("lost");
      retryOrStop();
    });
  }
  open();
  return {
    close() { closedByUs = true; clearTimeout(timer); if (socket) socket.close(); },
    send(data) { if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(data)); return true; } return false; },
  };
}
