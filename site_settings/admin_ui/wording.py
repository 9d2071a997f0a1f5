# ruff: noqa: E501 (msgids are kept whole, as upstream writes them)
"""Wagtail's own admin strings that this project words in Polish itself: those
its Polish catalog lacks, and those that read wrongly ("Dodaj: ulica", not
"Dodaj ulica"). Listed here, never called, so `makemessages` keeps them; the
Polish is in locale/pl (LOCALE_PATHS wins over Wagtail's catalog). The
JavaScript ones (JAVASCRIPT_OVERRIDES) are kept by hand in djangojs.po."""

from django.utils.translation import gettext_noop, ngettext

WAGTAIL_OVERRIDES = [
    # The "add a row" button under an InlinePanel, and snippet choosers.
    gettext_noop("Add %(label)s"),
    gettext_noop("Add %(model_name)s"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
    gettext_noop("Edit this %(object)s"),
    # Missing from Wagtail 8.0's Polish catalog: the page editor's errors,
    # autosave and concurrent-editing notices.
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Go to the first error"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("View latest version"),
    gettext_noop("Currently idle"),
    gettext_noop("Compare"),
    # English and broken Polish the librarians met.
    # Lists: item ranges, the image library's sort and layout options.
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("%(range_start)s - %(range_end)s"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Usage count"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Layout"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Drag and drop images into this area to upload immediately."),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop(
        "The descriptive text displayed underneath a headline in search engine results."
    ),
    # The page and snippet editor: buttons, status panel, scheduling, checks.
    gettext_noop("Toggle checks"),
    gettext_noop("Checks"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Scheduling…"),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to publish" option'
    ),
    gettext_noop("Once scheduled:"),
    gettext_noop("Go-live:"),
    gettext_noop("Live version"),
    gettext_noop("Compare with live version"),
    gettext_noop("Review this version"),
    gettext_noop("Publish this version"),
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Resubmit to %(task_name)s"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("%(status_display)s %(task_name)s %(started_at)s"),
    gettext_noop("Request changes"),
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("Locked by"),
    gettext_noop("Profile"),
    gettext_noop("Breadcrumb"),
    gettext_noop("Sort item order"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Readability"),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s"
    ),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    # Messages naming the model: worded for this project's feminine model names.
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop(
        "This %(model_name)s was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This %(model_name)s is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop("Publishing this %(model_name)s will cancel the current workflow."),
    gettext_noop("Would you still like to publish this %(model_name)s?"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop(
        "Anyone can edit this %(model_name)s – lock it to prevent others from editing"
    ),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop("No one can make changes while the %(model_name)s is locked"),
    gettext_noop("Only you can make changes while the %(model_name)s is locked"),
    gettext_noop("Only %(user)s can make changes while the %(model_name)s is locked"),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("Are you sure you want to unpublish this %(model_name)s?"),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("%(model_name)s '%(title)s' is now unlocked."),
    gettext_noop(
        "%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."
    ),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been published."
    ),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for publishing."
    ),
    gettext_noop(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation."
    ),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("'%(page_title)s' has been moved successfully."),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been deleted"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been published"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been unpublished"),
    # Dashboard panels, the workflow's own words, snippets.
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Changes requested at"),
    gettext_noop("Awaiting"),
    gettext_noop("Cancel workflow "),
    gettext_noop("Restart workflow "),
    gettext_noop("Snippets"),
    # Forms and uploads.
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("unknown number"),
    gettext_noop(
        "ManagementForm data is missing or has been tampered with. Missing fields: %(field_names)s. You may need to file a bug report if the issue persists."
    ),
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    # wagtail-localize's message after "Publish in …".
    gettext_noop("Published '{object}' in {locale}."),
    # Signing in.
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop(
        "Your %(username_field)s and password didn't match. Please try again."
    ),
    # wagtail-localize: sentences built around a language name.
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop(
        "The last sync date was %(last_sync_date)s. You are about to sync the following:"
    ),
    gettext_noop(
        'Apply the updates and publish immediately. The changes will use the original language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original language until translated."
    ),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    # The keyboard-shortcuts dialog and list ordering.
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("Superscript"),
    gettext_noop("Subscript"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Application"),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Focus on the drag button and press up or down arrows to move the item, then press enter to submit the change."
    ),
    gettext_noop("Enable custom ordering"),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Status %(status)s"),
    # The content checks panel.
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
]

JAVASCRIPT_OVERRIDES = [
    gettext_noop("Publish in "),
    gettext_noop("Uses %s version"),
    gettext_noop("Autosave in progress…"),
    gettext_noop("Changes have been autosaved."),
    gettext_noop("A network error occurred."),
    gettext_noop("A server error occurred."),
    gettext_noop("Good"),
    gettext_noop("Fair"),
    gettext_noop("Complex"),
    gettext_noop("Edit this %s"),
    gettext_noop("Choose a %s"),
    gettext_noop("Change %s"),
    gettext_noop("Revert to %s version"),
]


def _dashboard_summary(count):
    """The dashboard's image and document counters (never called)."""
    return [
        ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ),
        ngettext(
            '%(total)s Document <span class="w-sr-only">created in '
            "%(site_name)s</span>",
            '%(total)s Documents <span class="w-sr-only">created in '
            "%(site_name)s</span>",
            count,
        ),
        # Bulk actions on pages.
        ngettext(
            "%(num_parent_objects)d page has been deleted",
            "%(num_parent_objects)d pages have been deleted",
            count,
        ),
        ngettext(
            "%(num_parent_objects)d page has been published",
            "%(num_parent_objects)d pages have been published",
            count,
        ),
        ngettext(
            "%(num_parent_objects)d page has been unpublished",
            "%(num_parent_objects)d pages have been unpublished",
            count,
        ),
        ngettext("%(num_parent_objects)d page", "%(num_parent_objects)d pages", count),
        # Django's formsets (Polish catalogue: "1000formularzy").
        ngettext(
            "Please submit at most %(num)d form.",
            "Please submit at most %(num)d forms.",
            count,
        ),
        ngettext(
            "Please submit at least %(num)d form.",
            "Please submit at least %(num)d forms.",
            count,
        ),
        ngettext(
            "%(num_child_objects)d child page",
            "%(num_child_objects)d child pages",
            count,
        ),
    ]
