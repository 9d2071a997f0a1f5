"""The "Join / write to the partnership" form a resident fills in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MESSAGE_MAX, NAME_MAX, PartnershipMessage, SenderKind
from .spam import HONEYPOT, timing_problem


class JoinForm(forms.ModelForm):
    """Name, e-mail, optional phone, who is writing, the message and the
    consent; plus the honeypot and the signed time the form was shown."""

    sender_kind = forms.ChoiceField(
        label=_("I am writing as"),
        choices=SenderKind.choices,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice below and agree to my data being "
            "processed to answer this message."
        ),
        error_messages={
            "required": _("Tick the consent: without it we cannot answer you.")
        },
    )
    # Hidden from people by the stylesheet, left empty by them; programs
    # that fill every field fill it.
    website = forms.CharField(label=_("Website"), required=False, max_length=200)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PartnershipMessage
        fields = ["name", "email", "phone", "sender_kind", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail"),
            "phone": _("Phone (optional)"),
            "message": _("Message"),
        }
        help_texts = {
            "email": _("We will answer to this address."),
            "message": _("At most %(count)s characters.") % {"count": MESSAGE_MAX},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {
                "required": _("Write your name."),
                "max_length": _("The name can be at most %(limit_value)d characters."),
            },
            "email": {"required": _("Write your e-mail address so we can answer.")},
            "message": {
                "required": _("Write your message."),
                "max_length": _(
                    "The message can be at most %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].max_length = NAME_MAX
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(HONEYPOT, code="honeypot")
        problem = timing_problem(cleaned.get("shown") or "")
        if problem:
            raise forms.ValidationError(problem, code="timing")
        return cleaned
