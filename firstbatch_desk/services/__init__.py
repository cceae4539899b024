"""Use cases over the database; every public method owns one transaction and returns DTOs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.services.accounts import AccountService
from firstbatch_desk.services.attachments import AttachmentService
from firstbatch_desk.services.audit import AuditService
from firstbatch_desk.services.backups import BackupService
from firstbatch_desk.services.base import Actor, ServiceConfig
from firstbatch_desk.services.cases import CaseService
from firstbatch_desk.services.drafts import DraftService
from firstbatch_desk.services.enterprises import EnterpriseService
from firstbatch_desk.services.exporting import ExportService
from firstbatch_desk.services.importing import ImportService
from firstbatch_desk.services.info import InfoService
from firstbatch_desk.services.needs import NeedService
from firstbatch_desk.services.products import ProductService
from firstbatch_desk.services.recognitions import RecognitionService
from firstbatch_desk.services.reference import ReferenceService
from firstbatch_desk.services.reporting import ReportService
from firstbatch_desk.services.sync import SyncService
from firstbatch_desk.services.visits import VisitService
from firstbatch_desk.services.worklist import WorklistService


@dataclass(frozen=True, slots=True)
class Services:
    accounts: AccountService
    enterprises: EnterpriseService
    products: ProductService
    recognitions: RecognitionService
    cases: CaseService
    visits: VisitService
    needs: NeedService
    reference: ReferenceService
    info: InfoService
    reports: ReportService
    attachments: AttachmentService
    drafts: DraftService
    worklist: WorklistService
    exports: ExportService
    imports: ImportService
    backups: BackupService
    audit: AuditService
    sync: SyncService

    @classmethod
    def build(
        cls,
        session_factory: sessionmaker[Session],
        actor: Actor,
        database_path: Path,
        config: ServiceConfig | None = None,
    ) -> Services:
        args = (session_factory, actor, database_path, config)
        return cls(
            accounts=AccountService(*args),
            enterprises=EnterpriseService(*args),
            products=ProductService(*args),
            recognitions=RecognitionService(*args),
            cases=CaseService(*args),
            visits=VisitService(*args),
            needs=NeedService(*args),
            reference=ReferenceService(*args),
            info=InfoService(*args),
            reports=ReportService(*args),
            attachments=AttachmentService(*args),
            drafts=DraftService(*args),
            worklist=WorklistService(*args),
            exports=ExportService(*args),
            imports=ImportService(*args),
            backups=BackupService(*args),
            audit=AuditService(*args),
            sync=SyncService(*args),
        )


__all__ = ["Actor", "Services"]
