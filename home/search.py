"""Site search in the visitor's language.

Wagtail's database search backend has no Polish stemming and compares
diacritics exactly, so "zoliborz" would not find "Żoliborz" and "Zatrasie"
would not find "Zatrasia". The site is small (a few dozen pages and
organisations per language), so search reads a bounded set of candidates
in the visitor's language in a fixed number of queries and matches them in
Python, the same way on SQLite and PostgreSQL:

- every text is folded (``home.text.fold``: lower case, no diacritics) and
  split into words;
- a query word matches a text word that begins with it ("kask" finds
  "Kaskada") or has the same stem after a Polish case ending is cut
  (``home.text.stem``: "Zatrasie" finds "Zatrasia",
  "Broniewskim" finds "Broniewskiego");
- every query word must match; titles weigh most, then streets, estates,
  former names and member organisations, then prose.

Candidates are the live, public pages of the visitor's locale (at most
``MAX_CANDIDATES``). A section of the site adds to them from its
``AppConfig.ready()``, without this module knowing it: ``register_page_type``
adds details and key words to its own page type (a partnership's streets),
``register_source`` adds documents that are not pages (partner
organisations). Each registered function must take a fixed number of
queries.

The pages cost one query whatever their number and types. Wagtail's
``.specific()`` would spend one query per page type, and ``.public()`` one
more. Instead, the base page rows are read with every page type's searchable
fields beside them: each field is a column reached through the type's
table (a LEFT JOIN per page type with searchable fields), and the rows are
filtered by ``home.chrome.public``. The chrome of the request (read anyway
for the header, menu and footer) gives the locale, the site and its root
paths, so the pages' addresses cost no queries. A page type that sets its
own address (``get_url_parts``) is found by its base row's address.
"""

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, get_page_models
from wagtail.search import index

from .text import MAX_QUERY_LENGTH, clean_query, split_words, stem

MAX_TERMS = 8
MIN_TERM_LENGTH = 2
MAX_CANDIDATES = 2000
SUMMARY_WORDS = 30

TITLE_WEIGHT = 10
KEY_WEIGHT = 5
TEXT_WEIGHT = 1


def query_terms(query):
    """The distinct folded words of ``query`` worth searching for."""
    terms = []
    for word in split_words(clean_query(query)[:MAX_QUERY_LENGTH]):
        if len(word) >= MIN_TERM_LENGTH and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def term_matches(term, words):
    """True when ``term`` begins one of ``words`` or shares its stem."""
    term_stem = stem(term)
    return any(
        word.startswith(term)
        or stem(word) == term_stem
        or (len(term_stem) >= 4 and word.startswith(term_stem))
        for word in words
    )


@dataclass
class Document:
    """One thing search can find, with its texts split by weight."""

    kind_label: str
    title: str
    url: str
    summary: str = ""
    details: list = field(default_factory=list)
    title_words: set = field(default_factory=set)
    key_words: set = field(default_factory=set)
    text_words: set = field(default_factory=set)
    order: int = 0

    def add_title(self, *texts):
        for text in texts:
            self.title_words.update(split_words(text))

    def add_key(self, *texts):
        for text in texts:
            self.key_words.update(split_words(text))

    def add_text(self, *texts):
        for text in texts:
            self.text_words.update(split_words(text))

    def score(self, terms):
        """The sum of each term's best weight; 0 when a term is missing."""
        total = 0
        for term in terms:
            if term_matches(term, self.title_words):
                total += TITLE_WEIGHT
            elif term_matches(term, self.key_words):
                total += KEY_WEIGHT
            elif term_matches(term, self.text_words):
                total += TEXT_WEIGHT
            else:
                return 0
        return total


@dataclass
class Result:
    document: Document
    score: int


@dataclass
class PageDetails:
    """What a section adds to the document of one of its pages."""

    kind_label: str
    details: list = field(default_factory=list)
    key_texts: list = field(default_factory=list)


PAGE_LABEL = _("Page")

# model -> function(request, pages) -> {page pk: PageDetails}
_page_types = {}
# functions(request, locale) -> [Document]
_sources = []


def register_page_type(model, describe):
    """``describe(request, pages)`` gets the candidates of ``model`` and
    returns their ``PageDetails`` by primary key. The candidates are base
    ``Page`` rows, not instances of ``model``: read what they need by their
    ids, in a fixed number of queries."""
    _page_types[model] = describe


def register_source(build):
    """``build(request, locale)`` returns more documents for ``locale``."""
    if build not in _sources:
        _sources.append(build)


def block_text(block, value):
    """The words a reader sees in a block: its text, not the editor's choices
    (a heading's level would otherwise be found as "Section (H2)")."""
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text for child in value for text in block_text(child.block, child.value)
        ]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    return block.get_searchable_content(value)


@dataclass(frozen=True)
class SearchColumn:
    """A searchable field of a page type, as a column of the base page rows:
    ``attribute`` is the field itself on ``Page``, else an annotation that
    reaches the field through the page type's table."""

    model_field: object
    lookup: str
    attribute: str


def _lookup_from_page(model_field):
    """How a query on ``Page`` reaches ``model_field``: "title" for a field of
    ``Page``, "homepage__body" for one of ``HomePage`` (a reverse one-to-one
    step per level of multi-table inheritance), None where it cannot."""
    owner = model_field.model._meta.concrete_model
    if owner is Page:
        return model_field.name
    if not issubclass(owner, Page):
        return None
    chain = [owner, *owner._meta.get_base_chain(Page)]
    steps = [
        child._meta.parents[parent].related_query_name()
        for child, parent in pairwise(chain)
    ]
    return "__".join([*reversed(steps), model_field.name])


@cache
def search_columns():
    """Page model -> its searchable fields except the title, in the order the
    model declares them (computed once: page models do not change while the
    site runs)."""
    aliases = {}
    fields = {}
    for model in get_page_models():
        found = []
        for search_field in getattr(model, "search_fields", []):
            if not isinstance(search_field, index.SearchField):
                continue
            if search_field.field_name == "title":
                continue
            try:
                model_field = model._meta.get_field(search_field.field_name)
            except FieldDoesNotExist:  # a search entry that is a method: skip it
                continue
            if not model_field.concrete or model_field.is_relation:
                continue  # its value is never text
            lookup = _lookup_from_page(model_field)
            if lookup is None:
                continue
            if "__" not in lookup:
                attribute = model_field.attname
            else:
                attribute = aliases.setdefault(lookup, f"search_text_{len(aliases)}")
            found.append(SearchColumn(model_field, lookup, attribute))
        fields[model] = tuple(found)
    return fields


def searchable_text(page, model):
    """The prose of ``page`` (a base page row read by ``candidate_pages``, or
    an instance of ``model``): the fields ``model`` declares searchable
    (StreamFields as their text), except the title."""
    texts = [page.search_description]
    for column in search_columns().get(model, ()):
        if isinstance(page, model):
            value = getattr(page, column.model_field.attname, None)
        else:
            value = getattr(page, column.attribute, None)
        if isinstance(column.model_field, StreamField):
            texts.extend(block_text(column.model_field.stream_block, value))
        elif isinstance(value, str):
            texts.append(strip_tags(value))
    return [text for text in texts if text]


def summary_of(texts):
    text = " ".join(" ".join(texts).split())
    return Truncator(text).words(SUMMARY_WORDS, truncate="…")


def page_models_by_content_type():
    """Content type id -> page model (one query at most, none once Django's
    content type cache holds them)."""
    models = get_page_models()
    content_types = ContentType.objects.get_for_models(
        *models, for_concrete_models=False
    )
    return {content_type.pk: model for model, content_type in content_types.items()}


def candidate_pages(locale):
    """The live, public pages of ``locale`` in tree order (at most
    ``MAX_CANDIDATES``), each a base page row with the searchable fields of
    every page type beside it, in one query."""
    annotations = {
        column.attribute: F(column.lookup)
        for fields in search_columns().values()
        for column in fields
        if column.attribute != column.model_field.attname
    }

    def build(locale_id):
        pages = Page.objects.live().public().filter(locale_id=locale_id, depth__gt=1)
        return (
            pages.select_related("locale")
            .annotate(**annotations)
            .order_by("path")[:MAX_CANDIDATES]
        )

    # Compiled once per process (home.chrome.run_prepared): building this
    # query of every page type's columns cost more CPU than running it.
    return list(build(locale_id=locale.pk))


def active_locale(request):
    """The locale of the active language."""
    return Locale.get_active()


def build_documents(request, locale):
    """Every candidate in ``locale``, in a fixed number of queries."""
    pages = candidate_pages(locale)
    page_models = page_models_by_content_type()
    model_of = {page.pk: page_models.get(page.content_type_id, Page) for page in pages}
    described = {}
    for model, describe in _page_types.items():
        of_model = [page for page in pages if issubclass(model_of[page.pk], model)]
        if of_model:
            described.update(describe(request, of_model))

    documents = []
    for order, page in enumerate(pages):
        texts = searchable_text(page, model_of[page.pk])
        extra = described.get(page.pk) or PageDetails(kind_label=PAGE_LABEL)
        document = Document(
            kind_label=extra.kind_label,
            title=page.title,
            url=page.get_url(request),
            summary=summary_of(texts),
            details=extra.details,
            order=order,
        )
        document.add_key(*extra.key_texts)
        document.add_title(page.title, page.seo_title)
        document.add_text(*texts)
        documents.append(document)

    for build in _sources:
        for document in build(request, locale):
            document.order = len(documents)
            documents.append(document)
    return documents


def search(request, query, locale=None):
    """Results for ``query`` in ``locale`` (the active one by default), best
    first."""
    terms = query_terms(query)
    if not terms:
        return []
    locale = locale or active_locale(request)
    results = []
    for document in build_documents(request, locale):
        score = document.score(terms)
        if score:
            results.append(Result(document, score))
    results.sort(key=lambda result: (-result.score, result.document.order))
    return results
