"""Applying an import plan inside one transaction: all of it or (on any error) none of it."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from firstbatch_desk.db.ids import new_id
from firstbatch_desk.db.models import Enterprise, Product, Recognition
from firstbatch_desk.domain.dtos.importing import ImportPlan, ImportResult, LineAction, PlannedLine
from firstbatch_desk.domain.dtos.register import EnterpriseInput, ProductInput, RecognitionInput
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.import_rules import normalise_enterprise_name
from firstbatch_desk.domain.recognition import default_valid_until, tier_from_text
from firstbatch_desk.services import indexing
from firstbatch_desk.services.enterprises import fill_enterprise
from firstbatch_desk.services.import_planning import PROGRESS_EVERY, product_key
from firstbatch_desk.services.products import fill_product
from firstbatch_desk.services.recognitions import fill_recognition

Progress = Callable[[int, int], None]


class _Applier:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.enterprises: dict[str, uuid.UUID] = {}  # created here, by normalised name
        self.products: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
        self.new_enterprises: list[uuid.UUID] = []
        self.touched_products: set[uuid.UUID] = set()
        self.counts = {"enterprises": 0, "products": 0, "created": 0, "updated": 0, "same": 0}

    def apply(self, line: PlannedLine) -> None:
        try:
            self._apply(line)
        except ValidationError as exc:
            # The plan was checked a moment ago in this same transaction; say which row.
            raise ValidationError(
                "import.row_failed", field=exc.field, row=line.row_number, detail=exc.message()
            ) from exc

    def _apply(self, line: PlannedLine) -> None:
        if line.action is LineAction.UNCHANGED or line.action is LineAction.SKIP:
            self.counts["same"] += 1
            return
        enterprise_id = line.enterprise_id or self.enterprise(line)
        product_id = line.product_id or self.product(enterprise_id, line.product_name)
        self.touched_products.add(product_id)
        if line.recognition_id is None:
            recognition = Recognition(product_id=product_id)
            fill_recognition(recognition, self.recognition_input(product_id, line))
            self.session.add(recognition)
            self.counts["created"] += 1
        else:
            recognition = self.session.get(Recognition, line.recognition_id)
            assert recognition is not None
            fill_recognition(recognition, self.updated_input(recognition, line))
            self.counts["updated"] += 1

    def enterprise(self, line: PlannedLine) -> uuid.UUID:
        norm = normalise_enterprise_name(line.enterprise_name)
        if norm not in self.enterprises:
            enterprise = Enterprise(id=new_id())
            data = EnterpriseInput(
                name=line.enterprise_name,
                credit_code=line.credit_code,
                division_code=line.division_code,
            )
            fill_enterprise(self.session, enterprise, data)
            self.session.add(enterprise)  # flushed before the next credit-code check reads
            self.enterprises[norm] = enterprise.id
            self.new_enterprises.append(enterprise.id)
            self.counts["enterprises"] += 1
        return self.enterprises[norm]

    def product(self, enterprise_id: uuid.UUID, name: str) -> uuid.UUID:
        key = (enterprise_id, product_key(name))
        if key not in self.products:
            product = Product(id=new_id(), enterprise_id=enterprise_id)
            fill_product(product, ProductInput(enterprise_id=enterprise_id, name=name))
            self.session.add(product)
            self.products[key] = product.id
            self.counts["products"] += 1
        return self.products[key]

    @staticmethod
    def recognition_input(product_id: uuid.UUID, line: PlannedLine) -> RecognitionInput:
        assert line.scheme is not None and line.year is not None and line.tier is not None
        return RecognitionInput(
            product_id=product_id,
            scheme=line.scheme,
            tier=line.tier,
            year=line.year,
            tier_text=line.tier_text,
            document_no=line.document_no,
            recognised_on=line.recognised_on,
        )

    @staticmethod
    def updated_input(recognition: Recognition, line: PlannedLine) -> RecognitionInput:
        """The recognition as it is, with what the sheet gives (empty cells change nothing)."""
        recognised_on = line.recognised_on or recognition.recognised_on
        valid_until = recognition.valid_until
        if (
            line.recognised_on
            and recognition.recognised_on
            and valid_until == default_valid_until(recognition.recognised_on)
        ):
            valid_until = None  # it followed the old date: let it follow the new one
        tier_text = line.tier_text or recognition.tier_text
        return RecognitionInput(
            product_id=recognition.product_id,
            scheme=recognition.scheme,
            tier=tier_from_text(tier_text) if line.tier_text else recognition.tier,
            year=recognition.year,
            tier_text=tier_text,
            document_no=line.document_no or recognition.document_no,
            recognised_on=recognised_on,
            valid_until=valid_until,
            reward_amount=recognition.reward_amount,
            reward_paid=recognition.reward_paid,
        )


def apply_plan(
    session: Session,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write every line of ``plan`` in the caller's transaction (which rolls back on error)."""
    applier = _Applier(session)
    total = len(plan.lines)
    for number, line in enumerate(plan.lines, start=1):
        applier.apply(line)
        if number % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ValidationError("import.cancelled")
            if progress is not None:
                progress(number, total)
    session.flush()
    indexing.reindex_enterprises(session, applier.new_enterprises)
    indexing.reindex_products(session, sorted(applier.touched_products))
    counts = applier.counts
    return ImportResult(
        created_enterprises=counts["enterprises"],
        created_products=counts["products"],
        created_recognitions=counts["created"],
        updated_recognitions=counts["updated"],
        unchanged=counts["same"],
    )
