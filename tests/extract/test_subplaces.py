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
    found = groups("دارت اشتباكات في دار عقيل وصبر بمدينة عدن")
    assert [loc for loc, _ in found[0]] == ["Dar Qil (Aden)", "Sbr (Aden)"]


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


def test_participle_plurals_are_no_place_names() -> None:
    # مواقع المسلحين: the gunmen's positions, not a village called "al-Musallahin"
    assert groups("قصفت المدفعية مواقع المسلحين في مدينة تعز") == []
    assert groups("استهدفت الغارات تجمعات المتمردين في مديرية لودر") == []


def test_a_homonym_far_from_the_place_it_belongs_to_becomes_its_subplace() -> None:
    from kashif.extract.subplaces import inside_homonyms

    text = "تدور المعارك في منطقة العين التابعة لمديرية مودية"
    places = inside_homonyms(text, load_gazetteer().places(text))
    ain = next(p for p in places if p.text == "العين")
    mudiyah = next(p for p in places if p.location == "Mudiyah")
    assert ain.feature == "subplace" and (ain.latitude, ain.longitude) == (mudiyah.latitude, mudiyah.longitude)


def test_same_place_points_back() -> None:
    from kashif.extract.subplaces import same_place

    assert same_place("وقعت اشتباكات في المنطقة نفسها مساء الجمعة") is not None
    assert same_place("وفي نفس المدينة أحرق مسلحون سيارة") is not None
    assert same_place("قالت المصادر نفسها إن القتلى خمسة") is None  # sources, not a place
    assert same_place("اندلعت اشتباكات في مدينة حلب") is None


def test_rare_names_after_taking_ground_are_places() -> None:
    # السيطرة على + a word too rare to be an ordinary noun: the ground taken (a list, with و)
    found = groups("استعادت القوات السيطرة على جعولة والنخيلة بعد معارك عنيفة في مدينة عدن")
    assert [loc for loc, _ in found[0]] == ["J'ulah (Aden)", "Al Nkhilah (Aden)"]
    # common words there are no names: السيطرة على الوضع
    assert groups("أحكمت القوات السيطرة على الوضع في مدينة عدن") == []


def test_the_subdistrict_word_is_no_name() -> None:
    # سوق الناحية: the market of the subdistrict already named, not a place called "al-Nahiya"
    assert groups("ضرب التفجير سوق الناحية في محافظة ديالى") == []
