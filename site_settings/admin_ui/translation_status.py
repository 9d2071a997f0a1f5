"""Which translations no longer match their source (the dashboard's
"Translations to update" panel): the source changed since the last sync, or a
sync brought strings not translated yet. ``is_out_of_date`` answers for one;
``out_of_date`` and ``out_of_date_translations`` for all, in a few queries per
kind of translated object, never one per object."""

import json
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from modelcluster.fields import ParentalKey
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def current_content(instance):
    """The translatable and synchronised values of ``instance`` as
    wagtail-localize extracts them now, as (path, value) pairs."""
    current = set()
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            current.add((segment.path, segment.string.data))
        elif isinstance(segment, OverridableSegmentValue):
            current.add((segment.path, json.dumps(segment.data, cls=DjangoJSONEncoder)))
    return current


def synced_content(source_ids):
    """{source id: (path, value) pairs synced into it}, in two queries."""
    synced = defaultdict(set)
    rows = [
        StringSegment.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "context__path", "string__data"
        ),
        OverridableSegment.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "context__path", "data_json"
        ),
    ]
    for queryset in rows:
        for source_id, path, value in queryset:
            synced[source_id].add((path, value))
    return synced


def changed_source_content(source):
    """What in ``source``'s object (a wagtail-localize TranslationSource) has
    changed since it was last synced: new or edited Polish text, and changed
    synchronised values (a new street, another logo), as (path, value) pairs.

    wagtail-localize keeps the synced content in the source and offers "Sync
    translated pages"; it does not itself flag a translation whose source has
    moved on. Comparing the object's current segments with the synced ones
    does."""
    current = current_content(source.get_source_instance())
    return sorted(current - synced_content([source.pk])[source.pk])


def is_out_of_date(translation):
    """True when a wagtail-localize Translation no longer matches its source:
    the source changed since the last sync, or a sync brought in strings
    that are not translated yet."""
    if changed_source_content(translation.source):
        return True
    total, translated = translation.get_progress()
    return translated < total


# --- All translations at once ------------------------------------------------


def _extracted_relations(model):
    """The foreign keys, child relations and StreamFields of ``model`` that
    wagtail-localize's extract_segments reads."""
    foreign_keys, children, streams = [], [], []
    for translatable in get_translatable_fields(model):
        field = translatable.get_field(model)
        if isinstance(field, models.ForeignKey):
            foreign_keys.append(field.name)
        elif isinstance(field, StreamField):
            streams.append(field)
        elif (
            isinstance(field, models.ManyToOneRel)
            and isinstance(field.remote_field, ParentalKey)
            and issubclass(field.related_model, TranslatableMixin)
        ):
            children.append(field)
    return foreign_keys, children, streams


def _for_extraction(model, queryset):
    """``queryset`` reading, with each object, the related objects and rows
    that extracting its segments reads (one query per child relation)."""
    foreign_keys, children, _streams = _extracted_relations(model)
    queryset = queryset.select_related(*foreign_keys)
    for child in children:
        rows = _for_extraction(child.related_model, child.related_model.objects.all())
        queryset = queryset.prefetch_related(Prefetch(child.name, queryset=rows))
    return queryset


def _convert_streams(model, instances):
    """Convert the blocks of the StreamFields of all ``instances`` (and of
    their child rows) one block type at a time, as Wagtail converts one
    stream's: an image or a page chosen in a block is then read in one query
    for all the objects, not in one for each."""
    _foreign_keys, children, streams = _extracted_relations(model)
    for field in streams:
        pending = defaultdict(list)
        for instance in instances:
            stream = field.value_from_object(instance)
            if not getattr(stream, "is_lazy", False):
                continue
            for index, raw in enumerate(stream.raw_data):
                pending[raw["type"]].append((stream, index, raw))
        child_blocks = field.stream_block.child_blocks
        for type_name, blocks in pending.items():
            block = child_blocks[type_name]
            values = block.bulk_to_python([raw["value"] for _s, _i, raw in blocks])
            for (stream, index, raw), value in zip(blocks, values, strict=True):
                stream[index] = StreamValue.StreamChild(block, value, id=raw.get("id"))
    for child in children:
        rows = [
            row for instance in instances for row in getattr(instance, child.name).all()
        ]
        _convert_streams(child.related_model, rows)


def _instances(wanted, prepare=False):
    """{key: object} for ``wanted``, {key: (specific content type id,
    translation key, locale id)}, each object read as wagtail-localize's
    ``TranslationSource.get_source_instance`` reads it (the specific model,
    its base manager); one query per model, and with ``prepare`` with what
    extracting its segments reads (see ``_for_extraction``). A deleted
    object is missing."""
    by_model = defaultdict(dict)
    for key, (content_type_id, translation_key, locale_id) in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:  # else a model removed from the code
            by_model[model][(translation_key, locale_id)] = key
    found = {}
    for model, keys in by_model.items():
        queryset = model._base_manager.filter(
            translation_key__in={translation_key for translation_key, _ in keys},
            locale_id__in={locale_id for _, locale_id in keys},
        )
        if prepare:
            queryset = _for_extraction(model, queryset)
        instances = []
        for instance in queryset:
            key = keys.get((instance.translation_key, instance.locale_id))
            if key is not None:
                found[key] = instance
                instances.append(instance)
        if prepare:
            _convert_streams(model, instances)
    return found


def _with_progress(translations):
    """``translations`` with ``total_strings`` and ``translated_strings``
    counted as ``Translation.get_progress()`` counts them, in the same
    query."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )

    def count(queryset):
        counted = queryset.order_by().values("source_id").annotate(n=Count("pk"))
        return Coalesce(Subquery(counted.values("n")), 0)

    return translations.annotate(
        total_strings=count(segments),
        translated_strings=count(segments.filter(Exists(translated))),
    )


def out_of_date():
    """The enabled wagtail-localize translations that no longer match their
    source, oldest sync first, as (translation, its source object, changed
    (path, value) pairs, strings not translated yet); translations of
    deleted objects are left out.

    What ``is_out_of_date`` decides for one translation, for all of them in
    a fixed number of queries: the translations with their progress in one,
    the synced content in two, and for each model translated, its objects in
    one, each child relation (a partnership's streets, members) in one, and
    each kind of object chosen in a StreamField (images, pages) in one."""
    translations = list(
        _with_progress(Translation.objects.filter(enabled=True))
        .select_related("source", "target_locale")
        .order_by("source__last_updated_at", "pk")
    )
    sources = {
        translation.source_id: (
            translation.source.specific_content_type_id,
            translation.source.object_id,
            translation.source.locale_id,
        )
        for translation in translations
    }
    instances = _instances(sources, prepare=True)
    synced = synced_content(list(sources))
    current = {}
    for translation in translations:
        source_id = translation.source_id
        if source_id not in instances:  # the original was deleted
            continue
        if source_id not in current:
            current[source_id] = current_content(instances[source_id])
        changed = sorted(current[source_id] - synced[source_id])
        untranslated = translation.total_strings - translation.translated_strings
        if changed or untranslated > 0:
            yield translation, instances[source_id], changed, untranslated


def out_of_date_translations(limit=50):
    """Enabled wagtail-localize translations that no longer match their
    source, oldest sync first, as rows for the admin dashboard: the source
    object, the translated object, how many source values changed since the
    last sync and how many synced strings are not translated yet. A fixed
    number of queries (see ``out_of_date``), and one more per model for the
    translated objects."""
    found = list(out_of_date())
    targets = _instances(
        {
            translation.pk: (
                translation.source.specific_content_type_id,
                translation.source.object_id,
                translation.target_locale_id,
            )
            for translation, *_rest in found
        }
    )
    rows = []
    for translation, source, changed, untranslated in found:
        target = targets.get(translation.pk)
        if target is None:  # the translation was deleted
            continue
        rows.append(
            {
                "translation": translation,
                "source": source,
                "target": target,
                "changed": len(changed),
                "untranslated": untranslated,
            }
        )
        if len(rows) >= limit:
            break
    return rows
