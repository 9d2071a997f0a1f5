"""The Polish content of the cooperation section, from the library's own text.

Prose is the library's wording (only stray spaces inside quotation marks are
mended); everything else is structured data. The loader creates what is
missing and never changes what exists.
"""

LIBRARY_NAME = "Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy"


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


ORGANIZATIONS = [
    {
        "slug": "ops-zoliborz",
        "name": "Ośrodek Pomocy Społecznej Dzielnicy Żoliborz m.st. Warszawy",
        "short_name": "OPS",
        "sector": "public",
        "description": (
            "Koordynator działań czterech żoliborskich partnerstw lokalnych oraz "
            "współinicjator ich integracji."
        ),
    },
    {
        "slug": "stowarzyszenie-boris",
        "name": "Stowarzyszenie BORIS",
        "short_name": "BORIS",
        "sector": "ngo",
        "description": (
            "Współinicjator pierwszego żoliborskiego partnerstwa lokalnego (2011), "
            "w ramach Projektu Aktywny Żoliborz."
        ),
    },
    {
        "slug": "zgn-zoliborz",
        "name": "Zakład Gospodarowania Nieruchomościami dla Dzielnicy Żoliborz",
        "short_name": "ZGN",
        "sector": "public",
        "description": (
            "Współinicjator partnerstw „Marymont-Kaskada” i „Żoliborz Oficerski”."
        ),
    },
    {
        "slug": "sosw-9",
        "name": "Specjalny Ośrodek Szkolno-Wychowawczy nr 9",
        "short_name": "SOSW nr 9",
        "sector": "school",
        "description": "Współinicjator partnerstwa „Marymont-Kaskada” (2013).",
    },
    {
        "slug": "ognisko-marymont",
        "name": "Ognisko Marymont",
        "short_name": "",
        "sector": "school",
        "description": "Współinicjator partnerstwa „Marymont-Kaskada” (2013).",
    },
    {
        "slug": "biblioteka-zoliborz",
        "name": LIBRARY_NAME,
        "short_name": "",
        "sector": "culture",
        "description": (
            "Od 2011 roku w partnerstwach lokalnych na Żoliborzu, aby wesprzeć swoimi "
            "działaniami społeczność lokalną. Wypożyczalnia nr 111 współtworzyła "
            "partnerstwo „Marymont-Kaskada”."
        ),
    },
    {
        "slug": "urzad-dzielnicy-zoliborz",
        "name": "Urząd Dzielnicy Żoliborz m.st. Warszawy",
        "short_name": "",
        "sector": "public",
        "description": (
            "Z inicjatywy Burmistrza Dzielnicy Żoliborz powstało partnerstwo "
            "„Żoliborz Oficerski” (2013)."
        ),
    },
    {
        "slug": "sp-392",
        "name": "Szkoła Podstawowa nr 392",
        "short_name": "SP nr 392",
        "former_name": "Gimnazjum nr 55",
        "sector": "school",
        "description": "Współinicjator partnerstwa „Żoliborz Oficerski” (2013).",
    },
]

HOME = {
    "slug": "home",
    "title": LIBRARY_NAME,
    "intro": (
        "Biblioteka na Żoliborzu to miejsce spotkań, czytania i wspólnych działań "
        "z sąsiadami, szkołami i organizacjami dzielnicy."
    ),
    "body": [],
}

COOPERATION = {
    "slug": "wspolpraca",
    "title": "Współpraca",
    "show_in_menus": True,
    "search_description": (
        "Dlaczego współpraca lokalna opłaca się wszystkim i z kim biblioteka "
        "działa na Żoliborzu."
    ),
    "body": [
        h2("Potrzeba współpracy lokalnej"),
        p(
            "Czy współpraca – trawestując słowa piosenki – to lek na całe zło? Pewnie "
            "nie, jednak doświadczenia pokazują, że współpraca partnerska w środowisku "
            "opłaca się wszystkim! Zyskują na niej instytucje publiczne i organizacje, "
            "bo wspólnie wypracowane pomysły są pełniejsze i bardziej kreatywne – "
            "uwzględniają różne perspektywy, otwierają drogi na przyszłość. Razem "
            "łatwiej też radzić sobie z brakami lokalowymi, finansowymi czy kadrowymi. "
            "A przecież różnego rodzaju „braki” to, w dobie kryzysu, bolączka nie "
            "tylko małych, ale i dużych bibliotek. Ale przede wszystkim na skutecznej "
            "współpracy ostatecznie zyskują mieszkańcy. I to jest najważniejszy "
            "weryfikator partnerstwa, bo to dla nich pracujemy!"
        ),
        p(
            "Działamy wspólnie i systemowo. Nie jesteśmy dla siebie konkurencją, lecz "
            "uzupełnieniem. Kultura to nie tylko czytelnictwo, wspólnie wychowujemy "
            "uczestników kultury w naszym mieście i chodzi o to, żeby to uczestnictwo "
            "było zwyczajem ludzi, a nie tylko czymś okazjonalnym."
        ),
        p(
            "Biblioteka dzięki swym cechom, z których wymienić można np. otwartość, "
            "przestronność, brak upolitycznienia, silny związek ze społecznością "
            "lokalną, jest wyjątkową przestrzenią, która pozwala na swobodne, "
            "pozbawione ocen i poglądów rozmawianie na wiele różnych tematów."
        ),
    ],
}

PARTNERSHIP_INDEX = {
    "slug": "partnerstwa-lokalne",
    "title": "Partnerstwa lokalne na Żoliborzu",
    "search_description": (
        "Cztery żoliborskie partnerstwa lokalne: kto je założył, kiedy i na których "
        "ulicach działają."
    ),
    "coordinator": "ops-zoliborz",
    "library_joined_year": 2011,
    "intro": [
        p(
            "Partnerstwa lokalne, czyli koalicje przedstawicieli podmiotów ze "
            "wszystkich sektorów: instytucje publiczne, organizacje pozarządowe i "
            "aktywni mieszkańcy oraz przedsiębiorcy, które zawiązują się dla "
            "realizacji długofalowych działań na rzecz wspólnych celów – poprawy "
            "jakości życia własnej lokalnej społeczności."
        ),
        p(
            "Partnerstwa lokalne na Żoliborzu utworzone zostały w celu wspólnego "
            "rozwiązywania określonych problemów lokalnych oraz podejmowania działań "
            "na rzecz aktywności społecznej i integracji mieszkańców."
        ),
        p(
            "Koordynatorem działań czterech żoliborskich partnerstw lokalnych oraz "
            "współinicjatorem ich integracji jest Ośrodek Pomocy Społecznej "
            "Dzielnicy Żoliborz."
        ),
        p(
            "W 2011 roku do partnerstw lokalnych w dzielnicy Żoliborz, dołączyła "
            "również Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy, aby "
            "wesprzeć swoimi działaniami społeczność lokalną."
        ),
    ],
}

PARTNERSHIPS = [
    {
        "slug": "dla-rudawki-i-zatrasia",
        "title": "Partnerstwo „Dla Rudawki i Zatrasia”",
        "founded_year": 2011,
        "founded_month": None,
        "logo_alt": "Logo partnerstwa „Dla Rudawki i Zatrasia” (obraz zastępczy)",
        "former_names": [("Nasz Żoliborz IV", 2018)],
        "places": [("estate", "Zatrasie"), ("estate", "Rudawka")],
        "streets": [
            ("ulica", "Broniewskiego"),
            ("ulica", "Krasińskiego"),
            ("ulica", "Powązkowska"),
            ("aleja", "Armii Krajowej"),
        ],
        "members": [("ops-zoliborz", True, ""), ("stowarzyszenie-boris", True, "")],
        "body": [
            p(
                "Partnerstwo powstało jako pierwsze na Żoliborzu w 2011 roku pod "
                "nazwą „Nasz Żoliborz IV” z inicjatywy Ośrodka Pomocy Społecznej i "
                "Stowarzyszenia BORIS, w ramach realizacji Projektu Aktywny Żoliborz "
                "finansowanego ze środków UE, w ramach PO KL. W 2018 roku Partnerstwo "
                "zmieniło nazwę na Partnerstwo „Dla Zatrasia i Rudawki”."
            ),
        ],
    },
    {
        "slug": "marymont-kaskada",
        "title": "Partnerstwo „Marymont-Kaskada”",
        "founded_year": 2013,
        "founded_month": 5,
        "logo_alt": "Logo partnerstwa „Marymont-Kaskada” (obraz zastępczy)",
        "former_names": [],
        "places": [("park", "Park Kaskada")],
        "streets": [
            ("ulica", "Mickiewicza"),
            ("trasa", "Trasa Armii Krajowej"),
            ("ulica", "Słowackiego"),
            ("ulica", "Potocka"),
        ],
        "members": [
            ("ops-zoliborz", True, ""),
            ("zgn-zoliborz", True, ""),
            ("sosw-9", True, ""),
            ("ognisko-marymont", True, ""),
            ("biblioteka-zoliborz", True, "Wypożyczalnia nr 111"),
        ],
        "body": [
            p(
                "Partnerstwo powstało w maju 2013 roku jako inicjatywa Ośrodka Pomocy "
                "Społecznej w porozumieniu z Zakładem Gospodarowania Nieruchomościami "
                "dla Dzielnicy Żoliborz oraz Specjalnym Ośrodkiem Szkolno-Wychowawczym "
                "nr 9, Ogniskiem Marymont i Wypożyczalnią nr 111 Biblioteki Publicznej "
                "dla Dzielnicy Żoliborz."
            ),
        ],
    },
    {
        "slug": "zoliborz-oficerski",
        "title": "Partnerstwo „Żoliborz Oficerski”",
        "founded_year": 2013,
        "founded_month": 11,
        "logo_alt": "Logo partnerstwa „Żoliborz Oficerski” (obraz zastępczy)",
        "former_names": [],
        "places": [("estate", "Żoliborz Oficerski")],
        "streets": [
            ("ulica", "Krajewskiego"),
            ("ulica", "gen. Zajączka"),
            ("ulica", "Mickiewicza"),
            ("ulica", "Mierosławskiego"),
            ("ulica", "Czarnieckiego"),
            ("ulica", "Krasińskiego"),
            ("wybrzeze", "Wybrzeże Gdyńskie"),
        ],
        "members": [
            ("urzad-dzielnicy-zoliborz", True, "Burmistrz Dzielnicy Żoliborz"),
            ("zgn-zoliborz", True, ""),
            ("sp-392", True, ""),
            ("ops-zoliborz", True, ""),
        ],
        "body": [
            p(
                "Partnerstwo powstało w listopadzie 2013 roku z inicjatywy Burmistrza "
                "Dzielnicy Żoliborz, ZGN, Gimnazjum nr 55 (obecnie SP nr 392) oraz "
                "Ośrodka Pomocy Społecznej."
            ),
        ],
    },
    {
        "slug": "sady-zoliborskie",
        "title": "Partnerstwo „Sady Żoliborskie”",
        "founded_year": 2014,
        "founded_month": 10,
        "logo_alt": "Logo partnerstwa „Sady Żoliborskie” (obraz zastępczy)",
        "former_names": [],
        "places": [("estate", "Sady Żoliborskie")],
        "streets": [
            ("ulica", "Włościańska"),
            ("ulica", "Słowackiego"),
            ("ulica", "Popiełuszki"),
            ("ulica", "Broniewskiego"),
        ],
        "members": [],
        "body": [
            p(
                "Partnerstwo powstało w październiku 2014 roku jako czwarte "
                "żoliborskie partnerstwo lokalne. W wyniku rozmów z lokalnymi "
                "partnerami ustalono, iż istnieje potrzeba zawiązania kolejnego "
                "partnerstwa w rejonie Sadów "
                "Żoliborskich."
            ),
        ],
    },
]

DIRECTORY = {
    "slug": "z-kim-wspolpracujemy",
    "title": "Z kim współpracujemy",
    "search_description": (
        "Instytucje, szkoły i organizacje, z którymi biblioteka i żoliborskie "
        "partnerstwa lokalne działają na rzecz mieszkańców."
    ),
    "intro": [
        p(
            "Instytucje publiczne, szkoły, organizacje pozarządowe i inne podmioty, z "
            "którymi współpracujemy w żoliborskich partnerstwach lokalnych."
        ),
    ],
}

FOOTER = {
    "library_name": LIBRARY_NAME,
    "body": "",
}
