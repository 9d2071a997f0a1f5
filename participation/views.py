"""The join form of a partnership and its confirmation page. Neither is kept
in the page cache (the form sets the CSRF cookie), so the token a visitor
sends is always their own; the partnership page itself stays cached and
links here."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from cooperation.models import PartnershipPage
from home.i18n import current_language, in_language

from . import mail, spam
from .forms import JoinForm
from .models import JoinFormNotice


def partnership_or_404(key):
    """The live, public partnership (by translation key) in the visitor's
    language."""
    page = (
        PartnershipPage.objects.live()
        .public()
        .filter(translation_key=key, locale__language_code=current_language())
        .first()
    )
    if page is None:
        raise Http404
    return page


def source_partnership(page):
    """The partnership's page in the default language: messages are filed
    under it, whichever language they were written in."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


@never_cache
def join(request, key):
    partnership = partnership_or_404(key)
    status = 200
    if request.method == "POST":
        form = JoinForm(request.POST)
        if spam.over_limit(request):
            form.is_valid()  # keeps what was typed, with any field errors
            form.add_error(None, spam.FLOOD)
            status = 429
        elif form.is_valid():
            message = form.save(commit=False)
            message.partnership = source_partnership(partnership)
            message.language = current_language()
            message.consent_at = timezone.now()
            message.save()
            spam.count_message(request)
            mail.notify(message, partnership, request)
            return redirect("participation_sent", key=partnership.translation_key)
        # A new time: a person who was too fast can send again in a moment.
        form.data = form.data.copy()
        form.data["shown"] = spam.form_token()
    else:
        form = JoinForm(initial={"shown": spam.form_token()})
    notice = in_language(JoinFormNotice.objects.all())
    return render(
        request,
        "participation/join_form.html",
        {
            "partnership": partnership,
            "form": form,
            "notice": notice,
            "retention_months": settings.PARTICIPATION_RETENTION_MONTHS,
        },
        status=status,
    )


@never_cache
def sent(request, key):
    partnership = partnership_or_404(key)
    return render(request, "participation/sent.html", {"partnership": partnership})
