"""The English translation of the seeded Polish content.

One entry per string wagtail-localize extracts from the Polish pages and
snippets (titles, slugs, descriptions, each paragraph of rich text, headings,
names, roles and alternative text), keyed by the exact Polish string. The
loader feeds these into wagtail-localize as string translations, so the
English pages are real translations that librarians can open in the
translation editor.

Names stay Polish where they are names (estates, parks, the partnerships'
own names, abbreviations residents see on signs), with an English gloss where
it helps an English-speaking resident. Institutions get their English
descriptive name, with the Polish abbreviation kept as the short name.

A Polish string without an entry here stops that object's translation; the
tests check that every seeded string has one.
"""

from .english_legal import ENGLISH_LEGAL

LIBRARY_NAME = "Public Library of the Żoliborz District of Warsaw"

ENGLISH = {
    # Shared: the library's name (home page title, organisation, header text).
    "Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy": LIBRARY_NAME,
    # Slugs: English addresses under /en/.
    "home": "home-en",
    "wspolpraca": "cooperation",
    "partnerstwa-lokalne": "local-partnerships",
    "dla-rudawki-i-zatrasia": "for-rudawka-and-zatrasie",
    "marymont-kaskada": "marymont-kaskada",
    "zoliborz-oficerski": "zoliborz-oficerski",
    "sady-zoliborskie": "sady-zoliborskie",
    "z-kim-wspolpracujemy": "who-we-work-with",
    # Home page.
    "Biblioteka na Żoliborzu to miejsce spotkań, czytania i wspólnych działań "
    "z sąsiadami, szkołami i organizacjami dzielnicy.": (
        "The library in Żoliborz is a place to meet, to read and to work together "
        "with the district’s neighbours, schools and organisations."
    ),
    # Cooperation page.
    "Współpraca": "Cooperation",
    "Dlaczego współpraca lokalna opłaca się wszystkim i z kim biblioteka "
    "działa na Żoliborzu.": (
        "Why local cooperation pays off for everyone, and who the library works "
        "with in Żoliborz."
    ),
    "Potrzeba współpracy lokalnej": "Why we need local cooperation",
    "Czy współpraca – trawestując słowa piosenki – to lek na całe zło? Pewnie "
    "nie, jednak doświadczenia pokazują, że współpraca partnerska w środowisku "
    "opłaca się wszystkim! Zyskują na niej instytucje publiczne i organizacje, "
    "bo wspólnie wypracowane pomysły są pełniejsze i bardziej kreatywne – "
    "uwzględniają różne perspektywy, otwierają drogi na przyszłość. Razem "
    "łatwiej też radzić sobie z brakami lokalowymi, finansowymi czy kadrowymi. "
    "A przecież różnego rodzaju „braki” to, w dobie kryzysu, bolączka nie "
    "tylko małych, ale i dużych bibliotek. Ale przede wszystkim na skutecznej "
    "współpracy ostatecznie zyskują mieszkańcy. I to jest najważniejszy "
    "weryfikator partnerstwa, bo to dla nich pracujemy!": (
        "Is cooperation – to paraphrase the song – the cure for all ills? "
        "Probably not, but experience shows that working in partnership within a "
        "community pays off for everyone! Public institutions and organisations "
        "gain, because ideas worked out together are fuller and more creative: "
        "they take different points of view into account and open up paths to "
        "the future. Together it is also easier to cope with a lack of space, "
        "money or staff – and in a time of crisis, “shortages” of every kind "
        "trouble large libraries as much as small ones. Above all, though, it is "
        "residents who gain from cooperation that works. That is the real test of "
        "any partnership, because they are the people we work for!"
    ),
    "Działamy wspólnie i systemowo. Nie jesteśmy dla siebie konkurencją, lecz "
    "uzupełnieniem. Kultura to nie tylko czytelnictwo, wspólnie wychowujemy "
    "uczestników kultury w naszym mieście i chodzi o to, żeby to uczestnictwo "
    "było zwyczajem ludzi, a nie tylko czymś okazjonalnym.": (
        "We work together, and we do it systematically. We are not one another’s "
        "competitors: we complement each other. Culture is more than reading. "
        "Together we are bringing up the people who will take part in our city’s "
        "cultural life, and the aim is for taking part to become a habit, not "
        "just something people do now and then."
    ),
    "Biblioteka dzięki swym cechom, z których wymienić można np. otwartość, "
    "przestronność, brak upolitycznienia, silny związek ze społecznością "
    "lokalną, jest wyjątkową przestrzenią, która pozwala na swobodne, "
    "pozbawione ocen i poglądów rozmawianie na wiele różnych tematów.": (
        "Because of what it is – open, spacious, free of politics and closely tied "
        "to the local community, to name a few of its qualities – the library is "
        "an exceptional space where people can talk freely about all kinds of "
        "subjects, without being judged and without opinions being pressed on "
        "them."
    ),
    # Local partnerships page.
    "Partnerstwa lokalne na Żoliborzu": "Local partnerships in Żoliborz",
    "Cztery żoliborskie partnerstwa lokalne: kto je założył, kiedy i na których "
    "ulicach działają.": (
        "Żoliborz’s four local partnerships: who founded them, when, and which "
        "streets they work in."
    ),
    "Partnerstwa lokalne, czyli koalicje przedstawicieli podmiotów ze "
    "wszystkich sektorów: instytucje publiczne, organizacje pozarządowe i "
    "aktywni mieszkańcy oraz przedsiębiorcy, które zawiązują się dla "
    "realizacji długofalowych działań na rzecz wspólnych celów – poprawy "
    "jakości życia własnej lokalnej społeczności.": (
        "Local partnerships are coalitions of people from every sector – public "
        "institutions, non-governmental organisations, active residents and local "
        "businesses – who join forces for long-term work towards a shared goal: a "
        "better quality of life for their own local community."
    ),
    "Partnerstwa lokalne na Żoliborzu utworzone zostały w celu wspólnego "
    "rozwiązywania określonych problemów lokalnych oraz podejmowania działań "
    "na rzecz aktywności społecznej i integracji mieszkańców.": (
        "The local partnerships in Żoliborz were set up to tackle specific local "
        "problems together, to encourage residents to take an active part in "
        "community life and to bring neighbours together."
    ),
    "Koordynatorem działań czterech żoliborskich partnerstw lokalnych oraz "
    "współinicjatorem ich integracji jest Ośrodek Pomocy Społecznej "
    "Dzielnicy Żoliborz.": (
        "The work of Żoliborz’s four local partnerships is coordinated by the "
        "Żoliborz District Social Welfare Centre (Ośrodek Pomocy Społecznej), "
        "which also helped bring the partnerships together."
    ),
    "W 2011 roku do partnerstw lokalnych w dzielnicy Żoliborz, dołączyła "
    "również Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy, aby "
    "wesprzeć swoimi działaniami społeczność lokalną.": (
        "In 2011 the Public Library of the Żoliborz District of Warsaw joined the "
        "district’s local partnerships too, to support the local community "
        "through its work."
    ),
    # The "Dla Rudawki i Zatrasia" partnership.
    "Partnerstwo „Dla Rudawki i Zatrasia”": (
        "The “Dla Rudawki i Zatrasia” partnership (For Rudawka and Zatrasie)"
    ),
    "Logo partnerstwa „Dla Rudawki i Zatrasia” (obraz zastępczy)": (
        "Logo of the “Dla Rudawki i Zatrasia” partnership (placeholder image)"
    ),
    "Nasz Żoliborz IV": "Nasz Żoliborz IV, “Our Żoliborz IV”",
    "Zatrasie": "Zatrasie",
    "Rudawka": "Rudawka",
    "Partnerstwo powstało jako pierwsze na Żoliborzu w 2011 roku pod "
    "nazwą „Nasz Żoliborz IV” z inicjatywy Ośrodka Pomocy Społecznej i "
    "Stowarzyszenia BORIS, w ramach realizacji Projektu Aktywny Żoliborz "
    "finansowanego ze środków UE, w ramach PO KL. W 2018 roku Partnerstwo "
    "zmieniło nazwę na Partnerstwo „Dla Zatrasia i Rudawki”.": (
        "The first partnership in Żoliborz was founded in 2011 as “Nasz Żoliborz "
        "IV” (“Our Żoliborz IV”), on the initiative of the Social Welfare Centre "
        "and the BORIS Association, as part of the Aktywny Żoliborz (Active "
        "Żoliborz) project, funded by the European Union under the Human Capital "
        "Operational Programme (PO KL). In 2018 the partnership changed its name "
        "to “Dla Zatrasia i Rudawki” (“For Zatrasie and Rudawka”)."
    ),
    # The "Marymont-Kaskada" partnership.
    "Partnerstwo „Marymont-Kaskada”": "The “Marymont-Kaskada” partnership",
    "Logo partnerstwa „Marymont-Kaskada” (obraz zastępczy)": (
        "Logo of the “Marymont-Kaskada” partnership (placeholder image)"
    ),
    "Park Kaskada": "Kaskada Park (Park Kaskada)",
    "Wypożyczalnia nr 111": "through its Lending Library No. 111",
    "Partnerstwo powstało w maju 2013 roku jako inicjatywa Ośrodka Pomocy "
    "Społecznej w porozumieniu z Zakładem Gospodarowania Nieruchomościami "
    "dla Dzielnicy Żoliborz oraz Specjalnym Ośrodkiem Szkolno-Wychowawczym "
    "nr 9, Ogniskiem Marymont i Wypożyczalnią nr 111 Biblioteki Publicznej "
    "dla Dzielnicy Żoliborz.": (
        "The partnership was founded in May 2013 on the initiative of the Social "
        "Welfare Centre, together with the Żoliborz District Property Management "
        "Office (ZGN), Special School and Education Centre No. 9, the Ognisko "
        "Marymont after-school centre and Lending Library No. 111 of the Public "
        "Library of the Żoliborz District."
    ),
    # The "Żoliborz Oficerski" partnership.
    "Partnerstwo „Żoliborz Oficerski”": (
        "The “Żoliborz Oficerski” partnership (Officers’ Żoliborz)"
    ),
    "Logo partnerstwa „Żoliborz Oficerski” (obraz zastępczy)": (
        "Logo of the “Żoliborz Oficerski” partnership (placeholder image)"
    ),
    "Żoliborz Oficerski": "Żoliborz Oficerski (Officers’ Żoliborz)",
    "Burmistrz Dzielnicy Żoliborz": "the Mayor of the Żoliborz District",
    "Partnerstwo powstało w listopadzie 2013 roku z inicjatywy Burmistrza "
    "Dzielnicy Żoliborz, ZGN, Gimnazjum nr 55 (obecnie SP nr 392) oraz "
    "Ośrodka Pomocy Społecznej.": (
        "The partnership was founded in November 2013 on the initiative of the "
        "Mayor of the Żoliborz District, the Property Management Office (ZGN), "
        "Lower Secondary School No. 55 (Gimnazjum nr 55, now Primary School "
        "No. 392) and the Social Welfare Centre."
    ),
    # The "Sady Żoliborskie" partnership.
    "Partnerstwo „Sady Żoliborskie”": (
        "The “Sady Żoliborskie” partnership (Żoliborz Orchards)"
    ),
    "Logo partnerstwa „Sady Żoliborskie” (obraz zastępczy)": (
        "Logo of the “Sady Żoliborskie” partnership (placeholder image)"
    ),
    "Sady Żoliborskie": "Sady Żoliborskie (Żoliborz Orchards)",
    "Partnerstwo powstało w październiku 2014 roku jako czwarte żoliborskie "
    "partnerstwo lokalne. W wyniku rozmów z lokalnymi partnerami ustalono, "
    "iż istnieje potrzeba zawiązania kolejnego partnerstwa w rejonie Sadów "
    "Żoliborskich.": (
        "The partnership was founded in October 2014 as the fourth local "
        "partnership in Żoliborz. Talks with local partners had shown that "
        "another partnership was needed in the Sady Żoliborskie area."
    ),
    # "Who we work with" page.
    "Z kim współpracujemy": "Who we work with",
    "Instytucje, szkoły i organizacje, z którymi biblioteka i żoliborskie "
    "partnerstwa lokalne działają na rzecz mieszkańców.": (
        "The institutions, schools and organisations that the library and "
        "Żoliborz’s local partnerships work with for the good of residents."
    ),
    "Instytucje publiczne, szkoły, organizacje pozarządowe i inne podmioty, z "
    "którymi współpracujemy w żoliborskich partnerstwach lokalnych.": (
        "Public institutions, schools, non-governmental organisations and others "
        "we work with in Żoliborz’s local partnerships."
    ),
    # Partner organisations: names, short names, former names, descriptions.
    "Ośrodek Pomocy Społecznej Dzielnicy Żoliborz m.st. Warszawy": (
        "Żoliborz District Social Welfare Centre, City of Warsaw"
    ),
    "OPS": "OPS",
    "Koordynator działań czterech żoliborskich partnerstw lokalnych oraz "
    "współinicjator ich integracji.": (
        "Coordinates the work of Żoliborz’s four local partnerships and helped "
        "bring them together."
    ),
    "Stowarzyszenie BORIS": "BORIS Association (Stowarzyszenie BORIS)",
    "BORIS": "BORIS",
    "Współinicjator pierwszego żoliborskiego partnerstwa lokalnego (2011), "
    "w ramach Projektu Aktywny Żoliborz.": (
        "Co-founder of the first local partnership in Żoliborz (2011), as part of "
        "the Aktywny Żoliborz (Active Żoliborz) project."
    ),
    "Zakład Gospodarowania Nieruchomościami dla Dzielnicy Żoliborz": (
        "Żoliborz District Property Management Office"
    ),
    "ZGN": "ZGN",
    "Współinicjator partnerstw „Marymont-Kaskada” i „Żoliborz Oficerski”.": (
        "Co-founder of the “Marymont-Kaskada” and “Żoliborz Oficerski” partnerships."
    ),
    "Specjalny Ośrodek Szkolno-Wychowawczy nr 9": (
        "Special School and Education Centre No. 9"
    ),
    "SOSW nr 9": "SOSW nr 9",
    "Współinicjator partnerstwa „Marymont-Kaskada” (2013).": (
        "Co-founder of the “Marymont-Kaskada” partnership (2013)."
    ),
    "Ognisko Marymont": "Ognisko Marymont after-school centre",
    "Od 2011 roku w partnerstwach lokalnych na Żoliborzu, aby wesprzeć swoimi "
    "działaniami społeczność lokalną. Wypożyczalnia nr 111 współtworzyła "
    "partnerstwo „Marymont-Kaskada”.": (
        "Has taken part in Żoliborz’s local partnerships since 2011, to support "
        "the local community through its work. Its Lending Library No. 111 "
        "co-founded the “Marymont-Kaskada” partnership."
    ),
    "Urząd Dzielnicy Żoliborz m.st. Warszawy": (
        "Żoliborz District Office, City of Warsaw"
    ),
    "Z inicjatywy Burmistrza Dzielnicy Żoliborz powstało partnerstwo "
    "„Żoliborz Oficerski” (2013).": (
        "The “Żoliborz Oficerski” partnership (2013) was founded on the "
        "initiative of the Mayor of the Żoliborz District."
    ),
    "Szkoła Podstawowa nr 392": "Primary School No. 392",
    "SP nr 392": "SP nr 392",
    "Gimnazjum nr 55": "Gimnazjum nr 55, a lower secondary school",
    "Współinicjator partnerstwa „Żoliborz Oficerski” (2013).": (
        "Co-founder of the “Żoliborz Oficerski” partnership (2013)."
    ),
}


# The accessibility statement and privacy notice (kept in their own module).
ENGLISH.update(ENGLISH_LEGAL)
