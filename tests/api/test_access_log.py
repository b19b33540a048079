"""The access log for coordinators (issue 13): who (a staff account), what, which conversation,
when; newest first, paged, by period in the helpline's days; only a coordinator of the helpline
(or of the team that answers it) reads it, and never any text."""

from datetime import datetime, timezone

from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main
from handoff_api.supervision.models import AccessLogEntry

from .conftest import create_account, labels, login, make_settings
from .test_counsellors import MONDAY_MORNING, STORY, db_scalar, queued_conversation
from .test_supervision import WHISPER, claimed, staff  # noqa: F401 (the fixture)

LOG = "/api/v1/supervision/access-log"


def set_times(database_url, times: list[datetime]) -> None:
    """The log's lines, oldest first, moved to the given moments."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        ids = connection.execute(text("SELECT id FROM access_log ORDER BY id")).scalars().all()
        assert len(ids) == len(times)
        for line_id, at in zip(ids, times):
            table = AccessLogEntry.__table__  # its column type stores UTC as each backend needs
            connection.execute(table.update().where(table.c.id == line_id).values(at=at))
    engine.dispose()


def test_the_log_comes_a_page_at_a_time_newest_first(client, staff):
    cid = claimed(client, staff)
    sofie, coco = staff["npie_sofie"], staff["npie_coco"]
    for _ in range(3):
        client.get("/api/v1/counsellor/queue", headers=sofie)
    client.get(f"/api/v1/counsellor/conversations/{cid}", headers=sofie)
    client.post(f"/api/v1/counsellor/conversations/{cid}/whisper", json={"text": WHISPER}, headers=sofie)
    first = client.get(f"{LOG}?helpline=nupraatikerover&limit=2", headers=coco).json()
    assert (first["total"], first["offset"], first["limit"], first["timezone"]) == (5, 0, 2, "Europe/Brussels")
    assert [(e["action"], e["conversation_id"]) for e in first["entries"]] == [("whisper", cid), ("view_conversation", cid)]
    rest = [client.get(f"{LOG}?helpline=nupraatikerover&limit=2&offset={o}", headers=coco).json() for o in (2, 4)]
    assert [e["action"] for page in rest for e in page["entries"]] == ["view_queue"] * 3
    assert client.get(f"{LOG}?helpline=nupraatikerover&offset=5", headers=coco).json()["entries"] == []
    assert client.get(f"{LOG}?helpline=nupraatikerover&limit=0", headers=coco).status_code == 422
    assert client.get(f"{LOG}?helpline=nupraatikerover&limit=201", headers=coco).status_code == 422
    assert WHISPER not in str(first) and STORY not in str(first)


def test_the_period_is_in_the_helplines_days_the_last_day_included(client, staff, database_url):
    sofie, coco = staff["npie_sofie"], staff["npie_coco"]
    for _ in range(4):
        client.get("/api/v1/counsellor/queue", headers=sofie)
    utc = timezone.utc
    set_times(database_url, [
        datetime(2026, 11, 29, 22, 59, tzinfo=utc),  # 29 November, 23:59 in Brussels
        datetime(2026, 11, 29, 23, 30, tzinfo=utc),  # 30 November, 00:30 in Brussels
        datetime(2026, 11, 30, 22, 30, tzinfo=utc),  # 30 November, 23:30 in Brussels
        datetime(2026, 11, 30, 23, 0, tzinfo=utc),  # 1 December, 00:00 in Brussels
    ])

    def ats(query):
        answer = client.get(f"{LOG}?helpline=nupraatikerover&{query}", headers=coco)
        assert answer.status_code == 200, answer.text
        return [e["at"] for e in answer.json()["entries"]]

    assert ats("from=2026-11-30&to=2026-11-30") == ["2026-11-30T22:30:00+00:00", "2026-11-29T23:30:00+00:00"]
    assert len(ats("from=2026-11-30")) == 3 and len(ats("to=2026-11-29")) == 1
    assert len(ats("")) == 4
    wrong = client.get(f"{LOG}?helpline=nupraatikerover&from=2026-12-01&to=2026-11-30", headers=coco)
    assert (wrong.status_code, wrong.json()["message"]["nl"]) == (422, "De begindatum ligt na de einddatum.")
    assert client.get(f"{LOG}?helpline=nupraatikerover&from=gisteren", headers=coco).status_code == 422


def test_only_a_coordinator_of_the_helpline_or_its_team_reads_it(client, staff, database_url, monkeypatch):
    create_account(database_url, monkeypatch, "team1712_sam", "1712", "create-supervisor")
    create_account(database_url, monkeypatch, "team1712_cor", "1712", "create-coordinator")
    sam, cor = login(client, "team1712_sam"), login(client, "team1712_cor")
    adult = queued_conversation(client, "seksueelgeweld", MONDAY_MORNING, labels=labels(age_group="adult"))["id"]
    client.get(f"/api/v1/counsellor/conversations/{adult}", headers=sam)
    client.get("/api/v1/counsellor/queue", headers=staff["npie_sofie"])
    # The 1712 team answers the chat na seksueel geweld: its coordinator reads that line.
    seen = client.get(f"{LOG}?helpline=seksueelgeweld", headers=cor).json()["entries"]
    assert [(e["username"], e["action"], e["conversation_id"]) for e in seen] == [("team1712_sam", "view_conversation", adult)]
    assert client.get(f"{LOG}?helpline=nupraatikerover", headers=cor).status_code == 404
    coco = staff["npie_coco"]
    for helpline in ("seksueelgeweld", "1712", "veiligthuis", "nergens"):
        assert client.get(f"{LOG}?helpline={helpline}", headers=coco).status_code == 404, helpline
    for who in ("npie_anna", "npie_sofie"):
        refused = client.get(f"{LOG}?helpline=nupraatikerover", headers=staff[who])
        assert (refused.status_code, refused.json()["error"]) == (403, "not_a_coordinator")
        assert refused.json()["message"]["nl"]
    assert client.get(f"{LOG}?helpline=nupraatikerover").status_code == 401


def test_whispers_and_joins_are_logged_without_their_text(client, staff, database_url, capsys):
    cid = claimed(client, staff)
    anna, sofie = staff["npie_anna"], staff["npie_sofie"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/whisper", json={"text": WHISPER}, headers=sofie)
    client.post(f"/api/v1/counsellor/conversations/{cid}/invite", json={"username": "npie_bart"}, headers=anna)
    client.post(f"/api/v1/counsellor/conversations/{cid}/invite", json={"username": "npie_sofie"}, headers=anna)
    entries = client.get(f"{LOG}?helpline=nupraatikerover", headers=staff["npie_coco"]).json()["entries"]
    # A counsellor invited is a colleague at work, not a supervisor's view: not logged.
    assert [(e["username"], e["action"]) for e in entries] == [("npie_sofie", "join"), ("npie_sofie", "whisper")]
    stored = db_scalar(database_url, "SELECT count(*) FROM access_log WHERE action LIKE :t OR username LIKE :t", t="%Vraag%")
    assert stored == 0
    # The operator's command, oldest first, with a period.
    settings = make_settings(database_url)
    assert admin_main(["access-log", "--helpline", "nupraatikerover"], settings) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:] for line in out] == [["npie_sofie", "whisper", cid], ["npie_sofie", "join", cid]]
    assert admin_main(["access-log", "--helpline", "nupraatikerover", "--to", "2020-01-01"], settings) == 0
    assert capsys.readouterr().out == ""
