"""What a partnership shows, read for one page or a whole list in a fixed,
small number of queries: its streets, places and former names in one query
(a UNION of the three tables; ``prefetch_related`` would spend three), and
its logo with the list's renditions in one more."""

from django.db.models import CharField, IntegerField, Value
from django.db.models.functions import Cast
from wagtail.images import get_image_model

from .logo import LOGO_RENDITIONS
from .rows import PartnershipFormerName, PartnershipPlace, PartnershipStreet

COMMON = ("id", "translation_key", "locale_id", "sort_order", "page_id")
# relation name, model, (first text field or None, number field or None)
ROWS = (
    ("streets", PartnershipStreet, "street_type", None),
    ("places", PartnershipPlace, "kind", None),
    ("former_names", PartnershipFormerName, None, "used_until"),
)


def _columns(relation, model, text, number):
    # Cast, not F(): a bare field reference is selected among the model's
    # fields rather than in the annotations' place, so the UNION's columns
    # would not line up (PostgreSQL: "UNION types text and smallint cannot
    # be matched"); the casts also give every branch the same column types.
    queryset = model.objects.annotate(
        relation=Value(relation, output_field=CharField()),
        text=Cast(Value("") if text is None else text, CharField()),
        # A bare NULL would be typed text by PostgreSQL in the UNION.
        number=Cast(Value(None) if number is None else number, IntegerField()),
    )
    return queryset.values_list(
        "relation", *COMMON, "text", "name", "number"
    ).order_by()


def _union(ids):
    queries = [
        _columns(relation, model, text, number).filter(page_id__in=ids)
        for relation, model, text, number in ROWS
    ]
    return queries[0].union(*queries[1:], all=True)


def load_rows(pages):
    """Give every page of ``pages`` its streets, places and former names
    (in their sort order), read in one query. The template's
    ``page.streets.all`` and the street finder then read no more."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return pages
    ids = {page.pk for page in pages}
    found = {page.pk: {relation: [] for relation, *_rest in ROWS} for page in pages}
    models = {relation: (model, text, number) for relation, model, text, number in ROWS}
    for relation, *common, text_value, name, number_value in _union(ids):
        model, text, number = models[relation]
        values = dict(zip(COMMON, common, strict=True), name=name)
        if text is not None:
            values[text] = text_value
        if number is not None:
            values[number] = number_value
        row = model(**values)
        row._state.adding = False
        row._state.db = "default"
        found[row.page_id][relation].append(row)
    for page in pages:
        related = page.__dict__.setdefault("_cluster_related_objects", {})
        for relation, rows in found[page.pk].items():
            rows.sort(key=lambda row: (row.sort_order is None, row.sort_order, row.pk))
            related[relation] = rows
    return pages


def load_logos(objects):
    """Give every object of ``objects`` (partnerships, organisations) its
    logo with the renditions a list shows, in one query where the
    renditions exist (renditions joined to their image); objects whose
    logo has none yet are fetched the usual way."""
    objects = [obj for obj in objects if obj is not None and obj.logo_id]
    if not objects:
        return
    image_model = get_image_model()
    logo_ids = {obj.logo_id for obj in objects}

    renditions = (
        image_model.get_rendition_model()
        .objects.filter(image_id__in=logo_ids, filter_spec__in=LOGO_RENDITIONS)
        .select_related("image")
    )
    images = {}
    for rendition in renditions:
        image = images.setdefault(rendition.image_id, rendition.image)
        image.__dict__.setdefault("prefetched_renditions", []).append(rendition)
    complete = {
        pk
        for pk, image in images.items()
        if {r.filter_spec for r in image.prefetched_renditions} >= set(LOGO_RENDITIONS)
    }
    missing = {obj.logo_id for obj in objects} - complete
    if missing:
        for image in image_model.objects.filter(pk__in=missing).prefetch_renditions(
            *LOGO_RENDITIONS
        ):
            images[image.pk] = image
    for obj in objects:
        obj.logo = images[obj.logo_id]
