"""Which translations no longer match their source: the dashboard's
"Translations to update" panel."""

# Moved on by every save or delete of a wagtail-localize object (a string
# translated, a sync, a translation enabled): see site_settings/apps.py.
TRANSLATIONS_GENERATION = "out-of-date-translations:generation"


def changed_source_content(source):
    """What in ``source``'s object (a wagtail-localize TranslationSource) has
    changed since it was last synced: new or edited Polish text, and changed
    synchronised values (a new street, another logo), as (path, value) pairs.

    wagtail-localize keeps the synced content in the source and offers "Sync
    translated pages"; it does not itself flag a translation whose source has
    moved on. Comparing the object's current segments with the synced ones
    does."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from wagtail_localize.models import OverridableSegment, StringSegment
    from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    current = set()
    for segment in extract_segments(source.get_source_instance()):
        if isinstance(segment, StringSegmentValue):
            current.add((segment.path, segment.string.data))
        elif isinstance(segment, OverridableSegmentValue):
            current.add((segment.path, json.dumps(segment.data, cls=DjangoJSONEncoder)))
    synced = set(
        StringSegment.objects.filter(source=source).values_list(
            "context__path", "string__data"
        )
    ) | set(
        OverridableSegment.objects.filter(source=source).values_list(
            "context__path", "data_json"
        )
    )
    return sorted(current - synced)


def is_out_of_date(translation):
    """True when a wagtail-localize Translation no longer matches its source:
    the source changed since the last sync, or a sync brought in strings
    that are not translated yet."""
    if changed_source_content(translation.source):
        return True
    total, translated = translation.get_progress()
    return translated < total


def out_of_date_translations(limit=50):
    """Enabled wagtail-localize translations that no longer match their
    source, oldest sync first, as rows for the admin dashboard: the source
    object, the translated object, how many source values changed since the
    last sync and how many synced strings are not translated yet."""
    from django.core.exceptions import ObjectDoesNotExist
    from wagtail_localize.models import Translation

    rows = []
    translations = (
        Translation.objects.filter(enabled=True)
        .select_related("source", "target_locale")
        .order_by("source__last_updated_at", "pk")
    )
    for translation in translations:
        try:
            changed = changed_source_content(translation.source)
            total, translated = translation.get_progress()
            if not changed and translated >= total:
                continue
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # the original or the translation was deleted
            continue
        rows.append(
            {
                "translation": translation,
                "source": translation.source.get_source_instance(),
                "target": target,
                "changed": len(changed),
                "untranslated": total - translated,
            }
        )
        if len(rows) >= limit:
            break
    return rows
