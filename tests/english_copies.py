"""English copies of seeded content for tests that need both languages."""

from cooperation.models import (
    PartnerDirectoryPage,
    PartnerOrganization,
    PartnershipPage,
)


def translate_organizations(english):
    """An English copy of every Polish organisation, named "EN <name>"."""
    copies = []
    for organization in PartnerOrganization.objects.filter(locale__language_code="pl"):
        translated = organization.copy_for_translation(english)
        translated.name = f"EN {organization.name}"
        translated.live = True
        translated.save()
        copies.append(translated)
    return copies


def translate_page(page, english, title, **fields):
    """Publish an English copy of ``page`` (parents become aliases)."""
    translated = page.copy_for_translation(english, copy_parents=True)
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def translate_directory_and_kaskada(english):
    translate_organizations(english)
    translate_page(PartnerDirectoryPage.objects.get(), english, "Who we work with")
    return translate_page(
        PartnershipPage.objects.get(slug="marymont-kaskada"),
        english,
        "Marymont-Kaskada Partnership",
    )
