from actions.details import briefing_details


def test_who_where_and_when_are_quoted_from_the_visitor():
    words = ["ik ben 14 en mijn stiefvader komt al maanden snachts op mijn kamer", "het gebeurt altijd thuis"]
    assert briefing_details(words) == {"relation": "mijn stiefvader", "setting": "thuis", "when": "al maanden"}


def test_several_people_are_all_kept_once():
    words = ["mijn broer slaat me", "en mn broer zijn vriend ook, Mijn broer zegt dat ik het verdien"]
    assert briefing_details(words)["relation"] == "mijn broer; mn broer"


def test_the_friend_of_someone():
    assert briefing_details(["de vriend van mijn mama zit aan me"])["relation"] == "mijn mama"


def test_nothing_said_means_no_details():
    assert briefing_details(["ik weet niet wat ik moet doen"]) == {}


def test_time_phrases():
    assert briefing_details(["het is gisterenavond gebeurd op een feestje"]) == {
        "setting": "op een feestje", "when": "gisterenavond"}
    assert briefing_details(["sinds de scheiding drinkt hij elke avond"])["when"] == "sinds de scheiding; elke avond"
