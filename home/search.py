"""Site search through Wagtail's search backend (settings choose which one).
Pages mix in ``SearchText`` and index ``search_text()``: their words folded
and stemmed (home.text), so "zoliborz" finds "Żoliborz" and "Zatrasie"
finds "Zatrasia" on any backend. A query is folded and stemmed the same way;
each of its words must begin a word of the text."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.text import Truncator, capfirst
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from .text import clean_query, split_words, stem

MAX_TERMS = 8
MIN_TERM_LENGTH = 2
SUMMARY_WORDS = 30
# The backends rank by how often a word occurs: a title's words count three
# times, a section's key words (a partnership's streets) twice.
TITLE_WEIGHT = 3
KEY_WEIGHT = 2


def query_terms(query):
    """The distinct folded words of ``query`` worth searching for."""
    terms = []
    for word in split_words(clean_query(query)):
        if len(word) >= MIN_TERM_LENGTH and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def indexed_words(texts):
    """The folded words of ``texts``, each followed by its stem."""
    words = []
    for word in split_words(" ".join(str(text) for text in texts if text)):
        words += [word] if stem(word) == word else [word, stem(word)]
    return " ".join(words)


def weighted_text(title=(), keys=(), prose=()):
    parts = [indexed_words(title)] * TITLE_WEIGHT + [indexed_words(keys)] * KEY_WEIGHT
    return " ".join(part for part in [*parts, indexed_words(prose)] if part)


class SearchText:
    """What site search matches in a page: its title, ``search_keys()`` and
    the text of its model's ``index.SearchField``s. A page type indexes it
    with ``index.AutocompleteField("search_text")``."""

    def search_keys(self):
        return []

    def search_text(self):
        prose = [self.search_description]
        for search_field in self.get_search_fields():
            if isinstance(search_field, index.SearchField) and (
                search_field.field_name != "title"
            ):
                value = search_field.get_value(self)
                prose += value if isinstance(value, list) else [value]
        return weighted_text([self.title, self.seo_title], self.search_keys(), prose)


def search_query(terms):
    """Every stemmed term as the beginning of a word. The database backends
    make only the last word of a ``PlainText`` a prefix (each word is then a
    ``PlainText`` of its own); Elasticsearch's edge n-grams make every word one."""
    stems = [stem(term) for term in terms]
    compiler = get_search_backend().autocomplete_query_compiler_class
    if len(stems) > 1 and getattr(compiler, "LAST_TERM_IS_PREFIX", False):
        return And([PlainText(word) for word in stems])
    return PlainText(" ".join(stems), operator="and")


@dataclass
class Result:
    title: str
    url: str
    kind_label: str
    summary: str = ""
    details: list = field(default_factory=list)
    model: type = None
    pk: int = None


# Models besides pages that search finds: live, in the visitor's locale, in
# their Meta.ordering (each a FilterField).
_models = []


def register_model(model):
    """``model`` (indexed, with ``search_text``) gives results of its own:
    its instances' ``search_result(request)``."""
    if model not in _models:
        _models.append(model)


def search(request, terms):
    """Results for ``terms`` in the active locale: pages best first, then
    the registered models' instances in their order."""
    query = search_query(terms)
    backend = get_search_backend()
    code = get_supported_content_language_variant(translation.get_language())
    locale = Locale.objects.filter(language_code=code)  # a subquery
    pages = Page.objects.live().public().filter(locale__in=locale, depth__gt=1)
    results = [
        Result(
            title=page.title,
            url=page.get_url(request),
            kind_label=capfirst(page.specific_class._meta.verbose_name),
            summary=Truncator(page.search_description).words(SUMMARY_WORDS, "…"),
            model=page.specific_class,
            pk=page.pk,
        )
        for page in pages.autocomplete(query)
    ]
    for model in _models:
        # In the model's order: scoring each match costs the database
        # backend a query of the index per row.
        live = model.objects.filter(locale__in=locale, live=True)
        live = live.order_by(*model._meta.ordering)
        found = backend.autocomplete(query, live, order_by_relevance=False)
        results += [instance.search_result(request) for instance in found]
    return results


def add_details(results):
    """Details of the shown results from their models' ``search_details(pks)``
    (a partnership's area and streets), one call per model."""
    by_model = defaultdict(list)
    for result in results:
        by_model[result.model].append(result)
    for model, group in by_model.items():
        if hasattr(model, "search_details"):
            details = model.search_details([result.pk for result in group])
            for result in group:
                result.details = details.get(result.pk, [])
