"""Sub-places the gazetteer lacks, placed at the town or district their sentence names."""

from __future__ import annotations

from kashif.extract.places import load_gazetteer
from kashif.extract.subplaces import find_subplaces, transliterate


def groups(sentence: str) -> list[list[tuple[str, int]]]:
    known = load_gazetteer().places(sentence)
    return [[(p.location, p.geo_precision) for p in g] for g in find_subplaces(sentence, known, None)]


def test_villages_in_a_district_take_its_town() -> None:
    found = groups("سيطرت المقاومة على قرية السلامية وقرية الحميراء في مديرية لودر")
    assert found == [[("Al Slamiah (Lawdar)", 2), ("Al Hmira (Lawdar)", 2)]]  # one list, two places


def test_neighbourhoods_of_a_town_are_precision_one() -> None:
    found = groups("سقطت قذائف على أحياء الروضة والشهداء في مدينة تعز")
    assert [loc for loc, _ in found[0]] == ["Al Rudah (Taiz)", "Al Shhda (Taiz)"]
    assert {p for _, p in found[0]} == {1}


def test_no_parent_no_subplace() -> None:
    assert groups("دارت اشتباكات في قرية نائية") == []


def test_transliteration_is_plain_latin() -> None:
    assert transliterate("البساتين") == "Al Bsatin"
    assert transliterate("كهلان") == "Khlan"


def test_a_place_word_with_the_article_names_no_place() -> None:
    assert groups("ارتفع التوتر في المنطقة بشكل عام في محافظة دير الزور") == []


def test_a_name_that_says_it_is_a_place_needs_no_place_word() -> None:
    # دار، خان، بئر ... after في open a place name (في دار سعد), and the list goes on with و
    found = groups("دارت اشتباكات في دار سعد وصبر بمدينة عدن")
    assert [loc for loc, _ in found[0]] == ["Dar S'd (Aden)", "Sbr (Aden)"]


def test_list_stops_at_a_site_the_gazetteer_knows() -> None:
    found = groups("دارت مواجهات قرب معسكر لبوزة وقاعدة العند الجوية")
    assert [[loc for loc, _ in g] for g in found] == [["Lbuzah (Al Anad Air Base)"]]


def test_an_adjective_after_a_plural_place_word_is_no_name() -> None:
    assert groups("قصفت المدفعية قرى مجاورة لمدينة حمص") == []
    found = groups("قصفت المدفعية قرية الشويهد وقرى مجاورة لمدينة حمص")
    assert [[loc for loc, _ in g] for g in found] == [["Al Shuihd (Homs)"]]  # مجاورة is no village


def test_people_and_pronoun_forms_are_no_place_names() -> None:
    assert groups("قصفت المدفعية مواقع الحوثيين قرب مدينة حرض") == []
    assert groups("استهدفت المدفعية مواقع الانقلابيين وتدميرها في مدينة حرض") == []
