"""The Polish accessibility statement and privacy notice the site starts with.

The sentences of the statement that every public body shares live in the
template (translated interface text); here are the library's own answers.
What only the library knows (the person responsible for accessibility, its
phone and e-mail, the buildings' accessibility, the data protection
officer) is left empty or marked "DO UZUPEŁNIENIA" for the library to fill
in; the admin dashboard lists what is still missing.
"""

from .polish import LIBRARY_NAME, h2, p

TO_FILL = "[DO UZUPEŁNIENIA PRZEZ BIBLIOTEKĘ: {}]"

STATEMENT = {
    "slug": "deklaracja-dostepnosci",
    "title": "Deklaracja dostępności",
    "search_description": (
        "Deklaracja dostępności strony internetowej Biblioteki Publicznej w "
        "Dzielnicy Żoliborz: stan dostępności, kontakt i procedura skargowa."
    ),
    "entity_name": LIBRARY_NAME,
    "status": "partially-compliant",
    "inaccessible_content": [
        {
            "type": "item",
            "value": {
                "content": "Dokumenty do pobrania (np. pliki PDF)",
                "reason": (
                    "Niektóre dokumenty dodawane do strony mogą nie być w pełni "
                    "dostępne cyfrowo. Na prośbę udostępnimy ich treść w dostępnej "
                    "formie (patrz „Informacje zwrotne i dane kontaktowe”)."
                ),
            },
        }
    ],
    "exemptions": (
        "<p>Deklaracja nie obejmuje treści osób trzecich, których biblioteka nie "
        "finansuje, nie opracowuje i nad którymi nie ma kontroli, np. stron "
        "internetowych partnerów, do których prowadzą łącza.</p>"
    ),
    "assessment_method": "self",
    "keyboard_shortcuts": (
        "<p>Na stronie można używać standardowych skrótów klawiaturowych "
        "przeglądarki. Pierwsze naciśnięcie klawisza Tab pokazuje łącze "
        "„Przejdź do treści głównej”, które pomija nagłówek i menu.</p>"
    ),
    "complaint_procedure": (
        "<p>Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej "
        "tej strony internetowej lub jej elementów. Zgłaszając takie żądanie, "
        "podaj:</p>"
        "<ul><li>swoje imię i nazwisko,</li>"
        "<li>swoje dane kontaktowe (np. numer telefonu, e-mail),</li>"
        "<li>dokładny adres strony internetowej, na której jest niedostępny "
        "element lub treść,</li>"
        "<li>opis, na czym polega problem i jaki sposób jego rozwiązania byłby "
        "dla Ciebie najwygodniejszy.</li></ul>"
        "<p>Na Twoje żądanie odpowiemy niezwłocznie, nie później niż w ciągu 7 "
        "dni od jego otrzymania. Jeżeli w tym terminie zapewnienie dostępności "
        "nie jest możliwe, powiemy Ci, kiedy najpóźniej zapewnimy dostępność; "
        "ten termin nie będzie dłuższy niż 2 miesiące od daty zgłoszenia. "
        "Jeżeli nie jest możliwe zapewnienie dostępności, zaproponujemy "
        "alternatywny sposób dostępu do informacji.</p>"
        "<p>Jeżeli w odpowiedzi na Twoje żądanie odmówimy zapewnienia dostępności "
        "lub alternatywnego sposobu dostępu do informacji, możesz złożyć skargę. "
        "Po wyczerpaniu tej procedury możesz także złożyć wniosek do "
        '<a href="https://bip.brpo.gov.pl/">Rzecznika Praw Obywatelskich</a>.</p>'
    ),
    "architectural_accessibility": "",
    "mobile_apps": "<p>Biblioteka nie udostępnia aplikacji mobilnych.</p>",
}

PRIVACY = {
    "slug": "polityka-prywatnosci",
    "title": "Polityka prywatności",
    "search_description": (
        "Jak strona biblioteki chroni Twoją prywatność: bez plików cookie, bez "
        "analityki i bez treści z innych serwerów."
    ),
    "intro": (
        "Przeglądając tę stronę, nie zostawiasz nam żadnych danych osobowych: "
        "nie używamy plików cookie, analityki ani treści z innych serwerów."
    ),
    "body": [
        h2("Administrator danych"),
        p(
            f"Administratorem danych osobowych jest {LIBRARY_NAME}. Dane "
            "kontaktowe biblioteki są podane na dole każdej strony. Inspektor "
            "ochrony danych: "
            + TO_FILL.format("imię i nazwisko oraz adres e-mail inspektora")
            + "."
        ),
        h2("Przeglądanie strony"),
        p(
            "Strona nie zapisuje w Twojej przeglądarce plików cookie ani innych "
            "identyfikatorów, nie korzysta z narzędzi analitycznych i nie pobiera "
            "czcionek, skryptów, map, filmów ani obrazów z innych serwerów. Dlatego "
            "nie prosimy o zgodę na pliki cookie."
        ),
        p(
            "Serwer, na którym działa strona, zapisuje w dziennikach technicznych "
            "adres IP, datę i godzinę, adres odwiedzonej strony oraz nazwę "
            "przeglądarki. Korzystamy z nich wyłącznie, aby zapewnić bezpieczeństwo "
            "i poprawne działanie strony (art. 6 ust. 1 lit. e RODO). Okres "
            "przechowywania dzienników: "
            + TO_FILL.format("okres przechowywania dzienników serwera")
            + "."
        ),
        h2("Panel redakcyjny"),
        p(
            "Pliki cookie sesji i ochrony formularzy zapisujemy tylko osobom, które "
            "logują się do panelu redakcyjnego (pracownikom biblioteki). Są one "
            "niezbędne do działania panelu, dlatego nie wymagają zgody."
        ),
        h2("Kontakt z nami"),
        p(
            "Jeżeli napiszesz do nas lub zadzwonisz, przetwarzamy Twoje dane tylko, "
            "aby odpowiedzieć na Twoją sprawę, przez czas wynikający z przepisów o "
            "archiwizacji dokumentów."
        ),
        h2("Twoje prawa"),
        p(
            "Masz prawo dostępu do swoich danych, ich sprostowania, ograniczenia "
            "przetwarzania oraz prawo sprzeciwu. Masz też prawo wnieść skargę do "
            "Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 "
            "Warszawa)."
        ),
        h2("Łącza do innych stron"),
        p(
            "Strona zawiera łącza do innych serwisów, np. Biuletynu Informacji "
            "Publicznej i stron partnerów. Po przejściu na nie obowiązują ich "
            "własne zasady prywatności."
        ),
    ],
}
