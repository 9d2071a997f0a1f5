"""The two e-mails a message makes: to the partnership's contact address
(in the library's language) and a confirmation to the sender (in theirs).
A failing mail server loses nothing: the message is already stored."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from site_settings.models import SiteSettings

logger = logging.getLogger(__name__)


def recipient(partnership, request):
    """The partnership's contact e-mail, else the library's, else ""."""
    if partnership.contact_email:
        return partnership.contact_email
    return SiteSettings.for_request(request).email


def send(email):
    try:
        email.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.error("E-mail to %s not sent: %s", email.to, error)
        return False
    return True


def notify(message, partnership, request):
    """E-mail ``message`` to the partnership and confirm it to the sender;
    records where it was delivered."""
    to = recipient(partnership, request)
    admin_url = request.build_absolute_uri(
        reverse("partnership_messages:inspect", args=[message.pk])
    )
    if to:
        with translation.override(settings.LANGUAGE_CODE):
            email = EmailMessage(
                subject=render_to_string(
                    "participation/email/partnership_subject.txt",
                    {"message": message, "partnership": partnership},
                ).strip(),
                body=render_to_string(
                    "participation/email/partnership_body.txt",
                    {
                        "message": message,
                        "partnership": partnership,
                        "admin_url": admin_url,
                    },
                ),
                to=[to],
                reply_to=[message.email],
            )
        if send(email):
            message.delivered_to = to
            message.save(update_fields=["delivered_to"])
    else:
        logger.warning(
            "Message %s for %s stored; no e-mail address to send it to",
            message.pk,
            partnership.title,
        )
    with translation.override(message.language):
        confirmation = EmailMessage(
            subject=render_to_string(
                "participation/email/confirmation_subject.txt",
                {"partnership": partnership},
            ).strip(),
            body=render_to_string(
                "participation/email/confirmation_body.txt",
                {
                    "message": message,
                    "partnership": partnership,
                    "page_url": partnership.get_full_url(request),
                },
            ),
            to=[message.email],
        )
    send(confirmation)
