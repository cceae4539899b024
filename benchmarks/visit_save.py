"""Saving a visit the way the form does, search index included.

    python benchmarks/visit_save.py --data-dir DIR [--runs N]

Each save is a whole visit: two cases, two officers, attendees, every note
(about 1,500 characters), one need raised in it and one photo already in the
attachment store, and the visit's draft dropped — one transaction, as the
form's Ctrl+S does. The visits saved are deleted afterwards (they stay as
tombstones in the database).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Figure, print_report

from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput, VisitInput
from firstbatch_desk.domain.enums import NeedCategory, VisitMethod

TARGET_MS = 30.0
NOTE = (
    "企业首批次产品已批量供货，下游两家用户完成验证，反映保险补偿申报材料准备困难，"
    "希望经信部门协调检测机构尽快出具第三方检测报告；同时介绍了首批次保险补偿政策。"
)


def _visit(
    case_ids: tuple, enterprise_id: object, officers: tuple, photo: StoredFile
) -> VisitInput:
    return VisitInput(
        enterprise_id=enterprise_id,  # type: ignore[arg-type]
        case_ids=case_ids,
        visit_date=date.today(),
        method=VisitMethod.ON_SITE,
        officer_ids=officers,
        attendees=(AttendeeInput("张伟", "总经理"), AttendeeInput("李娜", "销售总监")),
        production_status=NOTE * 2,
        sales_status=NOTE,
        application_progress=NOTE,
        new_users="嘉兴某汽车零部件公司、宁波某电子材料公司",
        new_users_count=2,
        contract_value="120.5",
        quantity="30",
        quantity_unit="吨",
        policies_explained=NOTE,
        summary=NOTE * 3,
        signed=True,
        new_needs=(
            NeedInput(
                enterprise_id=enterprise_id,  # type: ignore[arg-type]
                category=NeedCategory.TESTING,
                title="协调第三方检测报告",
                description=NOTE,
                case_id=case_ids[0],
            ),
        ),
        attachments=(photo,),
    )


def visit_save(data_dir: Path, runs: int) -> list[Figure]:
    from firstbatch_desk.app import open_context

    context = open_context(data_dir)
    services = context.services
    try:
        cases = services.cases.list_cases(CaseFilter(), limit=2000)
        by_enterprise: dict[object, list] = {}
        for case in cases:
            by_enterprise.setdefault(case.enterprise_id, []).append(case)
        chosen = max(by_enterprise.values(), key=len)
        case_ids = tuple(c.id for c in chosen[:2])
        officers = tuple(o.id for o in services.reference.list_officers()[:2])
        photo_path = data_dir / "bench-photo.png"
        _make_photo(photo_path)
        photo = services.attachments.ingest(photo_path)
        data = _visit(case_ids, chosen[0].enterprise_id, officers, photo)
        saved = []
        samples = []
        for number in range(max(runs, 5) * 4 + 1):
            key = f"visit-new:bench-{number}"
            services.drafts.save_draft(key, "visit_new", {"summary": NOTE})
            started = time.perf_counter()
            detail = services.visits.record_visit(data, draft_key=key)
            elapsed = time.perf_counter() - started
            saved.append(detail.row.id)
            if number:  # the first warms the statement cache
                samples.append(elapsed * 1000)
        for visit_id in saved:
            for need_id in services.visits.get_visit(visit_id).need_ids:
                services.needs.delete_need(need_id)
            services.visits.delete_visit(visit_id)
        photo_path.unlink(missing_ok=True)
    finally:
        context.close()
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    return [
        Figure("save a visit (median)", statistics.median(samples), TARGET_MS, "ms"),
        Figure(
            "save a visit (p95)", p95, TARGET_MS, "ms", note=f"{len(samples)} saves, one need each"
        ),
    ]


def _make_photo(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (640, 480), (180, 60, 40)).save(path, "PNG")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    figures = visit_save(args.data_dir, args.runs)
    print_report(figures, as_json=False)
    return 0 if all(f.hit for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
