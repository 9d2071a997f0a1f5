"""Comparisons of ordered lists (streets, places, former names, members) in the
moderator's "compare versions" view: a row counts as moved only when its place
among the rows present in both versions changed, so one insertion reads as one
insertion, not as every later row "moved 1 place down"."""

import functools

from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel


class RowComparison(compare.ChildObjectComparison):
    def __init__(self, *args, move=0):
        super().__init__(*args)
        self.move = move

    def get_position_change(self):
        if self.is_addition() or self.is_deletion():
            return None
        return self.move


class OrderedListComparison(compare.ChildRelationComparison):
    def get_child_comparisons(self):
        objs_a = list(self.val_a.all())
        objs_b = list(self.val_b.all())
        _forwards, backwards, added, deleted = self.get_mapping(objs_a, objs_b)
        kept_a = [index for index in range(len(objs_a)) if index not in deleted]
        kept_b = [index for index in range(len(objs_b)) if index not in added]
        rank_a = {index: rank for rank, index in enumerate(kept_a)}
        rank_b = {index: rank for rank, index in enumerate(kept_b)}
        model = self.field.related_model
        comparisons = []
        for b_index, b_child in enumerate(objs_b):
            if b_index in added:
                comparisons.append(self.get_child_comparison(None, b_child))
                continue
            a_index = backwards[b_index]
            comparisons.append(
                RowComparison(
                    model,
                    self.field_comparisons,
                    objs_a[a_index],
                    b_child,
                    move=rank_b[b_index] - rank_a[a_index],
                )
            )
        comparisons.extend(
            self.get_child_comparison(objs_a[index], None) for index in deleted
        )
        return comparisons

    def has_changed(self):
        return super().has_changed() or any(
            child.get_position_change() for child in self.get_child_comparisons()
        )


class OrderedInlinePanel(InlinePanel):
    """An InlinePanel whose rows are compared as an ordered list."""

    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            return [
                functools.partial(OrderedListComparison, *part.args, **part.keywords)
                for part in super().get_comparison()
            ]
