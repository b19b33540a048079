// Take-over when asked: the counsellor who has a chat asks ("Vraag overname"); a supervisor of the
// team then takes it over and becomes its owner. The counsellor is released (the chat is no longer
// theirs to write in or register) and can still read along. The visitor reads only a neutral
// notice that the conversation goes on with someone else.

export function createTakeover({ $, call, notice, cue, errorText, session, current, claimed, forget, refresh, adopt }) {
  const released = new Map(); // conversation id -> who took it over from this counsellor
  const supervisor = () => session()?.counsellor?.role === "supervisor";
  const me = () => session()?.counsellor?.display_name;
  const base = (id) => `/api/v1/counsellor/conversations/${id}`;

  function show(text = "", button = null) {
    $("takeover").hidden = !text;
    $("takeover-text").textContent = text;
    for (const id of ["takeover-ask", "takeover-withdraw", "takeover-take"]) $(id).hidden = id !== button;
  }

  function ownerOf(detail) { return detail.participants.find((p) => p.role === "owner")?.name; }

  /** This counsellor claimed it, it still goes on, and they are no longer in it: taken over. */
  function noticeRelease(detail, inIt) {
    if (supervisor() || inIt || detail.state !== "human" || !claimed(detail.id)) return false;
    forget(detail.id);
    released.set(detail.id, ownerOf(detail) || "Een supervisor");
    return true;
  }

  /** The row under the conversation's title, for the detail on screen. */
  function render(detail, inIt) {
    if (noticeRelease(detail, inIt)) cue(`${released.get(detail.id)} nam dit gesprek over. Je kan het nog lezen.`, 8000);
    if (detail.state !== "human") return show();
    const owner = ownerOf(detail);
    if (released.has(detail.id) && !inIt) {
      const who = released.get(detail.id);
      return show(`${who} nam dit gesprek over. Je kan nog meelezen; ${who} schrijft en registreert het nu.`);
    }
    if (!supervisor() && inIt && owner === me()) {
      return detail.takeover
        ? show("Je vroeg om overname. Tot een supervisor het overneemt, blijf jij bij de bezoeker.", "takeover-withdraw")
        : show("Loopt het vast, of moet je weg? Een supervisor van je team kan dit gesprek van je overnemen.", "takeover-ask");
    }
    if (supervisor() && !inIt && detail.takeover) {
      return show(`${detail.takeover.asked_by} vraagt je dit gesprek over te nemen.`, "takeover-take");
    }
    return show();
  }

  /** Chats that left this counsellor's list while not on screen: taken over, or to register. */
  async function checkLeft(ids) {
    for (const id of ids) {
      if (supervisor() || !claimed(id) || current()?.id === id) continue;
      try {
        const detail = await call(base(id));
        const inIt = detail.participants.some((p) => p.name === me());
        if (noticeRelease(detail, inIt)) cue(`${released.get(id)} nam een gesprek van je over. Je kan het nog lezen.`, 8000);
      } catch (e) { /* out of sight: nothing to say */ }
    }
  }

  $("takeover-ask").addEventListener("click", async () => {
    try {
      await call(`${base(current().id)}/takeover-request`, { method: "POST" });
      cue("Je vraag staat bij de supervisors van je team. Tot iemand het overneemt, blijf jij bij de bezoeker.", 8000);
      await refresh();
      $("takeover-withdraw").focus();
    } catch (error) { notice(errorText(error)); }
  });

  $("takeover-withdraw").addEventListener("click", async () => {
    try {
      await call(`${base(current().id)}/takeover-request`, { method: "DELETE" });
      cue("Je vraag om overname is ingetrokken.", 5000);
      await refresh();
      $("takeover-ask").focus();
    } catch (error) { notice(errorText(error)); }
  });

  $("takeover-take").addEventListener("click", async () => {
    try {
      const detail = await call(`${base(current().id)}/take-over`, { method: "POST" });
      adopt(detail);
      cue("Je hebt het gesprek overgenomen. De bezoeker leest dat het gesprek verder gaat met jou.", 8000);
      $("reply").focus();
    } catch (error) { notice(errorText(error)); await refresh(); }
  });

  return { render, checkLeft };
}
