// The counsellor's presence in the console: available, on a break, offline. The heartbeat tells
// the server the console is still open; without it the counsellor is offline within 90 s.

const $ = (id) => document.getElementById(id);
const EXPLAIN = {
  available: "Je bent beschikbaar: bezoekers zien dat de chat open is.",
  pause: "Je bent in pauze: je krijgt geen nieuwe bezoekers.",
  offline: "Je bent offline: je krijgt geen nieuwe bezoekers.",
};
// Only an available counsellor takes a chat from the queue (the API answers 409 otherwise).
const CANNOT_CLAIM = {
  pause: "Je staat op pauze. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen.",
  offline: "Je staat op offline. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen.",
};
let timer = null;
let call = null;
let status = "offline"; // as the server has it: nobody is available before choosing so

function show(presence, note) {
  $("presence").value = presence.status;
  $("presence-note").textContent = note || EXPLAIN[presence.status] || "";
  if (presence.status !== status) {
    status = presence.status;
    document.dispatchEvent(new CustomEvent("presence-changed"));
  }
}

/** Why this counsellor cannot claim now (Dutch), or null while available. */
export function claimRefusal() { return CANNOT_CLAIM[status] || null; }

async function beat() {
  const before = $("presence").value;
  try {
    const presence = await call("/api/v1/counsellor/presence/heartbeat", { method: "POST" });
    const lost = before === "available" && presence.status === "offline";
    show(presence, lost ? "Je verbinding was even weg: je staat nu op offline. Kies opnieuw 'Beschikbaar' om bezoekers te krijgen." : "");
  } catch (e) { /* the next beat tries again; a 401 logs out */ }
}

export async function startPresence(caller) {
  call = caller;
  clearInterval(timer);
  try {
    const presence = await call("/api/v1/counsellor/presence");
    show(presence);
    timer = setInterval(beat, presence.heartbeat_seconds * 1000);
  } catch (e) { /* shown as offline until the next choice */ }
}

export function stopPresence() {
  clearInterval(timer);
  timer = null;
  status = "offline";
  $("presence-note").textContent = "";
}

$("presence").addEventListener("change", async (event) => {
  if (!call) return;
  try {
    show(await call("/api/v1/counsellor/presence", { method: "POST", json: { status: event.target.value } }));
  } catch (e) {
    $("presence").value = status; // the choice did not count: show what does
    $("presence-note").textContent = "Je beschikbaarheid kon niet worden opgeslagen. Probeer het opnieuw.";
  }
});
