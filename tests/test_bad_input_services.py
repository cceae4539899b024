"""Bad input through every write service: saved byte for byte, or refused in words.

Each text field of each record gets every value of the hostile corpus
(:mod:`tests.bad_input`). A value the domain keeps is saved and read back
identical through a second connection to the SQLite file, and again after the
file is closed and reopened; a value the domain refuses raises a ValidationError
whose Chinese message names the problem, and the database is unchanged (every
table compared before and after). Nothing raises anything else.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.app import AppContext, open_context
from firstbatch_desk.domain.accounts import AccountInput, Role, normalize_username
from firstbatch_desk.domain.dtos.audit import AuditAction, AuditFilter
from firstbatch_desk.domain.dtos.filters import (
    CaseFilter,
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)
from firstbatch_desk.domain.dtos.followup import (
    AttendeeInput,
    NeedInput,
    TransitionInput,
    VisitInput,
)
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import (
    CaseInput,
    ContactInput,
    EnterpriseInput,
    ProductInput,
    RecognitionInput,
)
from firstbatch_desk.domain.enums import (
    AttachmentOwner,
    NeedCategory,
    NeedStatus,
    Scheme,
    Tier,
    VisitMethod,
)
from firstbatch_desk.domain.errors import (
    AuthenticationError,
    FirstBatchError,
    PermissionDeniedError,
    ValidationError,
)
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.domain.recognition import Validity
from firstbatch_desk.domain.validation import check_money, clean_text, shown
from firstbatch_desk.services import Services
from tests import factories
from tests.bad_input import (
    BAD_DATES,
    BY_NAME,
    CORPUS,
    DATE_EXTREMES,
    IMPOSSIBLE_DATE_TEXTS,
    NOTE_1MB,
    SEARCH_TERMS,
    Expect,
    Hostile,
    assert_clear,
    snapshot,
    tomorrow,
)
from tests.services.test_accounts import services_as


@pytest.fixture
def reader(data_dir: Path, context: AppContext) -> Iterator[AppContext]:
    """A second context on the same file: what it reads went through SQLite."""
    ctx = open_context(data_dir)
    yield ctx
    ctx.close()


# -- the corpus and the rules themselves ----------------------------------------------------


def test_the_corpus_says_what_it_means() -> None:
    for value in CORPUS:
        if value.expect is Expect.KEEP:  # kept byte for byte: already in its clean form
            assert unicodedata.is_normalized("NFC", value.text), value
            assert " ".join(value.text.split()) == value.text, value
        if value.expect is Expect.REFUSE:
            assert value.outcome(limit=10**7) in ("field.invisible_char", "field.broken_char")
    assert len(BY_NAME["note_1mb"].text) == 1_048_576
    assert len(BY_NAME["long_name"].text) == 10_000


def test_a_refusal_names_the_place_and_the_character() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("发票\u202egpj.exe", field="name", label="企业名称", limit=200)
    assert (caught.value.code, caught.value.field) == ("field.invisible_char", "name")
    assert assert_clear(caught.value, "企业名称", "第 3 个字符", "U+202E")
    assert "Character 3" in caught.value.message("en")
    with pytest.raises(ValidationError) as caught:
        clean_text("前\ud800后", field="notes", label="备注", limit=20_000, multiline=True)
    assert caught.value.code == "field.broken_char"
    assert_clear(caught.value, "备注", "第 2 个字符")
    # Tabs and line breaks are white space, not controls; a one-line field folds them.
    assert clean_text("甲\t乙\r\n丙", field="x", label="x", limit=10) == "甲 乙 丙"
    assert clean_text("甲\t乙\r\n丙", field="x", label="x", limit=10, multiline=True) == (
        "甲\t乙\n丙"
    )


def test_a_quoted_value_is_short_and_visible() -> None:
    assert shown("a\u202eb\x00c") == "a[U+202E]b[U+0000]c"
    assert shown("嘉" * 10_000) == "嘉" * 40 + "…"
    with pytest.raises(ValidationError) as caught:
        check_money(NOTE_1MB, field="contract_value", label="合同金额（万元）")
    assert len(caught.value.message()) < 100


# -- driving the text fields of one kind of record -------------------------------------------


@dataclass(frozen=True)
class TextField:
    name: str
    limit: int
    multiline: bool = False
    required: bool = False
    path: str = ""  # the field an error names, when not ``name``
    skip_blank: bool = False  # a blank here drops the row (tested on its own)

    @property
    def error_field(self) -> str:
        return self.path or self.name


@dataclass
class Subject:
    """One kind of record: its text fields, how to write values, how to read them back."""

    fields: tuple[TextField, ...]
    write: Callable[[dict[str, str]], Any]  # field name -> text; returns the record's key
    read: Callable[[Services, Any], dict[str, str]]  # key -> stored text by field name
    stored: dict[Any, dict[str, str]] = field(default_factory=dict)


def drive(subject: Subject, ctx: AppContext, reader: AppContext) -> None:
    """Every corpus value in every field: kept as documented, or refused with nothing changed."""
    ok: dict[str, list[Hostile]] = {}
    refusals: list[tuple[TextField, Hostile, str]] = []
    for text_field in subject.fields:
        for value in CORPUS:
            if text_field.skip_blank and value.expect is Expect.BLANK:
                continue
            outcome = value.outcome(
                limit=text_field.limit,
                multiline=text_field.multiline,
                required=text_field.required,
            )
            if outcome == "ok":
                ok.setdefault(text_field.name, []).append(value)
            else:
                refusals.append((text_field, value, outcome))
    before = snapshot(ctx.paths.database)
    for text_field, value, code in refusals:
        with pytest.raises(ValidationError) as caught:
            subject.write({text_field.name: value.text})
        error = caught.value
        assert (error.code, error.field) == (code, text_field.error_field), (value, text_field)
        words = [str(text_field.limit)] if code == "field.too_long" else []
        assert_clear(error, *words)
    assert snapshot(ctx.paths.database) == before, "a refused value changed the database"
    by_field = {f.name: f for f in subject.fields}
    rounds = max(len(values) for values in ok.values())
    for number in range(rounds):
        chosen = {name: values[number % len(values)] for name, values in ok.items()}
        key = subject.write({name: value.text for name, value in chosen.items()})
        expected = {
            name: value.stored(multiline=by_field[name].multiline) or ""
            for name, value in chosen.items()
        }
        assert subject.read(reader.services, key) == expected, chosen
        subject.stored[key] = expected


def reopened(subject: Subject, data_dir: Path, *open_contexts: AppContext) -> None:
    """Close everything, open the file again: every kept value is still there, identical."""
    for ctx in open_contexts:
        ctx.close()
    fresh = open_context(data_dir)
    try:
        for key, expected in subject.stored.items():
            assert subject.read(fresh.services, key) == expected
    finally:
        fresh.close()


# -- the records ----------------------------------------------------------------------------


@pytest.fixture
def case(context: AppContext) -> Any:
    return factories.recognised_case(context.services)


def test_enterprise_and_contact_text(
    context: AppContext, reader: AppContext, case: Any, data_dir: Path
) -> None:
    services = context.services
    enterprise_id = case.row.enterprise_id
    code = services.enterprises.get_enterprise(enterprise_id).credit_code or ""

    def write(values: dict[str, str]) -> Any:
        data = EnterpriseInput(
            name=values.get("name", "嘉兴坏输入测试有限公司"),
            credit_code=code,
            former_names=values.get("former_names", ""),
            division_code="330402",
            address=values.get("address", ""),
            legal_representative=values.get("legal_representative", ""),
            industry=values.get("industry", ""),
            notes=values.get("notes", ""),
            contacts=(
                ContactInput(values.get("contact", "张三"), values.get("contact_title", "")),
            ),
        )
        return services.enterprises.update_enterprise(enterprise_id, data).id

    def read(on: Services, key: Any) -> dict[str, str]:
        detail = on.enterprises.get_enterprise(key)
        values = {
            "name": detail.name,
            "former_names": detail.former_names,
            "address": detail.address,
            "legal_representative": detail.legal_representative,
            "industry": detail.industry,
            "notes": detail.notes,
            "contact": detail.contacts[0].name,
            "contact_title": detail.contacts[0].title,
        }
        return {name: values[name] for name in read_fields}

    fields = (
        TextField("name", 200, required=True),
        TextField("former_names", 500),
        TextField("address", 300),
        TextField("legal_representative", 50),
        TextField("industry", 100),
        TextField("notes", 20_000, multiline=True),
        TextField("contact", 50, required=True, path="contacts[0].name"),
        TextField("contact_title", 50, path="contacts[0].title"),
    )
    read_fields = [f.name for f in fields]
    subject = Subject(fields, write, read)
    drive(subject, context, reader)
    # The list shows the name the way it was kept.
    listed = services.enterprises.enterprise_rows([enterprise_id.hex])
    assert [row.name for row in listed] == [subject.stored[enterprise_id]["name"]]
    reopened(subject, data_dir, context, reader)


def test_product_recognition_and_case_text(
    context: AppContext, reader: AppContext, case: Any, data_dir: Path
) -> None:
    services = context.services
    enterprise_id, product_id = case.row.enterprise_id, case.row.product_id
    product_fields = (
        TextField("name", 200, required=True),
        TextField("model_spec", 200),
        TextField("key_indicators", 5_000, multiline=True),
        TextField("application_field", 200),
        TextField("ip_numbers", 500),
        TextField("test_report_no", 100),
        TextField("test_report_agency", 200),
        TextField("novelty_report_no", 100),
        TextField("novelty_report_agency", 200),
    )

    def write_product(values: dict[str, str]) -> Any:
        data = ProductInput(enterprise_id, **{"name": "卤代丁基橡胶", **values})
        return services.products.update_product(product_id, data).id

    def read_product(on: Services, key: Any) -> dict[str, str]:
        detail = on.products.get_product(key)
        return {f.name: getattr(detail, f.name) for f in product_fields}

    products = Subject(product_fields, write_product, read_product)
    drive(products, context, reader)

    def write_recognition(values: dict[str, str]) -> Any:
        data = RecognitionInput(
            product_id,
            Scheme.PROVINCIAL_RECOGNITION,
            Tier.DOMESTIC,
            2023,
            recognised_on=date(2023, 9, 1),
            **values,
        )
        return services.recognitions.update_recognition(case.recognition_id, data).id

    def read_recognition(on: Services, key: Any) -> dict[str, str]:
        row = on.recognitions.get_recognition(key)
        return {"tier_text": row.tier_text, "document_no": row.document_no}

    recognitions = Subject(
        (TextField("tier_text", 300), TextField("document_no", 100)),
        write_recognition,
        read_recognition,
    )
    drive(recognitions, context, reader)

    def write_case(values: dict[str, str]) -> Any:
        data = CaseInput(product_id, case.recognition_id, case.row.officer_id, **values)
        return services.cases.update_case(case.row.id, data).row.id

    def read_case(on: Services, key: Any) -> dict[str, str]:
        return {"notes": on.cases.get_case(key).notes}

    cases = Subject((TextField("notes", 20_000, multiline=True),), write_case, read_case)
    drive(cases, context, reader)
    context.close()
    reader.close()
    for subject in (products, recognitions, cases):
        reopened(subject, data_dir)


VISIT_NOTES = (
    "production_status",
    "sales_status",
    "application_progress",
    "new_users",
    "policies_explained",
    "summary",
)


def test_visit_text_attendees_and_needs_raised_in_it(
    context: AppContext, reader: AppContext, case: Any, data_dir: Path
) -> None:
    services = context.services
    row = case.row

    def write(values: dict[str, str]) -> Any:
        notes = {name: values[name] for name in VISIT_NOTES if name in values}
        need = NeedInput(
            row.enterprise_id,
            NeedCategory.FINANCING,
            values.get("need_title", "流动资金贷款对接"),
            values.get("need_description", ""),
            case_id=row.id,
        )
        data = VisitInput(
            row.enterprise_id,
            (row.id,),
            date(2024, 3, 12),
            VisitMethod.ON_SITE,
            attendees=(
                AttendeeInput(values.get("attendee", "李四"), values.get("attendee_title", "")),
            ),
            quantity=values.get("quantity", ""),
            quantity_unit=values.get("quantity_unit", ""),
            new_needs=(need,),
            **notes,
        )
        return services.visits.record_visit(data).row.id

    def read(on: Services, key: Any) -> dict[str, str]:
        visit = on.visits.get_visit(key)
        (need_id,) = visit.need_ids
        need = on.needs.get_need(need_id)
        (attendee,) = visit.attendees
        values = {name: getattr(visit, name) for name in VISIT_NOTES}
        values.update(
            quantity=visit.quantity,
            quantity_unit=visit.quantity_unit,
            attendee=attendee.name,
            attendee_title=attendee.title,
            need_title=need.row.title,
            need_description=need.description,
        )
        return values

    subject = Subject(
        (
            *(TextField(name, 50_000, multiline=True) for name in VISIT_NOTES),
            TextField("quantity", 32),
            TextField("quantity_unit", 16),
            TextField("attendee", 50, path="attendees[0].name", skip_blank=True),
            TextField("attendee_title", 50, path="attendees[0].title"),
            TextField("need_title", 120, required=True, path="new_needs[0].title"),
            TextField("need_description", 20_000, multiline=True, path="new_needs[0].description"),
        ),
        write,
        read,
    )
    drive(subject, context, reader)
    # An attendee row without a name is not an attendee: it is left out, nothing else.
    blank = BY_NAME["whitespace_only"].text
    visit = services.visits.record_visit(
        VisitInput(
            row.enterprise_id,
            (row.id,),
            date(2024, 3, 13),
            VisitMethod.PHONE,
            attendees=(AttendeeInput(blank), AttendeeInput("王五", "厂长")),
        )
    )
    assert reader.services.visits.get_visit(visit.row.id).attendees == (
        AttendeeInput("王五", "厂长"),
    )
    reopened(subject, data_dir, context, reader)


def test_need_text_and_the_notes_of_its_steps(
    context: AppContext, reader: AppContext, case: Any, data_dir: Path
) -> None:
    services = context.services
    enterprise_id = case.row.enterprise_id

    def write_need(values: dict[str, str]) -> Any:
        data = NeedInput(
            enterprise_id,
            NeedCategory.TESTING,
            values.get("title", "检测认证"),
            values.get("description", ""),
            case_id=case.row.id,
        )
        return services.needs.raise_need(data).row.id

    def read_need(on: Services, key: Any) -> dict[str, str]:
        need = on.needs.get_need(key)
        return {"title": need.row.title, "description": need.description}

    needs = Subject(
        (TextField("title", 120, required=True), TextField("description", 20_000, multiline=True)),
        write_need,
        read_need,
    )
    drive(needs, context, reader)

    # One need goes round 办理中 → 已反馈 → 重新办理 with every note and outcome.
    need_id = write_need({})
    department = services.reference.list_departments()[0]
    for step in (
        TransitionInput(NeedAction.ACCEPT),
        TransitionInput(NeedAction.ASSIGN, lead_department_id=department.id),
        TransitionInput(NeedAction.START),
    ):
        services.needs.transition(need_id, step)

    def write_answer(values: dict[str, str]) -> Any:
        if services.needs.get_need(need_id).row.status is NeedStatus.ANSWERED:
            services.needs.transition(need_id, TransitionInput(NeedAction.REOPEN, note="再办"))
        step = TransitionInput(
            NeedAction.ANSWER,
            note=values.get("note", ""),
            outcome=values.get("outcome", "已答复"),
        )
        services.needs.transition(need_id, step)
        return need_id

    def read_answer(on: Services, key: Any) -> dict[str, str]:
        need = on.needs.get_need(key)
        return {"note": need.history[-1].note, "outcome": need.outcome}

    answers = Subject(
        (TextField("note", 5_000, multiline=True), TextField("outcome", 20_000, multiline=True)),
        write_answer,
        read_answer,
    )
    drive(answers, context, reader)
    assert services.needs.get_need(need_id).row.status is NeedStatus.ANSWERED
    context.close()
    reader.close()
    reopened(needs, data_dir)
    reopened(answers, data_dir)


def test_officers_accounts_and_attachment_captions(
    context: AppContext, reader: AppContext, case: Any, data_dir: Path, tmp_path: Path
) -> None:
    services = services_as(context)  # cheap password hashes

    def write_officer(values: dict[str, str]) -> Any:
        return services.reference.add_officer(
            OfficerInput(values.get("name", "王五"), values.get("title", ""))
        ).id

    def read_officer(on: Services, key: Any) -> dict[str, str]:
        (officer,) = [o for o in on.reference.list_officers(active_only=False) if o.id == key]
        return {"name": officer.name, "title": officer.title}

    officers = Subject(
        (TextField("name", 50, required=True), TextField("title", 50)),
        write_officer,
        read_officer,
    )
    drive(officers, context, reader)

    names = iter(range(1_000))

    def write_account(values: dict[str, str]) -> Any:
        data = AccountInput(
            f"user{next(names)}", values["display_name"], Role.SUPERVISOR, "jiaxing-2026"
        )
        return services.accounts.create_account(data).id

    def read_account(on: Services, key: Any) -> dict[str, str]:
        return {"display_name": on.accounts.get_account(key).display_name}

    # (A blank display name stands for the username: that is tested with accounts.)
    display_name = TextField("display_name", 50, skip_blank=True)
    accounts = Subject((display_name,), write_account, read_account)
    drive(accounts, context, reader)

    photo = tmp_path / "现场.txt"
    photo.write_text("走访现场记录", encoding="utf-8")
    visit = factories.visit(services, case.row)
    stored = services.attachments.ingest(photo)
    (attachment,) = services.attachments.attach(AttachmentOwner.VISIT, visit.row.id, [stored])

    def write_caption(values: dict[str, str]) -> Any:
        return services.attachments.set_caption(attachment.id, values["caption"]).id

    def read_caption(on: Services, key: Any) -> dict[str, str]:
        return {"caption": on.attachments.get(key).caption}

    captions = Subject((TextField("caption", 200),), write_caption, read_caption)
    drive(captions, context, reader)
    context.close()
    reader.close()
    for subject in (officers, accounts, captions):
        reopened(subject, data_dir)


# -- fields with their own rules: codes, numbers, phone numbers, names, passwords -----------


def refused_or_blank(
    database: Path, call: Callable[[str], Any], value: Hostile, *codes: str
) -> FirstBatchError | None:
    """``call(value)`` is refused with a clear message and changes nothing, unless blank."""
    before = snapshot(database)
    try:
        call(value.text)
    except ValidationError as error:
        assert not codes or error.code in codes, (value, error.code)
        assert_clear(error)
        assert snapshot(database) == before, value
        return error
    assert value.expect is Expect.BLANK, f"{value} was accepted"
    return None


def test_codes_numbers_phones_and_e_mail_addresses(context: AppContext, case: Any) -> None:
    services, database = context.services, context.paths.database
    enterprise = services.enterprises.get_enterprise(case.row.enterprise_id)
    code = enterprise.credit_code or ""

    def contact(**values: str) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            person = ContactInput("张三", **{key: text for key in values})
            data = EnterpriseInput(enterprise.name, code, contacts=(person,))
            return services.enterprises.update_enterprise(enterprise.id, data)

        return call

    def product(key: str) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            data = ProductInput(enterprise.id, "卤代丁基橡胶", **{key: text})
            return services.products.update_product(case.row.product_id, data)

        return call

    def recognition(key: str) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            values: dict[str, Any] = {"year": 2023, key: text}
            data = RecognitionInput(
                case.row.product_id, Scheme.PROVINCIAL_RECOGNITION, Tier.DOMESTIC, **values
            )
            return services.recognitions.update_recognition(case.recognition_id, data)

        return call

    def visit(key: str) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            return factories.visit(services, case.row, **{key: text})

        return call

    def credit_code(text: str) -> Any:
        data = EnterpriseInput(enterprise.name, text)
        return services.enterprises.update_enterprise(enterprise.id, data)

    calls = {
        "credit_code": credit_code,
        "phone": contact(phone=""),
        "email": contact(email=""),
        "trl": product("trl"),
        "year": recognition("year"),
        "reward": recognition("reward_amount"),
        "new_users_count": visit("new_users_count"),
        "contract_value": visit("contract_value"),
    }
    for call in calls.values():
        for value in CORPUS:
            error = refused_or_blank(database, call, value)
            if error is not None and error.code in ("field.bad_phone", "field.bad_number"):
                assert len(error.message()) < 160, "the value is quoted short"
    # A blank code is no code; a code typed in full width is kept in its normal form.
    assert credit_code(BY_NAME["whitespace_only"].text).credit_code is None
    full_width = code.translate({cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)})
    assert credit_code(full_width).credit_code == code


def test_usernames_and_passwords(context: AppContext) -> None:
    services = services_as(context)
    accounts, database = services.accounts, context.paths.database
    admin = accounts.create_first_admin("admin", "王管理", "jiaxing2026")
    for number, value in enumerate(CORPUS):
        # A username: 2–32 letters, digits and . _ - @, kept in its normal form
        # (NFKC, trimmed, lower case) and logged in with as typed; or refused.
        before = snapshot(database)
        try:
            row = accounts.create_account(
                AccountInput(value.text, "张三", Role.SUPERVISOR, "jiaxing-2026")
            )
        except ValidationError as error:
            assert error.code in ("account.bad_username", "field.required"), value
            assert_clear(error, "用户名")
            assert snapshot(database) == before
        else:
            assert row.username == normalize_username(value.text) == "前后有空格", value
            assert accounts.authenticate(value.text, "jiaxing-2026").name == "张三"
        # A password: kept exactly as typed (it is never normalised), or refused.
        username = f"pw{number}"
        data = AccountInput(username, "张三", Role.SUPERVISOR, value.text)
        text = value.text
        wanted_refusal = (
            len(text) < 8
            or len(text) > 256
            or value in (BY_NAME["lone_surrogate"], BY_NAME["low_surrogate"])
        )
        if wanted_refusal:
            before = snapshot(database)
            with pytest.raises(ValidationError) as caught:
                accounts.create_account(data)
            assert_clear(caught.value, "密码")
            assert snapshot(database) == before
            continue
        accounts.create_account(data)
        assert accounts.authenticate(username, text).name == "张三"
        with pytest.raises(AuthenticationError):
            accounts.authenticate(username, text + "x")
    # Logging in with anything at all says "wrong", never crashes.
    for value in CORPUS:
        for username, password in ((value.text, "jiaxing2026"), ("nobody", value.text)):
            with pytest.raises(AuthenticationError) as caught:
                accounts.authenticate(username, password)
            assert_clear(caught.value)
        with pytest.raises(AuthenticationError):
            accounts.authenticate("admin", value.text)
        accounts.authenticate("admin", "jiaxing2026")  # resets the count: no lockout here
    assert accounts.get_account(admin.id).locked_until is None
    # Half a character in a new password is refused (it could never be typed again).
    with pytest.raises(ValidationError) as caught:
        accounts.create_account(
            AccountInput("halfchar", "张三", Role.SUPERVISOR, "jiaxing\ud8002026")
        )
    assert caught.value.code == "field.broken_char"
    assert_clear(caught.value, "密码", "第 8 个字符")


def test_attachment_names(
    context: AppContext, reader: AppContext, case: Any, tmp_path: Path
) -> None:
    services, database = context.services, context.paths.database
    visit = factories.visit(services, case.row)
    source = tmp_path / "签字页.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    stored = services.attachments.ingest(source)
    kept = {}
    for value in CORPUS:
        before = snapshot(database)
        try:
            put = services.attachments.store.put(source, name=value.text)
            (row,) = services.attachments.attach(AttachmentOwner.VISIT, visit.row.id, [put])
        except ValidationError as error:
            assert error.code.startswith("attachment."), error.code
            assert_clear(error)
            assert snapshot(database) == before
            continue
        (listed,) = reader.services.attachments.list_for(AttachmentOwner.VISIT, visit.row.id)
        assert listed.original_name == unicodedata.normalize("NFC", value.text).strip()
        kept[value.name] = listed.original_name
        services.attachments.remove(row.id)
    # Names that look like SQL, emoji, full-width names are kept as they were typed;
    # control characters, direction overrides and halves of characters are refused.
    for name in ("sql_drop", "sql_or", "emoji", "skin_tones", "full_width", "format_strings"):
        assert kept[name] == BY_NAME[name].text
    assert not {"nul", "c0", "c1", "rlo", "rlm", "lone_surrogate", "zwj_family"} & set(kept)
    # A file whose name the service refuses changes nothing; with a good name it attaches.
    renamed = replace(stored, original_name=BY_NAME["sql_drop"].text + ".pdf")
    (row,) = services.attachments.attach(AttachmentOwner.VISIT, visit.row.id, [renamed])
    assert services.attachments.get(row.id).original_name == "'); DROP TABLE visits;--.pdf"


# -- dates far in the past and future ------------------------------------------------------


def test_dates_far_away_are_refused_in_words(context: AppContext, case: Any) -> None:
    services, database = context.services, context.paths.database
    row = case.row

    def product(key: str) -> Callable[[Any], Any]:
        return lambda day: services.products.update_product(
            row.product_id, ProductInput(row.enterprise_id, "卤代丁基橡胶", **{key: day})
        )

    def recognition(**values: Any) -> Callable[[Any], Any]:
        (key,) = values
        return lambda day: services.recognitions.update_recognition(
            case.recognition_id,
            RecognitionInput(
                row.product_id,
                Scheme.PROVINCIAL_RECOGNITION,
                Tier.DOMESTIC,
                2023,
                recognised_on=date(2023, 9, 1),
                **{key: day},
            ),
        )

    need = services.needs.raise_need(
        NeedInput(row.enterprise_id, NeedCategory.FINANCING, "融资", case_id=row.id)
    )
    fields: dict[str, Callable[[Any], Any]] = {
        "test_report_date": product("test_report_date"),
        "novelty_report_date": product("novelty_report_date"),
        "recognised_on": lambda day: services.recognitions.update_recognition(
            case.recognition_id,
            RecognitionInput(
                row.product_id,
                Scheme.PROVINCIAL_RECOGNITION,
                Tier.DOMESTIC,
                2023,
                recognised_on=day,
            ),
        ),
        "valid_until": recognition(valid_until=None),
        "opened_on": lambda day: services.cases.update_case(
            row.id, CaseInput(row.product_id, case.recognition_id, row.officer_id, opened_on=day)
        ),
        "visit_date": lambda day: factories.visit(services, row, visit_date=day),
        "next_visit_on": lambda day: factories.visit(services, row, next_visit_on=day),
        "raised_on": lambda day: services.needs.raise_need(
            NeedInput(row.enterprise_id, NeedCategory.FINANCING, "融资", raised_on=day)
        ),
        "on": lambda day: services.needs.transition(
            need.row.id, TransitionInput(NeedAction.ACCEPT, on=day)
        ),
    }
    for name, call in fields.items():
        for day, code in [
            *((d, "field.date_range") for d in BAD_DATES),
            *((d.isoformat(), "field.date_range") for d in BAD_DATES),
            *((text, "field.bad_date") for text in IMPOSSIBLE_DATE_TEXTS),
        ]:
            before = snapshot(database)
            with pytest.raises(ValidationError) as caught:
                call(day)
            assert (caught.value.code, caught.value.field) == (code, name), (name, day)
            assert_clear(caught.value)
            assert snapshot(database) == before
    # What has happened cannot be dated tomorrow; what is planned can.
    for name, code in (
        ("visit_date", "visit.future_date"),
        ("raised_on", "need.future_raised"),
        ("on", "need.future_step"),
    ):
        with pytest.raises(ValidationError) as caught:
            fields[name](tomorrow())
        assert caught.value.code == code
        assert_clear(caught.value, "今天")
    visit = fields["next_visit_on"](tomorrow())
    assert context.services.visits.get_visit(visit.row.id).next_visit_on == tomorrow()
    # The edges of the allowed range are stored as they are.
    for day in (date(1949, 10, 1), date(2100, 12, 31)):
        product_detail = fields["test_report_date"](day)
        assert services.products.get_product(product_detail.id).test_report_date == day


def test_list_filters_with_dates_at_the_ends_of_the_calendar(
    context: AppContext, case: Any
) -> None:
    services = context.services
    factories.visit(services, case.row)
    for day in DATE_EXTREMES + BAD_DATES:
        services.visits.list_visits(VisitFilter(date_from=day, date_to=day))
        services.visits.list_visits(VisitFilter(date_from=date.min, date_to=day))
        services.cases.list_cases(CaseFilter(due_before=day))
        services.needs.list_needs(NeedFilter(due_before=day))
        for validity in Validity:
            services.recognitions.list_recognitions(RecognitionFilter(validity=validity, today=day))
        services.audit.list_entries(AuditFilter(date_from=day, date_to=day))
        services.audit.list_entries(AuditFilter(date_from=day))
        services.audit.list_entries(AuditFilter(date_to=day))
    everything = services.audit.list_entries(AuditFilter(date_from=date.min, date_to=date.max))
    assert len(everything) == len(services.audit.list_entries(AuditFilter()))
    assert services.audit.list_entries(AuditFilter(date_from=date.max)) == []
    assert services.audit.list_entries(AuditFilter(date_to=date.min)) == []


# -- search boxes and filters ---------------------------------------------------------------


def test_search_and_filters_take_any_text(context: AppContext, case: Any) -> None:
    services = context.services
    factories.visit(services, case.row, summary="锅炉改造；" + BY_NAME["like_wildcards"].text)
    services.needs.raise_need(
        NeedInput(case.row.enterprise_id, NeedCategory.FINANCING, BY_NAME["sql_or"].text)
    )
    listings: dict[str, Callable[[str], Any]] = {
        "enterprises": lambda t: services.enterprises.list_enterprises(EnterpriseFilter(search=t)),
        "enterprise keys": lambda t: list(
            services.enterprises.enterprise_keys(EnterpriseFilter(search=t))
        ),
        "recognitions": lambda t: services.recognitions.list_recognitions(
            RecognitionFilter(search=t)
        ),
        "cases": lambda t: services.cases.list_cases(CaseFilter(search=t)),
        "visits": lambda t: services.visits.list_visits(VisitFilter(search=t)),
        "visit keys": lambda t: list(services.visits.visit_keys(VisitFilter(search=t))),
        "needs": lambda t: services.needs.list_needs(NeedFilter(search=t)),
        "divisions": lambda t: services.enterprises.list_enterprises(
            EnterpriseFilter(division_code=t)
        ),
        "visit divisions": lambda t: services.visits.list_visits(VisitFilter(division_code=t)),
        "audit": lambda t: services.audit.list_entries(
            AuditFilter(search=t, actor=t, entity_id=t, entity=t)
        ),
        "audit search": lambda t: services.audit.list_entries(AuditFilter(search=t)),
    }
    for term in SEARCH_TERMS + tuple(v.text for v in CORPUS):
        for name, listing in listings.items():
            try:
                assert isinstance(listing(term), list)
            except Exception as exc:  # the failure names the term and the list
                raise AssertionError(f"{name}: {term[:30]!r}") from exc


def test_wildcards_and_sql_in_a_search_match_only_themselves(context: AppContext) -> None:
    services = context.services
    percent = factories.enterprise(services, name="甲%乙新材料有限公司")
    underscore = factories.enterprise(services, name="甲_丙新材料有限公司")
    plain = factories.enterprise(services, name="甲乙新材料有限公司")
    sql = factories.enterprise(services, name="丁 ' OR 1=1 -- 新材料有限公司")

    def found(term: str) -> set[uuid.UUID]:
        return {row.id for row in services.enterprises.list_enterprises(EnterpriseFilter(term))}

    everyone = {percent.id, underscore.id, plain.id, sql.id}
    assert found("甲%") == {percent.id}  # one Chinese character: LIKE, with % escaped
    assert found("甲_") == {underscore.id}
    assert found("甲") == {percent.id, underscore.id, plain.id}
    assert found("' OR 1=1 --") == {sql.id}
    assert found("%") == set() and found("_") == set()
    assert found('" OR "" = "') <= everyone  # FTS syntax is only text
    assert found("新材料 NOT 甲乙") == set()  # NOT is a word here, not an operator
    assert services.enterprises.list_enterprises() and len(found("新材料")) == 4


# -- who may read the audit trail; who may change reference data ------------------------------


def test_only_supervisors_and_administrators_read_the_audit_trail(
    context: AppContext, case: Any, tmp_path: Path
) -> None:
    officer = services_as(context, Role.OFFICER, case.row.officer_id)
    calls = [
        lambda: officer.audit.list_entries(),
        lambda: list(officer.audit.entry_keys()),
        lambda: officer.audit.entry_rows(["0" * 32]),
        lambda: officer.audit.get_entry(1),
        lambda: officer.audit.verify(),
        lambda: officer.audit.export(tmp_path / "审计.xlsx"),
        lambda: officer.audit.check_access(),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError) as caught:
            call()
        assert_clear(caught.value, "审计记录", "科员/经办人", "科长/负责人")
    assert not (tmp_path / "审计.xlsx").exists()
    for role in (Role.SUPERVISOR, Role.ADMIN):
        allowed = services_as(context, role)
        assert allowed.audit.list_entries(AuditFilter(action=AuditAction.CREATE))
        assert allowed.audit.verify().ok


def test_only_administrators_change_reference_data(context: AppContext, case: Any) -> None:
    before = snapshot(context.paths.database)
    for role in (Role.OFFICER, Role.SUPERVISOR):
        services = services_as(context, role, case.row.officer_id)
        with pytest.raises(PermissionDeniedError) as caught:
            services.reference.add_officer(OfficerInput("王五"))
        assert_clear(caught.value, "基础数据", "管理员")
    assert snapshot(context.paths.database) == before
    assert (
        services_as(context, Role.ADMIN).reference.add_officer(OfficerInput("王五")).name == "王五"
    )
