"""schema.org ``Event`` for an event page (EventPage.structured_data, written
out by home.structured_data): what search engines and calendar tools read
(name, dates, place or online address, organisers, status, attendance mode,
free entry)."""

from .models import EventStatus

STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.MOVED: "https://schema.org/EventRescheduled",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def _place(event):
    if not (event.place_name or event.place_address):
        return None
    place = {"@type": "Place", "name": event.place_name or event.place_address}
    if event.place_address:
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": event.place_address,
            "addressLocality": "Warszawa",
            "addressCountry": "PL",
        }
    return place


def event_data(event, occurrence, request):
    """The schema.org Event of one occurrence of ``event`` (a dict)."""
    place = _place(event)
    locations = [place] if place else []
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if place and event.online_url:
        mode = MIXED
    else:
        mode = ONLINE if event.online_url else OFFLINE
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": occurrence.start.isoformat(),
        "endDate": occurrence.end.isoformat()
        if not occurrence.all_day
        else (event.end_date or event.start_date).isoformat(),
        "eventStatus": STATUS[event.status],
        "eventAttendanceMode": mode,
        "isAccessibleForFree": event.free_entry,
        "inLanguage": event.locale.language_code,
        "url": event.get_full_url(request),
    }
    if len(locations) == 1:
        data["location"] = locations[0]
    elif locations:
        data["location"] = locations
    if event.summary:
        data["description"] = event.summary
    organisers = [
        {
            "@type": "Organization",
            "name": o.name,
            **({"url": o.website} if o.website else {}),
        }
        for o in event.shown_organisers
    ]
    if organisers:
        data["organizer"] = organisers if len(organisers) > 1 else organisers[0]
    return data
