"""English translations of the seeded accessibility statement and privacy notice.

Keyed by the exact Polish segment text wagtail-localize extracts from the pages
built from `accessibility.py` (rich text is one segment per block element, with
links turned into `<a id="aN">` placeholders). Feed these into StringTranslation
for the English locale. `tests/test_english_legal.py` fails when a Polish
sentence changes and its key here no longer matches.

Names stay recognisable: the library is the "Public Library of the Żoliborz
District of Warsaw"; Polish institutions get their official English name with
the Polish one in brackets where a reader may need to look them up.
"""

from .accessibility import TO_FILL
from .polish import LIBRARY_NAME

LIBRARY_NAME_EN = "Public Library of the Żoliborz District of Warsaw"
TO_FILL_EN = "[TO BE COMPLETED BY THE LIBRARY: {}]"

ACCESSIBILITY_STATEMENT = {
    "Deklaracja dostępności": "Accessibility statement",
    "deklaracja-dostepnosci": "accessibility-statement",
    (
        "Deklaracja dostępności strony internetowej Biblioteki Publicznej w "
        "Dzielnicy Żoliborz: stan dostępności, kontakt i procedura skargowa."
    ): (
        f"Accessibility statement for the website of the {LIBRARY_NAME_EN}: "
        "compliance status, contact details and the complaints procedure."
    ),
    LIBRARY_NAME: LIBRARY_NAME_EN,
    "Dokumenty do pobrania (np. pliki PDF)": "Downloadable documents (e.g. PDF files)",
    (
        "Niektóre dokumenty dodawane do strony mogą nie być w pełni dostępne "
        "cyfrowo. Na prośbę udostępnimy ich treść w dostępnej formie (patrz "
        "„Informacje zwrotne i dane kontaktowe”)."
    ): (
        "Some documents published on the website may not be fully accessible. "
        "On request, we will provide their content in an accessible format (see "
        "“Feedback and contact details”)."
    ),
    (
        "Deklaracja nie obejmuje treści osób trzecich, których biblioteka nie "
        "finansuje, nie opracowuje i nad którymi nie ma kontroli, np. stron "
        "internetowych partnerów, do których prowadzą łącza."
    ): (
        "This statement does not cover third-party content that the library "
        "neither funds nor develops and has no control over, such as partners’ "
        "websites that we link to."
    ),
    (
        "Na stronie można używać standardowych skrótów klawiaturowych "
        "przeglądarki. Pierwsze naciśnięcie klawisza Tab pokazuje łącze "
        "„Przejdź do treści głównej”, które pomija nagłówek i menu."
    ): (
        "You can use your browser’s standard keyboard shortcuts on this website. "
        "Pressing the Tab key for the first time shows a “Skip to main content” "
        "link, which bypasses the header and the menu."
    ),
    (
        "Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej tej "
        "strony internetowej lub jej elementów. Zgłaszając takie żądanie, podaj:"
    ): (
        "Everyone has the right to request that this website, or any part of it, "
        "be made digitally accessible. When you make a request, please give:"
    ),
    "swoje imię i nazwisko,": "your full name,",
    "swoje dane kontaktowe (np. numer telefonu, e-mail),": (
        "your contact details (e.g. phone number, e-mail address),"
    ),
    (
        "dokładny adres strony internetowej, na której jest niedostępny element "
        "lub treść,"
    ): "the exact address of the web page with the inaccessible element or content,",
    (
        "opis, na czym polega problem i jaki sposób jego rozwiązania byłby dla "
        "Ciebie najwygodniejszy."
    ): (
        "a description of the problem and of the way of solving it that would "
        "suit you best."
    ),
    (
        "Na Twoje żądanie odpowiemy niezwłocznie, nie później niż w ciągu 7 dni od "
        "jego otrzymania. Jeżeli w tym terminie zapewnienie dostępności nie jest "
        "możliwe, powiemy Ci, kiedy najpóźniej zapewnimy dostępność; ten termin "
        "nie będzie dłuższy niż 2 miesiące od daty zgłoszenia. Jeżeli nie jest "
        "możliwe zapewnienie dostępności, zaproponujemy alternatywny sposób "
        "dostępu do informacji."
    ): (
        "We will respond to your request without delay and no later than 7 days "
        "after receiving it. If we cannot make the content accessible within that "
        "time, we will tell you the latest date by which we will do so; this will "
        "be no more than 2 months from the date of your request. If the content "
        "cannot be made accessible, we will offer you another way of accessing "
        "the information."
    ),
    (
        "Jeżeli w odpowiedzi na Twoje żądanie odmówimy zapewnienia dostępności lub "
        "alternatywnego sposobu dostępu do informacji, możesz złożyć skargę. Po "
        "wyczerpaniu tej procedury możesz także złożyć wniosek do "
        '<a id="a1">Rzecznika Praw Obywatelskich</a>.'
    ): (
        "If, in response to your request, we refuse to provide accessibility or "
        "another way of accessing the information, you may lodge a complaint. "
        "Once that procedure is exhausted, you may also apply to the "
        '<a id="a1">Commissioner for Human Rights (Rzecznik Praw '
        "Obywatelskich)</a>."
    ),
    "Biblioteka nie udostępnia aplikacji mobilnych.": (
        "The library does not offer any mobile apps."
    ),
}

PRIVACY_NOTICE = {
    "Polityka prywatności": "Privacy notice",
    "polityka-prywatnosci": "privacy-notice",
    (
        "Jak strona biblioteki chroni Twoją prywatność: bez plików cookie, bez "
        "analityki i bez treści z innych serwerów."
    ): (
        "How the library’s website protects your privacy: no cookies, no "
        "analytics and no content from other servers."
    ),
    (
        "Przeglądając tę stronę, nie zostawiasz nam żadnych danych osobowych: nie "
        "używamy plików cookie, analityki ani treści z innych serwerów."
    ): (
        "Browsing this website leaves us none of your personal data: we use no "
        "cookies, no analytics and no content from other servers."
    ),
    "Administrator danych": "Data controller",
    (
        f"Administratorem danych osobowych jest {LIBRARY_NAME}. Dane kontaktowe "
        "biblioteki są podane na dole każdej strony. Inspektor ochrony danych: "
        + TO_FILL.format("imię i nazwisko oraz adres e-mail inspektora")
        + "."
    ): (
        f"The controller of your personal data is the {LIBRARY_NAME_EN}. The "
        "library’s contact details are given at the bottom of every page. Data "
        "protection officer: "
        + TO_FILL_EN.format("the officer’s name and e-mail address")
        + "."
    ),
    "Przeglądanie strony": "Browsing the website",
    (
        "Strona nie zapisuje w Twojej przeglądarce plików cookie ani innych "
        "identyfikatorów, nie korzysta z narzędzi analitycznych i nie pobiera "
        "czcionek, skryptów, map, filmów ani obrazów z innych serwerów. Dlatego "
        "nie prosimy o zgodę na pliki cookie."
    ): (
        "The website stores no cookies or other identifiers in your browser, "
        "uses no analytics tools and loads no fonts, scripts, maps, videos or "
        "images from other servers. That is why we do not ask you to consent to "
        "cookies."
    ),
    (
        "Serwer, na którym działa strona, zapisuje w dziennikach technicznych "
        "adres IP, datę i godzinę, adres odwiedzonej strony oraz nazwę "
        "przeglądarki. Korzystamy z nich wyłącznie, aby zapewnić bezpieczeństwo "
        "i poprawne działanie strony (art. 6 ust. 1 lit. e RODO). Okres "
        "przechowywania dzienników: "
        + TO_FILL.format("okres przechowywania dzienników serwera")
        + "."
    ): (
        "The server that runs the website records in its technical logs the IP "
        "address, the date and time, the address of the page visited and the "
        "browser name. We use them only to keep the website secure and working "
        "properly (Article 6(1)(e) GDPR). Log retention period: "
        + TO_FILL_EN.format("how long the server logs are kept")
        + "."
    ),
    "Panel redakcyjny": "Admin panel",
    (
        "Pliki cookie sesji i ochrony formularzy zapisujemy tylko osobom, które "
        "logują się do panelu redakcyjnego (pracownikom biblioteki). Są one "
        "niezbędne do działania panelu, dlatego nie wymagają zgody."
    ): (
        "Session and form-protection cookies are set only for people who sign in "
        "to the admin panel (library staff). They are strictly necessary for "
        "the admin to work, so they do not require consent."
    ),
    "Kontakt z nami": "Contacting us",
    (
        "Jeżeli napiszesz do nas lub zadzwonisz, przetwarzamy Twoje dane tylko, "
        "aby odpowiedzieć na Twoją sprawę, przez czas wynikający z przepisów o "
        "archiwizacji dokumentów."
    ): (
        "If you write to us or call us, we process your data only to deal with "
        "your enquiry, and keep it for as long as the rules on archiving records "
        "require."
    ),
    "Twoje prawa": "Your rights",
    (
        "Masz prawo dostępu do swoich danych, ich sprostowania, ograniczenia "
        "przetwarzania oraz prawo sprzeciwu. Masz też prawo wnieść skargę do "
        "Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa)."
    ): (
        "You have the right to access your data, to have it rectified, to "
        "restrict its processing and to object. You also have the right to lodge "
        "a complaint with the President of the Personal Data Protection Office "
        "(Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa)."
    ),
    "Łącza do innych stron": "Links to other websites",
    (
        "Strona zawiera łącza do innych serwisów, np. Biuletynu Informacji "
        "Publicznej i stron partnerów. Po przejściu na nie obowiązują ich własne "
        "zasady prywatności."
    ): (
        "The website links to other services, such as the Public Information "
        "Bulletin (Biuletyn Informacji Publicznej) and partners’ websites. Once "
        "you follow a link, their own privacy policies apply."
    ),
}

ENGLISH_LEGAL = {**ACCESSIBILITY_STATEMENT, **PRIVACY_NOTICE}
