"""Fetch the current language's version of many snippets in one query."""


def localize_many(objects, locale_id):
    """Return ``objects`` in order, each replaced by its translation into
    ``locale_id`` when a live one exists (one query for the whole list).

    ``.localized`` on each object would cost a query per object; listing pages
    must not grow in queries with their content.
    """
    objects = list(objects)
    wanted = {
        obj.translation_key
        for obj in objects
        if obj is not None and obj.locale_id != locale_id
    }
    if not wanted:
        return objects
    model = type(next(obj for obj in objects if obj is not None))
    queryset = model.objects.filter(translation_key__in=wanted, locale_id=locale_id)
    if hasattr(model, "live"):
        queryset = queryset.filter(live=True)
    translations = {obj.translation_key: obj for obj in queryset}
    return [
        translations.get(obj.translation_key, obj) if obj is not None else None
        for obj in objects
    ]
