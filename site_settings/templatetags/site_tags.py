"""Template tags that read the library's settings: the header and footer
text, and the legal pages every footer links (the accessibility statement
and the privacy notice chosen in the settings)."""

from django import template
from django.db.models import Q
from wagtail.models import Page

from home.i18n import current_language, default_language, in_language, memoise
from home.models import AccessibilityStatementPage

from ..models import FooterText, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The header/footer text in the visitor's language (once per request)."""
    return in_language(
        FooterText.objects.all(), request=context.get("request"), key="footer_text"
    )


@register.simple_tag(takes_context=True)
def legal_pages(context):
    """The statement and the privacy notice in the visitor's language (or
    Polish where they are not translated yet), once per request."""
    request = context.get("request")
    language = current_language()

    def find():
        statement = in_language(AccessibilityStatementPage.objects.live(), language)
        # The notice is an ordinary page, chosen in the site settings, so an
        # editor may rename or move it without losing the footer link.
        return {"statement": statement, "privacy": _chosen_pages(request)["privacy"]}

    return memoise(request, ("legal_pages", language), find)


@register.simple_tag(takes_context=True)
def easy_access_pages(context):
    """{"easy_read": page or None, "sign_language": page or None}: the
    easy-to-read (ETR) and sign-language (PJM) pages that every header and
    footer links, in the visitor's language where translated and live."""
    chosen = _chosen_pages(context.get("request"))
    return {"easy_read": chosen["easy_read"], "sign_language": chosen["sign_language"]}


def _chosen_pages(request):
    """The pages chosen in the settings (privacy notice, easy-to-read and
    sign-language pages), each live in the visitor's language where it is
    translated, else as chosen, else None: one query, once per request."""
    language = current_language()
    names = ("privacy", "easy_read", "sign_language")

    def find():
        if request is None:
            return dict.fromkeys(names)
        chosen = SiteSettings.for_request(request)
        wanted = {name: getattr(chosen, f"{name}_page_id") for name in names}
        ids = [pk for pk in wanted.values() if pk]
        if not ids:
            return dict.fromkeys(names)
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        candidates = list(
            Page.objects.live()
            .filter(Q(pk__in=ids) | Q(translation_key__in=keys))
            .filter(locale__language_code__in={language, default_language()})
            .select_related("locale")
        )
        by_pk = {page.pk: page for page in candidates}
        found = {}
        for name, pk in wanted.items():
            page = by_pk.get(pk)
            found[name] = next(
                (
                    p
                    for p in candidates
                    if page is not None
                    and p.translation_key == page.translation_key
                    and p.locale.language_code == language
                ),
                page,
            )
        return found

    return memoise(request, ("chosen_pages", language), find)
