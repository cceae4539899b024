"""All ORM models; importing this module registers every table on ``Base.metadata``."""

from firstbatch_desk.db.base import Base
from firstbatch_desk.db.models.accounts import Account
from firstbatch_desk.db.models.attachments import Attachment
from firstbatch_desk.db.models.audit import AuditEntry
from firstbatch_desk.db.models.meta import AppMeta, ChangeCounter, Draft
from firstbatch_desk.db.models.needs import Need, NeedSupport, NeedTransition
from firstbatch_desk.db.models.reference import (
    Department,
    Division,
    NeedCategoryRef,
    Officer,
    Zone,
    reference_id,
)
from firstbatch_desk.db.models.register import Case, Contact, Enterprise, Product, Recognition
from firstbatch_desk.db.models.sync import (
    SyncBase,
    SyncBlob,
    SyncBundle,
    SyncConflict,
    SyncInstallation,
)
from firstbatch_desk.db.models.visits import (
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    VisitOfficer,
)

SYNCED_MODELS = (
    Division,
    Zone,
    NeedCategoryRef,
    Department,
    Officer,
    Account,
    Enterprise,
    Contact,
    Product,
    Recognition,
    Case,
    Visit,
    VisitNote,
    VisitCase,
    VisitOfficer,
    VisitAttendee,
    Need,
    NeedSupport,
    NeedTransition,
    Attachment,
)

__all__ = [
    "SYNCED_MODELS",
    "Account",
    "AppMeta",
    "Attachment",
    "AuditEntry",
    "Base",
    "Case",
    "ChangeCounter",
    "Contact",
    "Department",
    "Division",
    "Draft",
    "Enterprise",
    "Need",
    "NeedCategoryRef",
    "NeedSupport",
    "NeedTransition",
    "Officer",
    "Product",
    "Recognition",
    "SyncBase",
    "SyncBlob",
    "SyncBundle",
    "SyncConflict",
    "SyncInstallation",
    "Visit",
    "VisitAttendee",
    "VisitCase",
    "VisitNote",
    "VisitOfficer",
    "Zone",
    "reference_id",
]
