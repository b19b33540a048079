// The console's desk: the queue, one's own chats, the live chats (supervisors) and the tabs of
// the open conversations, drawn from the snapshots the desk socket pushes (no polling).

import { el } from "./common.js";
import { entryTitle, queueButton, tabButton, titleOf } from "./console-view.js";

export function createDesk({ $, session, current, open, call, beep, cue, left }) {
  let snapshot = { queue: [], total: 0, mine: [], live: [] };
  let seenQueue = null; // conversation ids seen in the queue (null before the first snapshot)
  let asking = null; // live chats whose counsellor asks for a take-over (null before the first)
  const seenSeq = new Map(); // conversation id -> last sequence number read on screen
  const flagged = new Set(); // conversations with a new message not yet read
  const titles = new Map(); // conversation id -> "Seksueel geweld · Minderjarig · ..."
  const supervisor = () => session()?.counsellor?.role === "supervisor";

  function onFrame(frame) {
    const before = new Set(snapshot.mine.map((c) => c.conversation_id));
    snapshot = { queue: frame.queue, total: frame.queue_total ?? frame.queue.length, mine: frame.mine, live: frame.live || [] };
    const fresh = seenQueue === null ? [] : frame.queue.filter((e) => !seenQueue.has(e.conversation_id));
    seenQueue = new Set([...(seenQueue || []), ...frame.queue.map((e) => e.conversation_id)]);
    renderQueue(new Set(fresh.map((e) => e.conversation_id)));
    if (fresh.length) {
      beep();
      cue(fresh.length === 1 ? "Nieuwe aanmelding in de wachtrij" : `${fresh.length} nieuwe aanmeldingen in de wachtrij`);
    }
    document.title = frame.queue.length ? `(${frame.queue_total ?? frame.queue.length}) Console` : "Console";
    noticeRequests();
    renderMine();
    renderLive();
    renderTabs();
    const gone = [...before].filter((id) => !frame.mine.some((c) => c.conversation_id === id));
    if (gone.length) left(gone);
  }

  /** A supervisor hears of every new request for a take-over. */
  function noticeRequests() {
    const now = snapshot.live.filter((c) => c.takeover_asked);
    const fresh = asking === null ? [] : now.filter((c) => !asking.has(c.conversation_id));
    asking = new Set(now.map((c) => c.conversation_id));
    if (!fresh.length) return;
    beep();
    cue(`${fresh[0].counsellor_name || "Een hulpverlener"} vraagt om een gesprek over te nemen.`, 12000);
  }

  function markCurrent(list) {
    for (const button of list.querySelectorAll("li > button")) {
      if (current() && button.parentElement.dataset.id === current().id) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  // A list rebuilt at every refresh gives the focus back to the same entry: a keyboard user
  // going down the queue is not thrown back to the top of the page every few seconds.
  function focusedEntry(list) {
    return list.contains(document.activeElement) ? document.activeElement.closest("li")?.dataset.id : null;
  }
  function refocus(list, id) {
    if (id) list.querySelector(`li[data-id="${CSS.escape(id)}"] > button`)?.focus();
  }

  function renderQueue(fresh = new Set()) {
    const list = $("queue");
    const previous = new Set([...list.querySelectorAll("li.new")].map((li) => li.dataset.id));
    const focused = focusedEntry(list);
    list.replaceChildren();
    $("queue-count").textContent = `(${snapshot.total})`;
    $("queue-empty").hidden = snapshot.queue.length > 0;
    for (const entry of snapshot.queue) {
      const item = el("li");
      item.dataset.id = entry.conversation_id;
      if (fresh.has(entry.conversation_id) || previous.has(entry.conversation_id)) item.classList.add("new");
      if (entry.urgency !== "none") item.classList.add("urgent");
      const button = queueButton(entry);
      button.addEventListener("click", () => open(entry.conversation_id));
      item.append(button);
      list.append(item);
    }
    markCurrent(list);
    refocus(list, focused);
  }

  function title(id) {
    const live = snapshot.live.find((c) => c.conversation_id === id);
    if (!titles.has(id) && live) return entryTitle(live); // a list entry reads no transcript
    if (!titles.has(id)) {
      titles.set(id, "Gesprek");
      call(`/api/v1/counsellor/conversations/${id}`).then((d) => { titles.set(id, titleOf(d)); render(); }).catch(() => {});
    }
    return titles.get(id);
  }

  function lastSeqOf(id) {
    const entry = snapshot.mine.find((c) => c.conversation_id === id) || snapshot.live.find((c) => c.conversation_id === id);
    return entry ? entry.last_seq : 0;
  }
  function unreadOf(id) {
    if (current() && current().id === id) return 0;
    const last = lastSeqOf(id);
    return Math.max(0, last - (seenSeq.get(id) ?? last));
  }
  function toRegister() {
    const active = new Set(snapshot.mine.map((c) => c.conversation_id));
    return (session().mine || []).filter((id) => !active.has(id));
  }

  function renderMine() {
    if (!session()) return;
    const list = $("mine");
    const focused = focusedEntry(list);
    list.replaceChildren();
    const entries = [
      ...snapshot.mine.map((c) => ({ id: c.conversation_id, role: c.role, lastSeq: c.last_seq })),
      ...toRegister().map((id) => ({ id, register: true })),
    ];
    $("mine-empty").hidden = entries.length > 0;
    for (const entry of entries) {
      const item = el("li");
      item.dataset.id = entry.id;
      const button = el("button", { type: "button" });
      if (current() && current().id === entry.id) seen(entry.id, entry.lastSeq || 0);
      if (!seenSeq.has(entry.id) && !entry.register) seenSeq.set(entry.id, entry.lastSeq);
      if (entry.register) button.append(el("span", { className: "badge badge-register", text: "Nog registreren" }));
      else if (unreadOf(entry.id) > 0) {
        button.append(el("span", { className: "badge badge-news", text: "Nieuw bericht" }));
        if (!flagged.has(entry.id)) { flagged.add(entry.id); beep(); }
      } else flagged.delete(entry.id);
      button.append(el("span", { text: `${title(entry.id)}${entry.role === "invited" ? " (uitgenodigd)" : ""}` }));
      button.addEventListener("click", () => open(entry.id));
      item.append(button);
      list.append(item);
    }
    markCurrent(list);
    refocus(list, focused);
  }

  function renderLive() {
    if (!supervisor()) return;
    const list = $("live");
    const focused = focusedEntry(list);
    list.replaceChildren();
    $("live-count").textContent = `(${snapshot.live.length})`;
    $("live-empty").hidden = snapshot.live.length > 0;
    for (const entry of snapshot.live) {
      const item = el("li");
      item.dataset.id = entry.conversation_id;
      if (entry.urgency !== "none") item.classList.add("urgent");
      const button = el("button", { type: "button" });
      if (entry.takeover_asked) button.append(el("span", { className: "badge badge-takeover", text: "Vraagt overname" }));
      button.append(el("span", { text: `${title(entry.conversation_id)} · bij ${entry.counsellor_name || "niemand"}` }));
      button.addEventListener("click", () => open(entry.conversation_id));
      item.append(button);
      list.append(item);
    }
    markCurrent(list);
    refocus(list, focused);
  }

  function tabIds() {
    const ids = [...snapshot.mine.map((c) => c.conversation_id), ...toRegister()];
    if (current() && !ids.includes(current().id)) ids.push(current().id);
    return ids;
  }

  function renderTabs() {
    if (!session()) return;
    const bar = $("tabs");
    const focused = bar.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    bar.replaceChildren(...tabIds().map((id, at) => {
      const tab = tabButton(id, `${at + 1} · ${title(id)}`, unreadOf(id), current()?.id === id);
      tab.addEventListener("click", () => open(id));
      return tab;
    }));
    if (focused) bar.querySelector(`[data-id="${focused}"]`)?.focus();
  }
  // Arrow keys move between the tabs (the ARIA tabs pattern); each tab opens its chat.
  $("tabs").addEventListener("keydown", (event) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const tabs = [...$("tabs").querySelectorAll('[role="tab"]')];
    const at = tabs.indexOf(document.activeElement);
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: tabs.length - 1 }[event.key];
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.click();
  });

  function render() {
    renderQueue();
    renderMine();
    renderLive();
    renderTabs();
  }

  /** The conversation `step` tabs away from the open one (Alt+↓ / Alt+↑). */
  function neighbour(step) {
    const ids = tabIds();
    if (!ids.length) return null;
    const at = current() ? ids.indexOf(current().id) : -1;
    return ids[(at + step + ids.length) % ids.length];
  }

  function seen(id, seq) { seenSeq.set(id, Math.max(seenSeq.get(id) ?? 0, seq)); }

  return {
    onFrame,
    render,
    neighbour,
    seen,
    reset: () => { seenQueue = null; asking = null; },
    firstInQueue: () => snapshot.queue[0],
    setTitle: (id, text) => titles.set(id, text),
    title,
  };
}
