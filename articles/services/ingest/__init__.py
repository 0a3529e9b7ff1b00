"""Wire ingest: delivered items become WireStory rows.

The same payload twice writes nothing; a changed payload under a known guid becomes the next
version, never an overwrite. Credits resolve only to known agencies and aliases: an explicit
credit that names no known agency is kept verbatim as an unresolved attribution for an editor to
map; an inline mention ("according to X") that names no agency is dropped, since X is usually a
person. Credits that resolve to the same agency in the same role are one attribution, whose other
spellings are kept in ``other_spellings``.

The delivering agency is the one given (``--agency``, the feed), else the item's own agency field,
else the one registered agency its explicit credits name ("Source: Trend News Agency"); an item
naming none, or several, is refused with the names it gave.

Language: the item's word, then the caller's, then detection on the cleaned body when it is
confident; otherwise the agency's usual language, marked as a guess (``language_source``) so the
queue shows it as uncertain until a translator confirms it.

:mod:`.items` makes one item ready and stores it alone; :mod:`.deliveries` reads whole deliveries
(a file, a feed's response, a drop folder's poll) and writes their items together.

Event placement (:mod:`articles.services.clusters`) is not part of taking an item in: the new
stories of a delivery are placed by the task worker once the delivery has committed
(:func:`enqueue_placement`), one task for all of them, since with the database queue every
enqueue is a commit of its own. Until then a story is in the queue as an event of its own.
"""

from .deliveries import (
    Delivery,
    deliveries_ingest,
    display_name,
    ingest_data,
    ingest_file,
    read_delivery,
)
from .items import (
    NEW,
    Action,
    IngestError,
    IngestOutcome,
    PreparedItem,
    enqueue_placement,
    ingest_item,
    item_prepare,
    item_store,
    new_wire_stories,
)

__all__ = [
    "NEW",
    "Action",
    "Delivery",
    "IngestError",
    "IngestOutcome",
    "PreparedItem",
    "deliveries_ingest",
    "display_name",
    "enqueue_placement",
    "ingest_data",
    "ingest_file",
    "ingest_item",
    "item_prepare",
    "item_store",
    "new_wire_stories",
    "read_delivery",
]
