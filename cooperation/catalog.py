"""The open datasets as a DCAT-AP catalogue (RDF/XML, as the national
open-data portal harvests DCAT-AP PL), and the "Open data" page that lists
them for people."""

from xml.etree import ElementTree as ET

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from home import open_data

from .datasets import described

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
for prefix, uri in NS.items():
    if prefix != "xml":
        ET.register_namespace(prefix, uri)


def q(name):
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def add(parent, name, text=None, lang=None, resource=None, datatype=None):
    element = ET.SubElement(parent, q(name))
    if text is not None:
        element.text = str(text)
    if lang:
        element.set(q("xml:lang"), lang)
    if resource:
        element.set(q("rdf:resource"), resource)
    if datatype:
        element.set(q("rdf:datatype"), datatype)
    return element


def in_each_language(parent, name, text):
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            add(parent, name, str(text), lang=code)


DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime"
FORMATS = "http://publications.europa.eu/resource/authority/file-type/"


@require_safe
def catalogue(request):
    """``/api/catalog.rdf``: a dcat:Catalog of the datasets and their files."""
    licence = open_data.licence(request)
    page = request.build_absolute_uri(reverse("open_data"))
    root = ET.Element(q("rdf:RDF"))
    catalog = add(root, "dcat:Catalog")
    catalog.set(q("rdf:about"), request.build_absolute_uri())
    in_each_language(catalog, "dct:title", TITLE)
    in_each_language(catalog, "dct:description", DESCRIPTION)
    add(catalog, "foaf:homepage", resource=page)
    add(catalog, "dct:license", resource=licence["url"])
    publisher = add(add(catalog, "dct:publisher"), "foaf:Agent")
    in_each_language(publisher, "foaf:name", settings.WAGTAIL_SITE_NAME)
    for dataset in described(request):
        holder = add(catalog, "dcat:dataset")
        node = add(holder, "dcat:Dataset")
        node.set(q("rdf:about"), f"{page}#{dataset['key']}")
        in_each_language(node, "dct:title", dataset["title"])
        in_each_language(node, "dct:description", dataset["description"])
        add(node, "dct:identifier", dataset["key"])
        add(node, "dcat:landingPage", resource=f"{page}#{dataset['key']}")
        if dataset["modified"]:
            add(
                node,
                "dct:modified",
                dataset["modified"].isoformat(),
                datatype=DATE_TIME,
            )
        for file in dataset["files"]:
            distribution = add(add(node, "dcat:distribution"), "dcat:Distribution")
            distribution.set(q("rdf:about"), file["url"])
            add(distribution, "dct:title", f"{dataset['key']} ({file['format']})")
            add(distribution, "dcat:accessURL", resource=file["url"])
            add(distribution, "dcat:downloadURL", resource=file["url"])
            add(distribution, "dct:format", resource=FORMATS + file["format"])
            add(distribution, "dcat:mediaType", file["media_type"])
            add(distribution, "dct:license", resource=licence["url"])
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    response = HttpResponse(body, content_type="application/rdf+xml; charset=utf-8")
    return open_data.published(response, licence)


@require_safe
def open_data_page(request):
    """ "Otwarte dane": every dataset with its files, licence, last change and
    columns, and the catalogue's address."""
    return render(
        request,
        "cooperation/open_data.html",
        {
            "datasets": described(request),
            "licence": open_data.licence(request),
            "catalogue_url": reverse("api_catalog"),
        },
    )


TITLE = translation.gettext_lazy("Local cooperation in Żoliborz: open data")
DESCRIPTION = translation.gettext_lazy(
    "Local partnerships in the Żoliborz district of Warsaw, the streets that "
    "bound their areas and the organisations that take part, published by the "
    "district's public library."
)
