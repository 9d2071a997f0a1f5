"""Rows saved without a place in their list (sort_order NULL: streets, places,
former names and memberships of the first seeded partnerships) get one, in the
order they were created, after any numbered rows of the same page. PostgreSQL
returns NULLs in no defined order, so such lists came back shuffled there."""

from django.db import migrations
from django.db.models import Max

ROW_MODELS = [
    "PartnershipStreet",
    "PartnershipPlace",
    "PartnershipFormerName",
    "PartnershipMembership",
]


def number_rows(apps, schema_editor):
    for name in ROW_MODELS:
        model = apps.get_model("cooperation", name)
        unnumbered = model.objects.filter(sort_order__isnull=True)
        for page_id in unnumbered.values_list("page_id", flat=True).distinct():
            rows = model.objects.filter(page_id=page_id)
            last = rows.aggregate(last=Max("sort_order"))["last"]
            start = -1 if last is None else last
            for offset, row in enumerate(
                rows.filter(sort_order__isnull=True).order_by("pk"), start=1
            ):
                row.sort_order = start + offset
                row.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0002_logo_alt_help_text_per_model"),
    ]

    operations = [
        migrations.RunPython(number_rows, migrations.RunPython.noop),
    ]
