"""The catalogue of messages shown to officers, in Chinese and English.

Messages are keyed by a stable code; parameters are filled with
``str.format``. Chinese is the default language of the program.
"""

from __future__ import annotations

from typing import Any

from firstbatch_desk.domain.sync_messages import SYNC_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    # credit code
    "credit_code.empty": (
        "请输入统一社会信用代码。",
        "Please enter the unified social credit code.",
    ),
    "credit_code.length": (
        "统一社会信用代码应为 18 位，现在是 {length} 位。",
        "A unified social credit code has 18 characters; this one has {length}.",
    ),
    "credit_code.bad_char": (
        "第 {position} 位“{char}”不是统一社会信用代码允许的字符"
        "（只能是数字和除 I、O、Z、S、V 以外的大写字母）。",
        "Character {position} \u201c{char}\u201d is not allowed in a credit code "
        "(digits and capital letters except I, O, Z, S, V).",
    ),
    "credit_code.check": (
        "第 18 位校验码是“{actual}”，按前 17 位计算应为“{expected}”，请核对。",
        "Check character (position 18) is \u201c{actual}\u201d but the first 17 "
        "characters give \u201c{expected}\u201d.",
    ),
    # generic field rules
    "field.required": ("“{label}”不能为空。", "\u201c{label}\u201d is required."),
    "field.too_long": (
        "“{label}”太长：最多 {limit} 个字，现在 {length} 个。",
        "\u201c{label}\u201d is too long: at most {limit} characters, got {length}.",
    ),
    "field.bad_chars": (
        "“{label}”含有不可见的控制字符，请删除后再保存。",
        "\u201c{label}\u201d contains invisible control characters.",
    ),
    "field.range": (
        "“{label}”应在 {low} 到 {high} 之间。",
        "\u201c{label}\u201d must be between {low} and {high}.",
    ),
    "field.negative": ("“{label}”不能为负数。", "\u201c{label}\u201d cannot be negative."),
    "field.bad_number": (
        "“{label}”不是有效的数字：{value}",
        "\u201c{label}\u201d is not a valid number: {value}",
    ),
    "field.bad_date": (
        "“{label}”不是有效日期：{value}（格式 2024-09-30）",
        "\u201c{label}\u201d is not a valid date: {value} (use 2024-09-30)",
    ),
    "field.date_range": (
        "日期不合理：“{label}”只能在 {low} 到 {high} 之间。",
        "Unlikely date: \u201c{label}\u201d must lie between {low} and {high}.",
    ),
    "field.date_order": (
        "“{later}”不能早于“{earlier}”。",
        "\u201c{later}\u201d cannot be before \u201c{earlier}\u201d.",
    ),
    "field.bad_choice": (
        "“{label}”的取值“{value}”无效。",
        "\u201c{value}\u201d is not a valid \u201c{label}\u201d.",
    ),
    "field.unknown_ref": (
        "“{label}”中的“{value}”不在参考数据中。",
        "\u201c{value}\u201d is not known for \u201c{label}\u201d.",
    ),
    "field.bad_phone": (
        "电话号码“{value}”格式不对（手机 11 位，或带区号的座机）。",
        "Phone number \u201c{value}\u201d is malformed.",
    ),
    "field.bad_email": (
        "邮箱“{value}”格式不对。",
        "E-mail address \u201c{value}\u201d is malformed.",
    ),
    # domain rules
    "recognition.tier_scheme": (
        "“{tier}”档次不能用于“{scheme}”。",
        "Tier \u201c{tier}\u201d does not fit scheme \u201c{scheme}\u201d.",
    ),
    "visit.no_cases": (
        "走访记录至少要关联一个跟踪档案。",
        "A visit must cover at least one case.",
    ),
    "visit.case_enterprise": (
        "档案 {case_no} 不属于所选企业。",
        "Case {case_no} does not belong to the chosen enterprise.",
    ),
    "case.duplicate_product": (
        "该产品已有跟踪档案 {case_no}。",
        "This product already has case {case_no}.",
    ),
    # duplicates and lookups
    "enterprise.duplicate_code": (
        "统一社会信用代码 {code} 已登记为“{name}”。",
        "Credit code {code} is already registered to \u201c{name}\u201d.",
    ),
    "enterprise.duplicate_deleted": (
        "统一社会信用代码 {code} 属于已删除的企业“{name}”，请恢复该企业。",
        "Credit code {code} belongs to the deleted enterprise \u201c{name}\u201d; restore it.",
    ),
    "record.not_found": (
        "找不到{entity}（{id}），可能已被删除。",
        "{entity} {id} was not found; it may have been deleted.",
    ),
    "record.in_use": (
        "{entity}仍有 {count} 条{children}，请先处理。",
        "{entity} still has {count} {children}.",
    ),
    # need workflow
    "need.transition": (
        "问题诉求处于“{state}”，不能执行“{action}”。可以：{allowed}。",
        "A need in state \u201c{state}\u201d cannot be \u201c{action}\u201d. Allowed: {allowed}.",
    ),
    "need.note_required": (
        "“{action}”需要填写说明。",
        "\u201c{action}\u201d needs a note.",
    ),
    "need.extension_date": (
        "延期后的期限必须晚于原期限 {due}。",
        "The extended deadline must be after the current one, {due}.",
    ),
    "need.satisfaction_required": (
        "回访需要填写满意度。",
        "A return visit needs a satisfaction rating.",
    ),
    # storage
    "storage.not_sqlite": (
        "“{path}”不是 FirstBatch Desk 数据库（文件已损坏或是其他文件），未做任何改动。",
        "\u201c{path}\u201d is not a FirstBatch Desk database (damaged or another "
        "kind of file); it was left untouched.",
    ),
    "storage.damaged": (
        "数据库“{path}”已损坏：{detail}。文件未做改动，请从备份恢复。",
        "The database \u201c{path}\u201d is damaged: {detail}. It was left untouched; "
        "restore a backup.",
    ),
    "storage.newer_schema": (
        "数据库“{path}”由更新版本的 FirstBatch Desk 创建（结构版本 {revision}），"
        "本程序不能打开它。请升级程序。",
        "The database \u201c{path}\u201d was made by a newer FirstBatch Desk "
        "(schema {revision}); this version cannot open it. Please upgrade.",
    ),
    "storage.dir_missing": (
        "数据目录“{path}”不存在，且无法创建：{detail}",
        "The data directory \u201c{path}\u201d does not exist and cannot be created: {detail}",
    ),
    "storage.dir_readonly": (
        "数据目录“{path}”不可写，请换一个目录或修改权限。",
        "The data directory \u201c{path}\u201d is not writable.",
    ),
    "storage.no_database": (
        "数据目录“{path}”中还没有数据库（新建：firstbatch-desk demo --data-dir 目录）。",
        "There is no database in \u201c{path}\u201d yet "
        "(make one: firstbatch-desk demo --data-dir DIR).",
    ),
    "storage.demo_not_empty": (
        "“{path}”中已有数据，演示数据只写入新的数据目录。",
        "\u201c{path}\u201d already holds data; demo data only goes into a new data directory.",
    ),
    "storage.locked": (
        "数据库正被其他程序占用，请稍后再试。",
        "The database is busy in another program; try again shortly.",
    ),
    "storage.disk_full": (
        "磁盘空间不足，本次修改未保存。",
        "The disk is full; this change was not saved.",
    ),
    # reports
    "report.font_missing": (
        "找不到报表字体文件“{path}”，请在设置中重新选择字体。",
        "The report font \u201c{path}\u201d was not found; choose a font again in the settings.",
    ),
    "report.font_no_chinese": (
        "字体“{path}”不含中文字符，报表会印成空白方框；请在设置中另选字体。",
        "The font \u201c{path}\u201d has no Chinese characters; reports would print empty "
        "boxes. Choose another font in the settings.",
    ),
    "report.font_not_truetype": (
        "字体“{path}”不是 TrueType 轮廓字体（CFF/OpenType 轮廓无法嵌入 PDF），"
        "请选择 .ttf 或 .ttc 字体，例如宋体、仿宋。",
        "The font \u201c{path}\u201d has no TrueType outlines (CFF/OpenType outlines "
        "cannot be embedded in a PDF); choose a .ttf or .ttc font.",
    ),
    "report.font_unusable": (
        "字体“{path}”无法用于报表：{detail}",
        "The font \u201c{path}\u201d cannot be used for reports: {detail}",
    ),
    "report.font_no_embedding": (
        "字体“{path}”的授权不允许嵌入 PDF，请选择其他字体。",
        "The licence of the font \u201c{path}\u201d does not allow embedding it in a PDF; "
        "choose another font.",
    ),
    "report.cancelled": ("已取消生成报表。", "Report generation was cancelled."),
    "report.write_failed": (
        "无法写入报表文件“{path}”：{detail}",
        "The report \u201c{path}\u201d could not be written: {detail}",
    ),
    # drafts and the visit form
    "visit.need_case_not_covered": (
        "诉求“{title}”关联的档案不在本次走访涉及的档案中：请勾选该档案，或修改诉求。",
        "The need “{title}” belongs to a case this visit does not cover: tick the "
        "case or change the need.",
    ),
    "need.future_step": (
        "办理日期不能晚于今天。",
        "The date of a step cannot be after today.",
    ),
    "need.step_too_early": (
        "办理日期不能早于上一步的日期（{previous}）。",
        "A step cannot be dated before the step before it ({previous}).",
    ),
    "visit.future_date": (
        "走访日期不能晚于今天：走访记录记的是已经进行的走访。",
        "The visit date cannot be after today: a visit record is of a visit made.",
    ),
    "draft.too_large": (
        "草稿太大（超过 {limit} 个字符），无法保存，请删减后再试。",
        "The draft is too large (over {limit} characters) to keep; please shorten it.",
    ),
    # holiday calendar
    "calendar.not_json": (
        "节假日文件不是有效的 JSON：第 {line} 行第 {column} 列附近有错"
        "（常见原因：漏了或多了逗号，引号不是英文半角引号）。",
        "The holiday file is not valid JSON: error near line {line}, column {column} "
        "(often a missing or extra comma, or curly quotes).",
    ),
    "calendar.not_calendar": (
        "这不是节假日文件：最外层应是 {{ … }}，并含有“years”（各年份的安排）。",
        "This is not a holiday file: it must be a JSON object {{ … }} with \u201cyears\u201d.",
    ),
    "calendar.duplicate_key": (
        "节假日文件中同一处的“{key}”出现了两次，请合并或删去一处。",
        "\u201c{key}\u201d appears twice in the same place of the holiday file.",
    ),
    "calendar.unknown_top_key": (
        "节假日文件中有不认识的项“{key}”（最外层只能有：{allowed}）。",
        "The holiday file has an unknown entry \u201c{key}\u201d (allowed: {allowed}).",
    ),
    "calendar.unknown_key": (
        "节假日文件“{where}”中有不认识的项“{key}”（可用的项：{allowed}），请检查拼写。",
        "Unknown entry \u201c{key}\u201d at \u201c{where}\u201d of the holiday file "
        "(allowed: {allowed}); check the spelling.",
    ),
    "calendar.format": (
        "节假日文件的格式版本“{version}”不受支持，本程序只认识版本 {supported}。",
        "Holiday file format \u201c{version}\u201d is not supported; this program reads "
        "version {supported}.",
    ),
    "calendar.need_table": (
        "节假日文件“{where}”处应为 {{ … }}（名称与值的表）。",
        "The holiday file needs an object {{ … }} at \u201c{where}\u201d.",
    ),
    "calendar.need_list": (
        "节假日文件“{where}”处应为列表 [ … ]。",
        "The holiday file needs a list [ … ] at \u201c{where}\u201d.",
    ),
    "calendar.need_text": (
        "节假日文件“{where}”处缺少内容，或不是加引号的文字。",
        "The holiday file needs quoted text at \u201c{where}\u201d.",
    ),
    "calendar.need_flag": (
        "节假日文件“{where}”处应为 true 或 false。",
        "The holiday file needs true or false at \u201c{where}\u201d.",
    ),
    "calendar.bad_year": (
        "节假日文件中的年份“{year}”不是四位数的年份。",
        "\u201c{year}\u201d in the holiday file is not a four-digit year.",
    ),
    "calendar.no_years": (
        "节假日文件中一个年份也没有。",
        "The holiday file lists no year.",
    ),
    "calendar.empty_year": (
        "节假日文件中 {year} 年没有列出任何节日。",
        "Year {year} of the holiday file lists no holiday.",
    ),
    "calendar.bad_date": (
        "{year} 年“{name}”中的“{value}”不是有效日期（应写成 2026-02-16 这样的格式）。",
        "\u201c{value}\u201d under {year} \u201c{name}\u201d is not a valid date "
        "(write dates like 2026-02-16).",
    ),
    "calendar.wrong_year": (
        "{year} 年“{name}”中的日期 {day} 不在 {year} 年内，请放到它所在的年份下。",
        "The date {day} under {year} \u201c{name}\u201d is not in {year}; list it under "
        "its own year.",
    ),
    "calendar.order": (
        "{year} 年“{name}”的放假开始日 {first} 晚于结束日 {last}。",
        "{year} \u201c{name}\u201d: the first day off {first} is after the last {last}.",
    ),
    "calendar.too_long": (
        "{year} 年“{name}”放假 {days} 天（{first} 至 {last}），超过 {limit} 天，请核对日期。",
        "{year} \u201c{name}\u201d would be {days} days off ({first} to {last}), more than "
        "{limit}; check the dates.",
    ),
    "calendar.not_weekend": (
        "{year} 年“{name}”的调休上班日 {day} 不是星期六或星期日"
        "（平日本来就上班，不用列为调休上班日）。",
        "{year} \u201c{name}\u201d: the adjusted working day {day} is not a Saturday or "
        "Sunday (weekdays are working days anyway).",
    ),
    "calendar.twice": (
        "{day} 被列了两次（“{first}”和“{second}”），请删去重复的一处。",
        "{day} is listed twice (\u201c{first}\u201d and \u201c{second}\u201d); remove one.",
    ),
    "calendar.both": (
        "{day} 既是“{holiday}”的放假日，又是“{workday}”的调休上班日，只能是其中一种。",
        "{day} is both a day off for \u201c{holiday}\u201d and an adjusted working day "
        "for \u201c{workday}\u201d; it can only be one.",
    ),
    "calendar.unreadable": (
        "无法读取节假日文件“{path}”：{detail}",
        "The holiday file \u201c{path}\u201d cannot be read: {detail}",
    ),
    "calendar.not_utf8": (
        "节假日文件“{path}”不是 UTF-8 编码，请在编辑器中以 UTF-8 编码另存后再试。",
        "The holiday file \u201c{path}\u201d is not UTF-8; save it as UTF-8 and try again.",
    ),
    "calendar.override_invalid": (
        "数据目录中的节假日文件“{path}”有误，已改用程序自带的节假日安排。{detail}",
        "The holiday file \u201c{path}\u201d in the data directory is wrong; the shipped "
        "holiday calendar is used instead. {detail}",
    ),
    # attachments
    "attachment.name_empty": (
        "附件的文件名不能为空。",
        "The attachment's file name is empty.",
    ),
    "attachment.name_encoding": (
        "文件名中有无法识别的字符（多半是编码问题），请把文件改名后再添加。",
        "The file name holds characters that cannot be read (an encoding problem); "
        "rename the file and add it again.",
    ),
    "attachment.name_invisible": (
        "文件名第 {position} 个字符（U+{codepoint}）是看不见的控制字符、方向标记或零宽字符，"
        "请把文件改名后再添加。",
        "Character {position} of the file name (U+{codepoint}) is an invisible control, "
        "direction or zero-width character; rename the file and add it again.",
    ),
    "attachment.name_separator": (
        "文件名“{name}”中含有路径分隔符“/”或“\\”，请把文件改名后再添加。",
        "The file name \u201c{name}\u201d contains a path separator (/ or \\); "
        "rename the file and add it again.",
    ),
    "attachment.name_dots": (
        "文件名不能只由点或空格组成，请把文件改名后再添加。",
        "A file name cannot consist only of dots or spaces; rename the file and add it again.",
    ),
    "attachment.name_too_long": (
        "文件名太长：最多 {limit} 个字，现在 {length} 个，请把文件改名后再添加。",
        "The file name is too long: at most {limit} characters, got {length}.",
    ),
    "attachment.missing": (
        "找不到文件“{name}”，它可能已被移动或删除，未添加。",
        "The file \u201c{name}\u201d was not found (moved or deleted?); nothing was added.",
    ),
    "attachment.not_a_file": (
        "“{name}”是文件夹或特殊文件，不能作为附件，未添加。",
        "\u201c{name}\u201d is a folder or a special file, not an attachment; nothing was added.",
    ),
    "attachment.unreadable": (
        "无法读取文件“{name}”（没有读取权限，或正被其他程序占用），未添加：{detail}",
        "The file \u201c{name}\u201d cannot be read (no permission, or in use by another "
        "program); nothing was added: {detail}",
    ),
    "attachment.empty": (
        "文件“{name}”是空的（0 字节），未添加。",
        "The file \u201c{name}\u201d is empty (0 bytes); nothing was added.",
    ),
    "attachment.too_big": (
        "文件“{name}”有 {size}，超过附件上限 {limit}，未添加。",
        "The file \u201c{name}\u201d is {size}, over the attachment limit of {limit}; "
        "nothing was added.",
    ),
    "attachment.bad_image": (
        "图片已损坏或格式不受支持：“{name}”，未添加。",
        "The picture \u201c{name}\u201d is damaged or in an unsupported format; nothing was added.",
    ),
    "attachment.image_too_large": (
        "图片“{name}”的像素数过多，超过安全上限（可能是损坏或恶意的文件），未添加。",
        "The picture \u201c{name}\u201d has too many pixels to open safely (a damaged or "
        "malicious file?); nothing was added.",
    ),
    "attachment.store_failed": (
        "无法把附件保存到附件目录“{path}”：{detail}",
        "The attachment could not be saved in the attachment folder \u201c{path}\u201d: {detail}",
    ),
    "attachment.no_store": (
        "找不到附件目录（数据库不是数据目录中的文件），附件未保存。",
        "There is no attachment folder (the database is not a file in a data directory); "
        "the attachment was not saved.",
    ),
    "attachment.not_stored": (
        "附件“{name}”的文件不在附件目录中，请重新添加该文件。",
        "The file of the attachment \u201c{name}\u201d is not in the attachment folder; "
        "add the file again.",
    ),
    "attachment.file_missing": (
        "附件“{name}”的文件在附件目录中找不到（可能被删除，或尚未从其他电脑同步过来）。",
        "The file of the attachment \u201c{name}\u201d is missing from the attachment folder "
        "(deleted, or not yet synced from another computer).",
    ),
    "attachment.file_damaged": (
        "附件“{name}”的文件已损坏（大小与记录不符），请重新添加该文件。",
        "The file of the attachment \u201c{name}\u201d is damaged (its size does not match); "
        "add the file again.",
    ),
    # import planning and committing
    "import.missing_column": (
        "没有对应“{columns}”的列，请在列对应中指定。",
        "No column holds “{columns}”; please choose it in the column mapping.",
    ),
    "import.row_failed": (
        "第 {row} 行无法导入：{detail}（未写入任何数据）",
        "Row {row} cannot be imported: {detail} (nothing was written)",
    ),
    "import.not_ready": (
        "还有 {errors} 行错误、{decisions} 行待确认，处理后才能导入；未写入任何数据。",
        "{errors} line(s) have errors and {decisions} need a decision; nothing was written.",
    ),
    # export
    "export.is_folder": (
        "“{path}”是一个文件夹，请给出 .xlsx 文件名。",
        "\u201c{path}\u201d is a folder; give an .xlsx file name.",
    ),
    "export.not_xlsx": (
        "导出的台账是 Excel 工作簿，文件名应以 .xlsx 结尾：“{path}”。",
        "A ledger is exported as an Excel workbook; the file name must end in .xlsx: "
        "\u201c{path}\u201d.",
    ),
    "export.no_folder": (
        "无法导出到“{path}”：所在文件夹不存在。",
        "Cannot export to \u201c{path}\u201d: its folder does not exist.",
    ),
    "export.folder_readonly": (
        "无法在文件夹“{folder}”中写入文件（没有写入权限），请换一个文件夹。",
        "Files cannot be written in the folder \u201c{folder}\u201d (no permission); "
        "choose another folder.",
    ),
    "export.file_in_use": (
        "无法替换“{path}”：该文件可能正在 Excel 或 WPS 中打开，请关闭后再试。原文件未改动。",
        "\u201c{path}\u201d cannot be replaced: it may be open in Excel or WPS. Close it and "
        "try again; the old file was left as it was.",
    ),
    "export.disk_full": (
        "磁盘空间不足，台账“{path}”未导出。",
        "The disk is full; the ledger \u201c{path}\u201d was not exported.",
    ),
    "export.write_failed": (
        "无法写入台账文件“{path}”：{detail}",
        "The ledger \u201c{path}\u201d could not be written: {detail}",
    ),
    "export.cancelled": (
        "已取消导出，未写入任何文件。",
        "The export was cancelled; no file was written.",
    ),
    # import reading
    "import.missing": (
        "找不到文件“{name}”，它可能已被移动、改名或删除。",
        "The file \u201c{name}\u201d was not found; it may have been moved, renamed or deleted.",
    ),
    "import.unreadable": (
        "无法读取文件“{name}”（没有读取权限，或正被其他程序占用）：{detail}",
        "The file \u201c{name}\u201d cannot be read (no permission, or in use by another "
        "program): {detail}",
    ),
    "import.too_large": (
        "文件“{name}”有 {size}，超过导入上限 {limit}。请只把名单所在的工作表另存为"
        "一个新的 .xlsx 文件再导入。",
        "The file \u201c{name}\u201d is {size}, over the import limit of {limit}. Save only "
        "the sheet holding the list as a new .xlsx file and import that.",
    ),
    "import.empty_file": (
        "文件“{name}”是空的，没有任何内容。",
        "The file \u201c{name}\u201d is empty.",
    ),
    "import.not_spreadsheet": (
        "“{name}”不是 Excel 工作簿（.xlsx）或 CSV 文件，可能是 PDF、Word 文档、网页，"
        "或改了扩展名的其他文件。请在 Excel 或 WPS 中打开名单，另存为 .xlsx 后再导入。",
        "\u201c{name}\u201d is not an Excel workbook (.xlsx) or a CSV file; it may be a PDF, "
        "a Word document, a web page or another file renamed. Open the list in Excel or WPS, "
        "save it as .xlsx and import that.",
    ),
    "import.old_format": (
        "“{name}”是{kind}，本程序不能直接读取。请在 Excel 或 WPS 中打开它，"
        "“另存为”Excel 工作簿（.xlsx）后再导入。",
        "\u201c{name}\u201d is a file of the kind \u201c{kind}\u201d, which cannot be read "
        "directly. Open it in Excel or WPS, \u201cSave as\u201d an Excel workbook (.xlsx) "
        "and import that.",
    ),
    "import.encrypted": (
        "“{name}”设置了打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，"
        "取消文件密码后另存为 .xlsx，再导入。",
        "\u201c{name}\u201d is protected by a password (encrypted) and cannot be read. Open it "
        "in Excel or WPS with the password, remove the password, save it as .xlsx and "
        "import that.",
    ),
    "import.damaged": (
        "“{name}”已损坏或格式不完整，无法读取：{detail}。请在 Excel 或 WPS 中打开并另存后再试。",
        "\u201c{name}\u201d is damaged or incomplete and cannot be read: {detail}. Open it in "
        "Excel or WPS, save it again and retry.",
    ),
    "import.empty_sheet": (
        "“{name}”的工作表“{sheet}”是空的，没有任何内容。",
        "The worksheet \u201c{sheet}\u201d of \u201c{name}\u201d is empty.",
    ),
    "import.no_sheet": (
        "“{name}”中没有名为“{sheet}”的工作表。现有的工作表：{sheets}。",
        "\u201c{name}\u201d has no worksheet named \u201c{sheet}\u201d. Its worksheets: {sheets}.",
    ),
    "import.no_header": (
        "在“{name}”（工作表：{sheets}）的前 {rows} 行中找不到名单的表头。表头至少要有"
        "“企业名称”（或“申报单位”“单位名称”）和“产品名称”（或“材料名称”）两列，请检查表头的文字。",
        "No list header was found in the first {rows} rows of \u201c{name}\u201d (worksheets: "
        "{sheets}). The header needs at least an enterprise column (企业名称, 申报单位 or "
        "单位名称) and a product column (产品名称 or 材料名称); check the header's wording.",
    ),
    "import.no_header_csv": (
        "在“{name}”的前 {rows} 行中找不到名单的表头。表头至少要有“企业名称”"
        "（或“申报单位”“单位名称”）和“产品名称”（或“材料名称”）两列，请检查表头的文字。",
        "No list header was found in the first {rows} rows of \u201c{name}\u201d. The header "
        "needs at least an enterprise column (企业名称, 申报单位 or 单位名称) and a product "
        "column (产品名称 or 材料名称); check the header's wording.",
    ),
    "import.no_rows": (
        "“{name}”第 {row} 行是表头，但表头下面没有名单数据。",
        "Row {row} of \u201c{name}\u201d is the header, but no list rows follow it.",
    ),
    "import.cancelled": (
        "已取消导入，未读取或写入任何数据。",
        "The import was cancelled; nothing was read or written.",
    ),
    # single instance
    "storage.in_use": (
        "数据目录“{path}”正被另一个 FirstBatch Desk 使用（进程 {pid}，{host}）。"
        "请先关闭它，或选择其他数据目录。",
        "The data directory \u201c{path}\u201d is in use by another FirstBatch Desk "
        "(process {pid} on {host}). Close that one first, or choose another data directory.",
    ),
    # backups
    "backup.bad_reason": (
        "备份原因“{reason}”不可用：只能用小写英文字母和连字符（如 manual、daily），"
        "最多 {limit} 个字符。",
        "The backup reason \u201c{reason}\u201d cannot be used: lower-case letters and "
        "dashes only (such as manual, daily), at most {limit} characters.",
    ),
    "backup.verify_failed": (
        "备份“{path}”写好后核对未通过（{detail}），已删除这份备份；数据库本身未改动。",
        "The backup \u201c{path}\u201d failed its check after writing ({detail}); it was "
        "deleted. The database itself was not changed.",
    ),
    "backup.write_failed": (
        "无法写入备份文件夹“{path}”：{detail}。数据库未改动。",
        "Cannot write to the backup folder \u201c{path}\u201d: {detail}. The database "
        "was not changed.",
    ),
    "backup.disk_full": (
        "磁盘空间不足，备份或恢复没有完成；数据库未改动。",
        "The disk is full; the backup or restore was not completed. The database was not changed.",
    ),
    "backup.missing": (
        "找不到备份文件“{path}”。",
        "The backup file \u201c{path}\u201d was not found.",
    ),
    "backup.not_sqlite": (
        "“{path}”不是 FirstBatch Desk 的备份（不是数据库文件），没有恢复，未做任何改动。",
        "\u201c{path}\u201d is not a FirstBatch Desk backup (not a database file); nothing "
        "was restored or changed.",
    ),
    "backup.damaged": (
        "备份“{path}”已损坏（{detail}），没有恢复，未做任何改动。请选择另一份备份。",
        "The backup \u201c{path}\u201d is damaged ({detail}); nothing was restored or "
        "changed. Choose another backup.",
    ),
    "backup.not_firstbatch": (
        "“{path}”是数据库文件，但不是 FirstBatch Desk 的数据库，没有恢复，未做任何改动。",
        "\u201c{path}\u201d is a database, but not a FirstBatch Desk one; nothing was "
        "restored or changed.",
    ),
    "backup.newer_schema": (
        "备份“{path}”来自更新版本的 FirstBatch Desk（结构版本 {revision}），本程序不能恢复它，"
        "未做任何改动。请先升级程序。",
        "The backup \u201c{path}\u201d comes from a newer FirstBatch Desk (schema "
        "{revision}); this version cannot restore it and changed nothing. Upgrade first.",
    ),
    "backup.is_live": (
        "“{path}”就是正在使用的数据库，请选择备份文件夹中的一份备份。",
        "\u201c{path}\u201d is the database in use; choose a backup from the backup folder.",
    ),
    "backup.in_use": (
        "数据库“{path}”正在使用（程序还开着？），请先关闭程序再恢复。未做任何改动。",
        "The database \u201c{path}\u201d is in use (is the program still open?); close it "
        "before restoring. Nothing was changed.",
    ),
    "backup.restore_failed": (
        "恢复后的数据库未通过核对（{detail}）。恢复前的数据库已另存为“{aside}”。",
        "The restored database failed its check ({detail}). The database as it was "
        "before has been kept as \u201c{aside}\u201d.",
    ),
    "backup.problem_not_sqlite": ("不是数据库文件", "not a database file"),
    "backup.problem_no_record": ("没有核对记录", "no check record"),
    "backup.problem_changed": ("写好后被改动过", "changed since it was written"),
    # automatic backups, the restore dialog and a damaged database at start-up
    "backup.auto_failed": (
        "自动备份没有完成：{detail}",
        "The automatic backup was not completed: {detail}",
    ),
    "backup.counts": (
        "企业 {enterprises} 家、认定 {recognitions} 项、档案 {cases} 份、走访 {visits} 次、"
        "诉求 {needs} 项",
        "{enterprises} enterprises, {recognitions} recognitions, {cases} cases, "
        "{visits} visits, {needs} needs",
    ),
    "backup.counts_unknown": ("记录数不详", "record counts unknown"),
    "backup.restore_confirm": (
        "将用 {when} 的备份（{counts}）替换当前数据库。\n\n"
        "当前数据库会先另存到备份文件夹“{folder}”（文件名以 before-restore 结尾），"
        "不会删除，需要时可以再恢复它。恢复后程序重新打开数据，需要重新登录。\n\n确定恢复吗？",
        "The current database will be replaced by the backup of {when} ({counts}).\n\n"
        "The current database is first kept in the backup folder \u201c{folder}\u201d "
        "(its name ends in before-restore); nothing is deleted and it can be restored "
        "later. After the restore the program opens the data again and asks you to log "
        "in.\n\nRestore now?",
    ),
    "backup.restored": (
        "已用 {when} 的备份恢复数据库（{counts}）。",
        "The database was restored from the backup of {when} ({counts}).",
    ),
    "backup.kept_aside": (
        "恢复前的数据库已另存为“{path}”。",
        "The database as it was before has been kept as \u201c{path}\u201d.",
    ),
    "backup.kept_aside_raw": (
        "恢复前的数据库已损坏，已原样另存为“{path}”。",
        "The database as it was before was damaged; it has been kept byte for byte as "
        "\u201c{path}\u201d.",
    ),
    "backup.damaged_offer": (
        "最近一份完好的备份是 {when} 的备份（{counts}）。\n"
        "恢复它时，已损坏的数据库会原样另存到备份文件夹“{folder}”，不会删除。",
        "The newest good backup is the one of {when} ({counts}).\n"
        "Restoring it keeps the damaged database, byte for byte, in the backup folder "
        "\u201c{folder}\u201d; nothing is deleted.",
    ),
    "backup.no_good_backup": (
        "备份文件夹“{folder}”中没有完好的备份可以恢复。损坏的数据库未做任何改动，请联系管理员。",
        "The backup folder \u201c{folder}\u201d holds no good backup to restore. The "
        "damaged database was not changed; ask an administrator.",
    ),
    "backup.ask_admin": (
        "请管理员从备份恢复（文件 → 从备份恢复…）。",
        "Ask an administrator to restore a backup (File → Restore from Backup…).",
    ),
    # accounts
    "permission.denied": (
        "您的角色“{role}”不能{action}；这需要“{needed}”或更高的角色。",
        "Your role ({role}) may not {action}; that needs {needed} or higher.",
    ),
    "permission.not_own": (
        "您不能{action}：这条记录不是您负责的（“{role}”只能改本人负责的跟踪档案、"
        "走访记录和问题诉求）。",
        "You may not {action}: this record is not yours (the role {role} changes only "
        "its own cases, visits and needs).",
    ),
    "permission.no_officer": (
        "您的账户没有关联工作人员，不能{action}。请管理员在“账户”中为您关联工作人员。",
        "Your account is not linked to an officer, so you may not {action}. Ask an "
        "administrator to link one under Accounts.",
    ),
    "account.first_admin_exists": (
        "已经有账户了：首个管理员只能在还没有任何账户时创建。",
        "Accounts exist already: the first administrator is created only when there are none.",
    ),
    "account.username_taken": (
        "用户名“{username}”已被使用。",
        "The username \u201c{username}\u201d is taken.",
    ),
    "account.bad_username": (
        "用户名应为 {low}–{high} 个字符，只能包含文字、数字和 . _ - @。",
        "A username has {low} to {high} characters: letters, digits and . _ - @ only.",
    ),
    "account.unknown": ("用户名或密码不对。", "Wrong username or password."),
    "account.wrong_password": (
        "密码不对。再错 {left} 次，账户将锁定 {minutes} 分钟。",
        "Wrong password. {left} more wrong and the account is locked for {minutes} minutes.",
    ),
    "account.locked": (
        "账户“{username}”因连续 {attempts} 次密码错误已锁定，请在 {until} 之后再试。",
        "The account \u201c{username}\u201d is locked after {attempts} wrong passwords; "
        "try again after {until}.",
    ),
    "account.inactive": (
        "账户“{username}”已停用，请联系管理员。",
        "The account \u201c{username}\u201d is deactivated; ask an administrator.",
    ),
    "account.not_signed_in": (
        "现在以本机管理员身份运行，没有登录账户，没有可修改的密码。",
        "Running as this computer's administrator without an account: there is no "
        "password to change.",
    ),
    "account.last_admin": (
        "“{username}”是最后一个在用的管理员，不能停用或改为其他角色。",
        "\u201c{username}\u201d is the last active administrator and cannot be "
        "deactivated or given another role.",
    ),
    "account.self": (
        "不能停用自己正在使用的账户。",
        "You cannot deactivate the account you are using.",
    ),
    "account.officer_required": (
        "“{role}”账户须关联一名工作人员，才能知道哪些记录由其负责。",
        "A {role} account must be linked to an officer, so that its own records are known.",
    ),
    "account.officer_taken": (
        "工作人员“{officer}”已关联账户“{username}”。",
        "The officer \u201c{officer}\u201d is already linked to the account "
        "\u201c{username}\u201d.",
    ),
    "password.too_short": (
        "密码至少要 {minimum} 个字符。",
        "A password has at least {minimum} characters.",
    ),
    "password.all_digits": ("密码不能全是数字。", "A password cannot be digits only."),
    "password.is_username": ("密码不能与用户名相同。", "The password cannot be the username."),
    "password.same_as_old": (
        "新密码不能与原密码相同。",
        "The new password must differ from the old one.",
    ),
    "password.mismatch": ("两次输入的新密码不一致。", "The two new passwords differ."),
    # audit
    "audit.ok": ("审计记录完整：{count} 条", "The audit trail is intact: {count} entries"),
    "audit.content_changed": (
        "审计记录第 {seq} 条被改动过：它的哈希与内容不符。",
        "Audit entry {seq} has been changed: its hash does not match its content.",
    ),
    "audit.link_broken": (
        "审计记录第 {seq} 条的链接断开：它记下的前一条哈希与前一条记录不符。",
        "The chain is broken at audit entry {seq}: the hash it holds of the entry "
        "before does not match that entry.",
    ),
    "audit.entry_missing": (
        "审计记录第 {seq} 条缺失（已被删除）：下一条是第 {found} 条。",
        "Audit entry {seq} is missing (removed): the next entry is number {found}.",
    ),
    "audit.cancelled": (
        "已取消审计记录校验，未做任何改动。",
        "The audit check was cancelled; nothing was changed.",
    ),
    # bad input: invisible and broken characters
    "field.invisible_char": (
        "“{label}”的第 {position} 个字符（U+{codepoint}）是看不见的控制字符或文字方向标记，"
        "请删除后再保存。",
        "Character {position} of \u201c{label}\u201d (U+{codepoint}) is an invisible control "
        "or text-direction character; delete it and save again.",
    ),
    "field.broken_char": (
        "“{label}”的第 {position} 个字符已损坏（只有半个字符，多半是复制粘贴出错），"
        "请删除后重新输入。",
        "Character {position} of \u201c{label}\u201d is broken (half a character, usually "
        "from a failed copy and paste); delete it and type it again.",
    ),
    "need.future_raised": (
        "提出日期不能晚于今天：登记的是企业已经提出的诉求。",
        "The date raised cannot be after today: a need is recorded once the enterprise "
        "has raised it.",
    ),
}

MESSAGES.update(SYNC_MESSAGES)


def render(code: str, lang: str = "zh", /, **params: Any) -> str:
    """The message ``code`` in ``lang`` ("zh" or "en") with ``params`` filled in."""
    try:
        zh, en = MESSAGES[code]
    except KeyError:
        return f"{code}: {params}"
    template = en if lang.startswith("en") else zh
    return template.format(**params)
