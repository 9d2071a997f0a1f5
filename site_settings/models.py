"""Site-wide contact details (the same in every language) and the footer text
(translated)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.validators import phone_validator


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The library's address, phone, e-mail and links, shown in every footer."""

    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'ul. Słowackiego 19'."),
    )
    postal_code = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True, default="Warszawa")
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mail"), blank=True)
    bip_url = models.URLField(
        _("Public Information Bulletin (BIP)"),
        blank=True,
        help_text=_("The address of the library's BIP."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page linked as the privacy notice in every page's footer "
            "(in the visitor's language where it is translated)."
        ),
    )
    # The easy-to-read and sign-language pages every header and
    # footer links, and how to reach the library in Polish Sign Language.
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("easy-to-read page (ETR)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked with its symbol in every page's header and footer."),
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Polish Sign Language page (PJM)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked with its symbol in every page's header and footer."),
    )
    sign_language_email = models.EmailField(
        _("e-mail for deaf visitors"),
        blank=True,
        help_text=_("Empty: the library's e-mail above."),
    )
    sign_language_sms = models.CharField(
        _("number for text messages (SMS)"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
    )
    sign_language_video_call = models.URLField(
        _("video call with a PJM interpreter"),
        blank=True,
        help_text=_("The address of the library's online interpreting service."),
    )

    # Open data: the licence every feed, CSV and the catalogue state.
    open_data_licence_name = models.CharField(
        _("open data licence"),
        max_length=80,
        default="CC BY 4.0",
        help_text=_("Its short name, e.g. 'CC BY 4.0' or 'CC0 1.0'."),
    )
    open_data_licence_url = models.URLField(
        _("licence address"),
        default="https://creativecommons.org/licenses/by/4.0/",
        help_text=_("Where the licence's text is, e.g. on creativecommons.org."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("bip_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("privacy_page"),
                FieldPanel("easy_read_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("sign_language_email"),
                FieldPanel("sign_language_sms"),
                FieldPanel("sign_language_video_call"),
            ],
            heading=_("Contact in Polish Sign Language"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_data_licence_name"), FieldPanel("open_data_licence_url")],
            heading=_("Open data"),
        ),
    ]

    class Meta:
        verbose_name = _("library contact details")

    @property
    def open_data_licence(self):
        return {"name": self.open_data_licence_name, "url": self.open_data_licence_url}

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The library's name and a short text for the header and footer, one per
    language."""

    library_name = models.CharField(
        _("library name"),
        max_length=200,
        help_text=_("The full name, shown in the header of every page."),
    )
    body = RichTextField(
        _("footer text"),
        features=["bold", "italic", "link"],
        blank=True,
        max_length=1000,
    )

    panels = [FieldPanel("library_name"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("header and footer text")
        verbose_name_plural = _("header and footer texts")

    def __str__(self):
        return self.library_name


class PageCreateToken(models.Model):
    """One page create form, as the admin rendered it: its page once the
    form has made one (editorial/create_tokens.py). A resubmit of the same
    form (a double click, an old tab) leads to that page, never to another."""

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def __str__(self):
        return self.key
