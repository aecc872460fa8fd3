"""The sync protocol: operations, hybrid logical clocks, the merge function and wire formats.

Pure Python, imports nothing of ours; shared by the laptop store, the sync client and the server.
"""

from .hlc import HLC, HybridClock
from .ids import new_id, uuid7
from .merge import DELETED, EntityState, ReviewState, state_hash
from .ops import Operation, OpKind, ProtocolError

__all__ = [
    "DELETED", "HLC", "EntityState", "HybridClock", "OpKind", "Operation", "ProtocolError", "ReviewState",
    "new_id", "state_hash", "uuid7",
]
