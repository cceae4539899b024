<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../dialogs/about_dialog.py" line="17"/>
        <source>关于首批次跟踪服务台</source>
        <translation>About FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="21"/>
        <source>首批次跟踪服务台</source>
        <translation>FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="22"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="23"/>
        <source>为首批次新材料企业的跟踪服务而做：走访、诉求、案卷与报表。</source>
        <translation>For follow-up services to first-batch new-material enterprises: visits, needs, case files and reports.</translation>
    </message>
    <message>
        <location filename="../dialogs/about_dialog.py" line="24"/>
        <source>数据目录</source>
        <translation>Data directory</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <location filename="../dialogs/account_dialog.py" line="53"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;Password…</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="54"/>
        <source>账户(&amp;U)…</source>
        <translation>Acco&amp;unts…</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="55"/>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="83"/>
        <source>%1（本机管理员，未登录账户）</source>
        <translation>%1 (local administrator, no account)</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="84"/>
        <source>当前用户：</source>
        <translation>Signed in: </translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="116"/>
        <source>密码已修改。</source>
        <translation>The password was changed.</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <location filename="../dialogs/account_dialog.py" line="290"/>
        <source>（不关联）</source>
        <translation>(Not linked)</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="296"/>
        <source>新建账户</source>
        <translation>New Account</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="297"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="298"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="300"/>
        <source>更改角色 — %1</source>
        <translation>Change Role — %1</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="305"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="306"/>
        <source>工作人员</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="308"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="309"/>
        <source>再输一遍密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="310"/>
        <source>科员/经办人只能修改本人负责的记录，须关联一名工作人员。</source>
        <translation>An officer can change only their own records and must be linked to an officer.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../dialogs/account_dialog.py" line="135"/>
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="136"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="136"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="136"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="136"/>
        <source>工作人员</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="137"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="145"/>
        <source>新建账户…</source>
        <translation>New Account…</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="146"/>
        <source>更改角色…</source>
        <translation>Change Role…</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="147"/>
        <location filename="../dialogs/account_dialog.py" line="210"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="148"/>
        <source>重设密码…</source>
        <translation>Reset Password…</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="155"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="177"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="177"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="180"/>
        <source>锁定至 %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="210"/>
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="238"/>
        <source>停用账户“%1”？停用后不能再登录，已有记录不受影响。</source>
        <translation>Deactivate the account “%1”? It can no longer sign in; its records stay as they are.</translation>
    </message>
    <message>
        <location filename="../dialogs/account_dialog.py" line="240"/>
        <source>停用账户</source>
        <translation>Deactivate Account</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../widgets/attachment_panel.py" line="62"/>
        <source>添加附件…</source>
        <translation>Add Attachments…</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="64"/>
        <source>也可以把照片或文件拖到这里</source>
        <translation>You can also drag photos or files here</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="66"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="69"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="125"/>
        <source>添加附件</source>
        <translation>Add Attachments</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="126"/>
        <source>照片和文件 (*.jpg *.jpeg *.png *.webp *.pdf *.docx *.xlsx);;所有文件 (*)</source>
        <translation>Photos and files (*.jpg *.jpeg *.png *.webp *.pdf *.docx *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="201"/>
        <source>附件的文件已不在附件文件夹中，无法打开。</source>
        <translation>The attachment’s file is no longer in the attachments folder, so it cannot be opened.</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="211"/>
        <source>无法准备附件：%1</source>
        <translation>Cannot prepare the attachment: %1</translation>
    </message>
    <message>
        <location filename="../widgets/attachment_panel.py" line="215"/>
        <source>没有可以打开此类文件的程序。</source>
        <translation>No program is available to open this type of file.</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../dialogs/attachments_dialog.py" line="29"/>
        <source>附件 — %1</source>
        <translation>Attachments — %1</translation>
    </message>
    <message>
        <location filename="../dialogs/attachments_dialog.py" line="37"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>AttendeeTable</name>
    <message>
        <location filename="../widgets/attendee_table.py" line="44"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/attendee_table.py" line="44"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../widgets/attendee_table.py" line="56"/>
        <source>添加一行</source>
        <translation>Add Row</translation>
    </message>
    <message>
        <location filename="../widgets/attendee_table.py" line="59"/>
        <source>删除所选行</source>
        <translation>Remove Selected Rows</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../pages/audit_page.py" line="50"/>
        <source>搜索修改前后的值、记录编号、操作人（Ctrl+F）</source>
        <translation>Search values, record ids, who (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="51"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="52"/>
        <source>逐条重算哈希链，检查审计记录是否被改动或删除</source>
        <translation>Recompute the hash chain entry by entry to find changed or deleted entries</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="53"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="54"/>
        <source>按当前的筛选导出为 Excel（含哈希，可复核）</source>
        <translation>Export what the filters show to Excel (with the hashes, so it can be checked)</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="70"/>
        <location filename="../pages/audit_page.py" line="143"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="71"/>
        <location filename="../pages/audit_page.py" line="144"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="72"/>
        <location filename="../pages/audit_page.py" line="93"/>
        <location filename="../pages/audit_page.py" line="145"/>
        <source>操作人</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="73"/>
        <location filename="../pages/audit_page.py" line="146"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="74"/>
        <location filename="../pages/audit_page.py" line="147"/>
        <source>对象</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="75"/>
        <location filename="../pages/audit_page.py" line="148"/>
        <source>记录编号</source>
        <translation>Record id</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="76"/>
        <source>改动的字段</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="83"/>
        <source>全部对象</source>
        <translation>All entities</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="88"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="101"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="102"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="103"/>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="104"/>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="105"/>
        <source>自定义日期…</source>
        <translation>Custom dates…</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="149"/>
        <source>哈希</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="150"/>
        <source>前一条哈希</source>
        <translation>Previous hash</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="153"/>
        <location filename="../pages/audit_page.py" line="201"/>
        <source>审计记录</source>
        <translation>Audit Trail</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="159"/>
        <source>没有记下字段的值。</source>
        <translation>No field values were recorded.</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="160"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="160"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="160"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="163"/>
        <source>修改前后</source>
        <translation>Before and after</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="182"/>
        <source>正在校验审计记录……</source>
        <translation>Verifying the audit trail…</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="192"/>
        <source>最后一条的哈希：</source>
        <translation>Hash of the last entry: </translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="193"/>
        <source>审计记录校验</source>
        <translation>Audit Trail Check</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="201"/>
        <source>导出审计记录</source>
        <translation>Export Audit Trail</translation>
    </message>
    <message>
        <location filename="../pages/audit_page.py" line="204"/>
        <source>已导出 %1 条审计记录到 %2</source>
        <translation>Exported %1 audit entries to %2</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../auto_backup.py" line="97"/>
        <source>已自动备份：%1</source>
        <translation>Backed up automatically: %1</translation>
    </message>
    <message>
        <location filename="../auto_backup.py" line="104"/>
        <source>自动备份没有完成</source>
        <translation>Automatic backup not completed</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../models/backup_table_model.py" line="52"/>
        <source>手动备份</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="53"/>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="54"/>
        <source>退出时自动</source>
        <translation>On exit (automatic)</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="55"/>
        <source>恢复前另存</source>
        <translation>Kept before a restore</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="56"/>
        <source>升级前另存</source>
        <translation>Kept before an upgrade</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="78"/>
        <source>备份时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="79"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="80"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="81"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="82"/>
        <source>认定</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="83"/>
        <source>档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="84"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="85"/>
        <source>诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="86"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="135"/>
        <source>核对无误</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../models/backup_table_model.py" line="136"/>
        <source>未核对：</source>
        <translation>Not verified: </translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <location filename="../dialogs/case_dialog.py" line="25"/>
        <source>编辑档案</source>
        <translation>Edit Case</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="25"/>
        <source>新建档案</source>
        <translation>New Case</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="30"/>
        <source>（不关联）</source>
        <translation>(Not linked)</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="38"/>
        <source>（未指定）</source>
        <translation>(Unassigned)</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="45"/>
        <source>默认今天</source>
        <translation>Defaults to today</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="48"/>
        <source>认定记录</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="49"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="50"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="51"/>
        <source>建档日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../dialogs/case_dialog.py" line="52"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../pages/cases_page.py" line="50"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="51"/>
        <location filename="../pages/cases_page.py" line="118"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="52"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="53"/>
        <location filename="../pages/cases_page.py" line="121"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="54"/>
        <location filename="../pages/cases_page.py" line="122"/>
        <location filename="../pages/cases_page.py" line="150"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="55"/>
        <location filename="../pages/cases_page.py" line="124"/>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="56"/>
        <location filename="../pages/cases_page.py" line="125"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="62"/>
        <source>全部负责人</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="67"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="71"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="123"/>
        <source>建档日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="126"/>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="127"/>
        <source>未办结诉求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="128"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="131"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="134"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="135"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="136"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="137"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="143"/>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="145"/>
        <source>问题诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="148"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="149"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="151"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="157"/>
        <source>暂无诉求</source>
        <translation>No needs yet</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="186"/>
        <source>删除档案 %1？可用 Ctrl+Z 撤销。</source>
        <translation>Delete case %1? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="185"/>
        <source>删除档案</source>
        <translation>Delete Case</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="39"/>
        <source>打印案卷</source>
        <translation>Print case file</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="42"/>
        <source>记录走访</source>
        <translation>Record Visit</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="44"/>
        <source>为所选档案记录一次走访（Ctrl+R）</source>
        <translation>Record a visit for the selected case (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="187"/>
        <source>删除档案 %1</source>
        <translation>Delete case %1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="52"/>
        <source>同步冲突</source>
        <translation>Sync Conflicts</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="55"/>
        <source>本机和总库改了同一处。记录现在用的是较新的值（绿底），另一个值保留在这里。请逐项选择保留哪一个；选定的值会作为一次修改，下次同步时发到总库。</source>
        <translation>This computer and the hub changed the same field. The record now holds the newer value (green); the other is kept here. Choose which to keep for each: the chosen value is saved as a change and goes to the hub with the next sync.</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="65"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="66"/>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="67"/>
        <location filename="../dialogs/conflicts_dialog.py" line="146"/>
        <source>本机的值</source>
        <translation>This computer&apos;s value</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="68"/>
        <location filename="../dialogs/conflicts_dialog.py" line="146"/>
        <source>总库的值</source>
        <translation>Hub&apos;s value</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="69"/>
        <source>现在使用</source>
        <translation>In use now</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="70"/>
        <source>处理</source>
        <translation>Settle</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="85"/>
        <source>也显示已处理的</source>
        <translation>Show settled ones too</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="90"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="123"/>
        <source>未处理的冲突 %1 处</source>
        <translation>Open conflicts: %1</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="125"/>
        <source>没有未处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="132"/>
        <source>发现于 %1</source>
        <translation>Found %1</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="152"/>
        <source>已保留本机的值</source>
        <translation>Kept this computer&apos;s value</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="154"/>
        <source>已采用总库的值</source>
        <translation>Took the hub&apos;s value</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="170"/>
        <source>（%1 修改）</source>
        <translation>(changed by %1)</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="184"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="186"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="186"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="193"/>
        <source>保留本机</source>
        <translation>Keep Mine</translation>
    </message>
    <message>
        <location filename="../dialogs/conflicts_dialog.py" line="196"/>
        <source>采用总库</source>
        <translation>Take Hub&apos;s</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="33"/>
        <source>未完成的草稿</source>
        <translation>Unfinished Drafts</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="38"/>
        <source>修改走访</source>
        <translation>Edited visit</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="38"/>
        <source>新走访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="44"/>
        <source>继续填写</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="48"/>
        <source>丢弃所选草稿</source>
        <translation>Discard Selected Draft</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="54"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="57"/>
        <source>这些表单还没有保存，内容都在：</source>
        <translation>These forms have not been saved yet; what was entered is kept here:</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="74"/>
        <source>丢弃草稿</source>
        <translation>Discard Draft</translation>
    </message>
    <message>
        <location filename="../dialogs/drafts_dialog.py" line="74"/>
        <source>丢弃草稿“%1”？</source>
        <translation>Discard the draft “%1”?</translation>
    </message>
</context>
<context>
    <name>EnterpriseEditDialog</name>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="43"/>
        <source>编辑企业</source>
        <translation>Edit Enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="43"/>
        <source>新建企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="59"/>
        <source>规上企业</source>
        <translation>Above-scale enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="60"/>
        <source>专精特新</source>
        <translation>Specialised SME</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="61"/>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="65"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="65"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="65"/>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="84"/>
        <source>（未选择）</source>
        <translation>(Not selected)</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="87"/>
        <source>（无）</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="92"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="93"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="94"/>
        <source>曾用名</source>
        <translation>Former names</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="95"/>
        <source>所在区县</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="96"/>
        <source>开发区</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="97"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="98"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="99"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="106"/>
        <source>企业标识</source>
        <translation>Designations</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="112"/>
        <source>添加联系人</source>
        <translation>Add Contact</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="113"/>
        <source>删除联系人</source>
        <translation>Remove Contact</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="120"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="121"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="205"/>
        <source>打开已有企业</source>
        <translation>Open the existing enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/enterprise_dialog.py" line="205"/>
        <source>恢复并打开该企业</source>
        <translation>Restore and open that enterprise</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../pages/enterprises_page.py" line="41"/>
        <source>新建企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="42"/>
        <source>新增产品</source>
        <translation>Add Product</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="44"/>
        <source>新增认定</source>
        <translation>Add Recognition</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="54"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="55"/>
        <location filename="../pages/enterprises_page.py" line="146"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="56"/>
        <source>区县</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="57"/>
        <source>开发区</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="59"/>
        <location filename="../pages/enterprises_page.py" line="92"/>
        <source>规上</source>
        <translation>Above-scale</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="66"/>
        <location filename="../pages/enterprises_page.py" line="93"/>
        <location filename="../pages/enterprises_page.py" line="137"/>
        <source>专精特新</source>
        <translation>Specialised SME</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="73"/>
        <location filename="../pages/enterprises_page.py" line="94"/>
        <source>高企</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="84"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="89"/>
        <source>全部开发区</source>
        <translation>All development zones</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="136"/>
        <source>规上企业</source>
        <translation>Above-scale enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="138"/>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="147"/>
        <source>曾用名</source>
        <translation>Former names</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="149"/>
        <source>区县 / 开发区</source>
        <translation>Division / Development zone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="152"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="153"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="154"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="155"/>
        <source>企业标识</source>
        <translation>Designations</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="158"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="161"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="162"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="163"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="164"/>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="167"/>
        <source>暂无联系人</source>
        <translation>No contacts</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="175"/>
        <source>产品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="176"/>
        <source>型号规格</source>
        <translation>Model / specification</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="177"/>
        <source>应用领域</source>
        <translation>Application field</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="178"/>
        <source>认定数</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="184"/>
        <source>暂无产品</source>
        <translation>No products</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="191"/>
        <source>认定情况</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="194"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="195"/>
        <location filename="../pages/enterprises_page.py" line="262"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="196"/>
        <source>档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="172"/>
        <location filename="../pages/enterprises_page.py" line="197"/>
        <location filename="../pages/enterprises_page.py" line="221"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="40"/>
        <source>打印企业案卷</source>
        <translation>Print enterprise file</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="198"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="199"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="212"/>
        <source>暂无认定</source>
        <translation>No recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="217"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="220"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="222"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="223"/>
        <location filename="../pages/enterprises_page.py" line="264"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="224"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="236"/>
        <source>暂无档案</source>
        <translation>No cases</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="241"/>
        <source>最近走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="244"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="245"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="246"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="247"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="253"/>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="258"/>
        <source>未办结诉求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="261"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="263"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="265"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="277"/>
        <source>暂无未办结诉求</source>
        <translation>No open needs</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="312"/>
        <source>删除企业“%1”及其产品、认定和档案？可用 Ctrl+Z 撤销。</source>
        <translation>Delete enterprise “%1” with its products, recognitions and cases? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="311"/>
        <source>删除企业</source>
        <translation>Delete Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="313"/>
        <source>删除企业“%1”</source>
        <translation>Delete enterprise “%1”</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="322"/>
        <source>请选择企业</source>
        <translation>Select an Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="322"/>
        <source>请先在列表中选择一家企业。</source>
        <translation>Please select an enterprise in the list first.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../dialogs/login_dialog.py" line="146"/>
        <source>创建管理员 — 首批次跟踪服务台</source>
        <translation>Create the Administrator — FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="149"/>
        <source>这是第一次启动。请为管理员创建账户：以后每次启动都要用它登录，管理员还可以为科员和科长建立账户。</source>
        <translation>This is the first start. Create the administrator&apos;s account: you will sign in with it at every start, and the administrator can create accounts for officers and supervisors.</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="164"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="165"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="166"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="167"/>
        <source>再输一遍密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="168"/>
        <source>密码至少 8 个字符，不能全是数字，不能与用户名相同。</source>
        <translation>At least 8 characters, not only digits, not the username.</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="172"/>
        <source>创建并登录</source>
        <translation>Create and Sign In</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/form_dialog.py" line="31"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../dialogs/form_dialog.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../dialogs/import_dialog.py" line="61"/>
        <source>导入认定名单</source>
        <translation>Import Recognition List</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="78"/>
        <source>（未选择文件）</source>
        <translation>(No file selected)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="80"/>
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="88"/>
        <source>（按表中的“认定类型”列）</source>
        <translation>(From the sheet’s “Scheme” column)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="94"/>
        <source>（按表中的“年度”列）</source>
        <translation>(From the sheet’s “Year” column)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="98"/>
        <source>表中没有文号时填写，如 浙经信材料〔2021〕197号</source>
        <translation>Fill in when the sheet has no document no., e.g. 浙经信材料〔2021〕197号</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="99"/>
        <source>只导入本市企业（地区不在本市的行跳过）</source>
        <translation>Import only enterprises in this city (rows whose division is outside the city are skipped)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="112"/>
        <source>名单文件</source>
        <translation>List file</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="113"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="114"/>
        <source>认定类型</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="115"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="116"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="122"/>
        <source>表中的列</source>
        <translation>Column in the sheet</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="122"/>
        <source>第一行的内容</source>
        <translation>Value in the first row</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="122"/>
        <source>对应为</source>
        <translation>Maps to</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="140"/>
        <source>全部行</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="151"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="161"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="181"/>
        <source>保存检查结果…</source>
        <translation>Save Check Results…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="184"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="187"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="207"/>
        <source>选择认定名单</source>
        <translation>Choose Recognition List</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="208"/>
        <source>Excel 或 CSV (*.xlsx *.xlsm *.csv);;所有文件 (*)</source>
        <translation>Excel or CSV (*.xlsx *.xlsm *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="233"/>
        <source>正在读取名单……</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="245"/>
        <source>%1 行数据。</source>
        <translation>%1 data rows.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="259"/>
        <source>（忽略）</source>
        <translation>(Ignore)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="295"/>
        <source>正在核对每一行……</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="330"/>
        <source>第 %1 行“%2”是库中哪家企业？</source>
        <translation>Which enterprise in the database is “%2” on row %1?</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="340"/>
        <source>都不是：新增为一家企业</source>
        <translation>None of these: add it as a new enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="357"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="368"/>
        <source>导入完成</source>
        <translation>Import Complete</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="369"/>
        <source>新增企业 %1 家、产品 %2 个、认定 %3 条，更新认定 %4 条，无变化 %5 行。</source>
        <translation>Added %1 enterprises, %2 products and %3 recognitions; updated %4 recognitions; %5 rows unchanged.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="383"/>
        <source>保存检查结果</source>
        <translation>Save Check Results</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="383"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="393"/>
        <source>已保存 %1 行到 %2</source>
        <translation>Saved %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../dialogs/import_dialog.py" line="433"/>
        <source>先处理错误和待确认的行</source>
        <translation>Resolve the rows with errors or needing a decision first</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <location filename="../models/import_plan_model.py" line="31"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="32"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="33"/>
        <source>产品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="34"/>
        <source>认定档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="35"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="36"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="37"/>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../models/import_plan_model.py" line="38"/>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../program_run.py" line="84"/>
        <source>节假日文件有误，已改用内置日历</source>
        <translation>The holiday file has errors; using the built-in calendar instead</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../pages/list_page.py" line="59"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="60"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="61"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="147"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="148"/>
        <source>按当前的筛选和排序导出为 Excel 台账</source>
        <translation>Export as an Excel ledger with the current filter and sort order</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="183"/>
        <source>导出台账</source>
        <translation>Export Ledger</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="157"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="168"/>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="186"/>
        <source>已导出 %1 条记录到 %2</source>
        <translation>Exported %1 records to %2</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="178"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="326"/>
        <source>共 %1 条</source>
        <translation>Records: %1</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="337"/>
        <source>没有符合条件的记录。</source>
        <translation>No records match.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../idle_lock.py" line="72"/>
        <source>已锁定 — 首批次跟踪服务台</source>
        <translation>Locked — FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="79"/>
        <source>程序已锁定</source>
        <translation>The program is locked</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="82"/>
        <source>%1（%2）已离开一段时间。输入密码继续；没有保存的内容都还在。</source>
        <translation>%1 (%2) has been away for a while. Enter the password to go on; nothing unsaved was lost.</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="94"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="98"/>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../dialogs/login_dialog.py" line="108"/>
        <source>登录 — 首批次跟踪服务台</source>
        <translation>Sign In — FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="113"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="114"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="116"/>
        <source>登录</source>
        <translation>Sign In</translation>
    </message>
    <message>
        <location filename="../dialogs/login_dialog.py" line="120"/>
        <source>演示数据：用户名 %1，密码 %2</source>
        <translation>Demo data: username %1, password %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>首批次跟踪服务台</source>
        <translation>FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="117"/>
        <source>数据目录：</source>
        <translation>Data folder: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <location filename="../main_window.py" line="475"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="87"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="83"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="84"/>
        <source>产品与认定</source>
        <translation>Products and Recognitions</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="86"/>
        <source>问题诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="88"/>
        <source>审计记录</source>
        <translation>Audit Trail</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="103"/>
        <source>正在打开数据……</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>从备份恢复(&amp;B)…</source>
        <translation>Restore from &amp;Backup…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>未完成的草稿(&amp;D)…</source>
        <translation>Unfinished &amp;Drafts…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>导入认定名单(&amp;I)…</source>
        <translation>&amp;Import Recognition List…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251"/>
        <location filename="../main_window.py" line="354"/>
        <source>撤销删除(&amp;U)</source>
        <translation>&amp;Undo Delete</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="346"/>
        <source>已撤销：</source>
        <translation>Undone: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354"/>
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431"/>
        <source>%1 份未完成的草稿</source>
        <translation>Unfinished drafts: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="483"/>
        <source>企业 %1 · 认定 %2 · 档案 %3 · 走访 %4 · 诉求 %5</source>
        <translation>Enterprises %1 · Recognitions %2 · Cases %3 · Visits %4 · Needs %5</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="505"/>
        <source>设置已保存；语言和报表字体在下次启动时生效。</source>
        <translation>Settings saved; the language and the report font apply from the next start.</translation>
    </message>
</context>
<context>
    <name>NeedActionDialog</name>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="46"/>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="58"/>
        <location filename="../dialogs/need_action_dialog.py" line="144"/>
        <source>办理日期</source>
        <translation>Action date</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="70"/>
        <source>此操作必须说明原因</source>
        <translation>This action requires a reason</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="71"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="81"/>
        <location filename="../dialogs/need_action_dialog.py" line="110"/>
        <source>（请选择）</source>
        <translation>(Please select)</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="87"/>
        <source>主办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="97"/>
        <source>须晚于当前期限 %1</source>
        <translation>Must be later than the current due date %1</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="100"/>
        <location filename="../dialogs/need_action_dialog.py" line="146"/>
        <source>延期至</source>
        <translation>Extended to</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="105"/>
        <source>向企业反馈的办理结果</source>
        <translation>The outcome reported back to the enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="106"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="117"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="118"/>
        <source>回访情况</source>
        <translation>Return visit result</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="130"/>
        <source>当前期限 %1。按规定应在期限前 1 个工作日（%2 前）申请延期。</source>
        <translation>Current due date: %1. The rules require an extension to be requested 1 working day before the due date (by %2).</translation>
    </message>
    <message>
        <location filename="../dialogs/need_action_dialog.py" line="136"/>
        <source>已过申请时限，请在说明中写明原因。</source>
        <translation> The time for requesting has passed; give the reason in the note.</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../dialogs/need_dialog.py" line="70"/>
        <source>编辑问题诉求</source>
        <translation>Edit Need</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="70"/>
        <source>新增问题诉求</source>
        <translation>Add Need</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="109"/>
        <source>一句话写明企业要解决什么，如：流动资金贷款对接</source>
        <translation>In one line, what the enterprise needs solved, e.g. working-capital loan matchmaking</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="125"/>
        <source>默认今天</source>
        <translation>Defaults to today</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="128"/>
        <source>（暂不指定）</source>
        <translation>(Not assigned yet)</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="147"/>
        <location filename="../dialogs/need_dialog.py" line="293"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="148"/>
        <source>跟踪档案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="149"/>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="150"/>
        <location filename="../dialogs/need_dialog.py" line="300"/>
        <source>诉求事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="151"/>
        <location filename="../dialogs/need_dialog.py" line="309"/>
        <source>诉求内容</source>
        <translation>What is needed</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="152"/>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="153"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="163"/>
        <source>受理后，简单事项 1 个工作日内答复，复杂事项 3 个工作日内答复。</source>
        <translation>Once accepted, simple matters are answered within 1 working day, complex ones within 3 working days.</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="169"/>
        <source>复杂程度</source>
        <translation>Complexity</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="170"/>
        <location filename="../dialogs/need_dialog.py" line="315"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="171"/>
        <source>主办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="172"/>
        <source>协办部门</source>
        <translation>Supporting departments</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="214"/>
        <source>（不关联档案）</source>
        <translation>(Not linked to a case)</translation>
    </message>
    <message>
        <location filename="../dialogs/need_dialog.py" line="245"/>
        <source>已交办的诉求，主办部门由“交办/改派”确定。</source>
        <translation>Once a need is assigned, its lead department is set with “Assign” / “Reassign”.</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <location filename="../pages/needs_page.py" line="91"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="92"/>
        <location filename="../pages/needs_page.py" line="323"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="93"/>
        <location filename="../pages/needs_page.py" line="338"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="94"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="95"/>
        <location filename="../pages/needs_page.py" line="337"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="97"/>
        <location filename="../pages/needs_page.py" line="325"/>
        <source>主办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="96"/>
        <location filename="../pages/needs_page.py" line="346"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="80"/>
        <source>新增诉求</source>
        <translation>Add Need</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="98"/>
        <location filename="../pages/needs_page.py" line="342"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="108"/>
        <source>逾期 %1 天</source>
        <translation>%1 d overdue</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="114"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="115"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="120"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="123"/>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="164"/>
        <source>选择一条问题诉求，查看详情并办理。</source>
        <translation>Select a need to see its details and act on it.</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="176"/>
        <location filename="../pages/needs_page.py" line="302"/>
        <source>附件…</source>
        <translation>Attachments…</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="178"/>
        <source>添加、打开或移除此诉求的附件</source>
        <translation>Add, open or remove the attachments of this need</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="248"/>
        <source>办理：</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="248"/>
        <source>流程已结束</source>
        <translation>Process complete</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="257"/>
        <source>须填写说明</source>
        <translation>Requires a note</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="302"/>
        <source>附件（%1）…</source>
        <translation>Attachments (%1)…</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="311"/>
        <source>回访情况</source>
        <translation>Return visit result</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="314"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="314"/>
        <source>无附件</source>
        <translation>No attachments</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="324"/>
        <source>跟踪档案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="326"/>
        <source>协办部门</source>
        <translation>Supporting departments</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="339"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="340"/>
        <source>复杂程度</source>
        <translation>Complexity</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="341"/>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="343"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="344"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="345"/>
        <source>交办日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="347"/>
        <source>延期至</source>
        <translation>Extended to</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="348"/>
        <source>答复日期</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="349"/>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="387"/>
        <source>删除问题诉求</source>
        <translation>Delete Need</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="388"/>
        <source>删除问题诉求“%1”？可用 Ctrl+Z 撤销。</source>
        <translation>Delete need “%1”? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="389"/>
        <source>删除问题诉求“%1”</source>
        <translation>Delete need “%1”</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="309"/>
        <source>诉求内容</source>
        <translation>What is needed</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="310"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="190"/>
        <source>流转记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="232"/>
        <source>尚无流转</source>
        <translation>No history yet</translation>
    </message>
</context>
<context>
    <name>PageSet</name>
    <message>
        <location filename="../pages/page_set.py" line="66"/>
        <source>认定</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="67"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../dialogs/password_dialog.py" line="49"/>
        <source>修改密码</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <location filename="../dialogs/password_dialog.py" line="50"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../dialogs/password_dialog.py" line="52"/>
        <source>重设密码 — %1</source>
        <translation>Reset Password — %1</translation>
    </message>
    <message>
        <location filename="../dialogs/password_dialog.py" line="54"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../dialogs/password_dialog.py" line="55"/>
        <source>再输一遍新密码</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location filename="../dialogs/password_dialog.py" line="56"/>
        <source>密码至少 8 个字符，不能全是数字，不能与用户名相同。</source>
        <translation>At least 8 characters, not only digits, not the username.</translation>
    </message>
</context>
<context>
    <name>ProductEditDialog</name>
    <message>
        <location filename="../dialogs/product_dialog.py" line="24"/>
        <source>编辑产品</source>
        <translation>Edit Product</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="24"/>
        <source>新增产品</source>
        <translation>Add Product</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="36"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="46"/>
        <source>产品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="47"/>
        <source>型号规格</source>
        <translation>Model / specification</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="48"/>
        <source>关键性能指标</source>
        <translation>Key performance indicators</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="49"/>
        <source>应用领域</source>
        <translation>Application field</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="50"/>
        <source>技术成熟度(1–9)</source>
        <translation>Technology readiness level (1–9)</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="51"/>
        <source>知识产权编号</source>
        <translation>IP registration nos.</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="52"/>
        <source>检测报告编号</source>
        <translation>Test report no.</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="53"/>
        <source>检测机构</source>
        <translation>Testing agency</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="54"/>
        <source>检测报告日期</source>
        <translation>Test report date</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="55"/>
        <source>查新报告编号</source>
        <translation>Novelty search report no.</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="56"/>
        <source>查新机构</source>
        <translation>Novelty search agency</translation>
    </message>
    <message>
        <location filename="../dialogs/product_dialog.py" line="57"/>
        <source>查新报告日期</source>
        <translation>Novelty search report date</translation>
    </message>
</context>
<context>
    <name>ProgramRun</name>
    <message>
        <location filename="../program_run.py" line="173"/>
        <source>已从备份恢复</source>
        <translation>Restored from a Backup</translation>
    </message>
    <message>
        <location filename="../program_run.py" line="210"/>
        <location filename="../program_run.py" line="249"/>
        <source>数据库已损坏</source>
        <translation>The Database Is Damaged</translation>
    </message>
    <message>
        <location filename="../program_run.py" line="223"/>
        <source>数据库已损坏，正在查找可用的备份……</source>
        <translation>The database is damaged; looking for a good backup…</translation>
    </message>
    <message>
        <location filename="../program_run.py" line="251"/>
        <source>恢复此备份</source>
        <translation>Restore This Backup</translation>
    </message>
    <message>
        <location filename="../program_run.py" line="251"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../program_run.py" line="286"/>
        <location filename="../program_run.py" line="311"/>
        <source>正在从备份恢复……</source>
        <translation>Restoring from the backup…</translation>
    </message>
</context>
<context>
    <name>ProgressJob</name>
    <message>
        <location filename="../progress_job.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../progress_job.py" line="65"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../prompts.py" line="36"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="45"/>
        <source>无法完成</source>
        <translation>Could Not Complete</translation>
    </message>
</context>
<context>
    <name>RecognitionEditDialog</name>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="32"/>
        <source>编辑认定</source>
        <translation>Edit Recognition</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="32"/>
        <source>新增认定</source>
        <translation>Add Recognition</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="58"/>
        <source>公布的档次原文，如：技术水平国内领先……</source>
        <translation>Tier wording as published, e.g. 技术水平国内领先…</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="69"/>
        <source>默认：认定日期起 3 年</source>
        <translation>Default: 3 years from the recognition date</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="71"/>
        <source>万元</source>
        <translation>10k CNY</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="72"/>
        <source>奖励已兑现</source>
        <translation>Reward paid</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="74"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="75"/>
        <location filename="../dialogs/recognition_dialog.py" line="142"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="76"/>
        <source>类别</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="77"/>
        <source>档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="78"/>
        <source>档次原文</source>
        <translation>Tier as published</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="79"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="80"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="81"/>
        <source>认定日期</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="82"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="83"/>
        <source>奖励金额（万元）</source>
        <translation>Reward (10k CNY)</translation>
    </message>
    <message>
        <location filename="../dialogs/recognition_dialog.py" line="104"/>
        <source>该企业还没有产品，请先在“企业”页新增产品。</source>
        <translation>This enterprise has no products yet; add one on the Enterprises page first.</translation>
    </message>
</context>
<context>
    <name>RecognitionsPage</name>
    <message>
        <location filename="../pages/recognitions_page.py" line="40"/>
        <source>新增认定</source>
        <translation>Add Recognition</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="43"/>
        <source>导入名单…</source>
        <translation>Import List…</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="46"/>
        <source>导入省、国家公布的首批次名单（Excel 或 CSV，Ctrl+I）</source>
        <translation>Import a first-batch list published by the provincial or national authorities (Excel or CSV, Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="48"/>
        <source>建立档案</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="51"/>
        <source>编辑产品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="60"/>
        <location filename="../pages/recognitions_page.py" line="149"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="61"/>
        <location filename="../pages/recognitions_page.py" line="146"/>
        <source>类别</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="62"/>
        <location filename="../pages/recognitions_page.py" line="147"/>
        <source>档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="63"/>
        <location filename="../pages/recognitions_page.py" line="143"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="64"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="65"/>
        <location filename="../pages/recognitions_page.py" line="150"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="66"/>
        <location filename="../pages/recognitions_page.py" line="153"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="67"/>
        <location filename="../pages/recognitions_page.py" line="157"/>
        <source>奖励(万元)</source>
        <translation>Reward (10k CNY)</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="74"/>
        <source>全部类别</source>
        <translation>All schemes</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="79"/>
        <source>全部档次</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="84"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="89"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="91"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="92"/>
        <source>90 天内到期</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="93"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="148"/>
        <source>档次原文</source>
        <translation>Tier as published</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="151"/>
        <source>认定日期</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="161"/>
        <source>奖励已兑现</source>
        <translation>Reward paid</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="162"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="162"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="166"/>
        <source>产品信息</source>
        <translation>Product details</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="169"/>
        <source>型号规格</source>
        <translation>Model / specification</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="170"/>
        <source>关键性能指标</source>
        <translation>Key performance indicators</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="171"/>
        <source>应用领域</source>
        <translation>Application field</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="172"/>
        <source>技术成熟度</source>
        <translation>Technology readiness level</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="174"/>
        <source>检测报告</source>
        <translation>Test report</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="186"/>
        <source>查新报告</source>
        <translation>Novelty search report</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="199"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="202"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="203"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="204"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="205"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="211"/>
        <source>尚未建档</source>
        <translation>No case opened yet</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="232"/>
        <source>删除“%1”的这条认定记录？可用 Ctrl+Z 撤销。</source>
        <translation>Delete this recognition of “%1”? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="231"/>
        <source>删除认定</source>
        <translation>Delete Recognition</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="233"/>
        <source>删除认定“%1”</source>
        <translation>Delete recognition of “%1”</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports_page.py" line="93"/>
        <source>案卷（按档案）</source>
        <translation>Case file (one case)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="94"/>
        <source>案卷（按企业）</source>
        <translation>Case file (one enterprise)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="95"/>
        <source>走访记录表</source>
        <translation>Visit record sheet</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="96"/>
        <source>定期汇总</source>
        <translation>Periodic summary</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="107"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="108"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="109"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="110"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="111"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="121"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="127"/>
        <source>隐去姓名和电话</source>
        <translation>Hide names and phone numbers</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="129"/>
        <source>附照片</source>
        <translation>Include photos</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="130"/>
        <source>附走访明细</source>
        <translation>Include the register of visits</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="133"/>
        <source>生成并预览</source>
        <translation>Generate and preview</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="135"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="137"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="139"/>
        <source>按区县批量导出案卷…</source>
        <translation>Export the case files of a division…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="165"/>
        <location filename="../pages/reports_page.py" line="267"/>
        <location filename="../pages/reports_page.py" line="281"/>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="166"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="168"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="169"/>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="170"/>
        <source>止</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="171"/>
        <source>区县</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="172"/>
        <source>未走访天数</source>
        <translation>Days without a visit</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="227"/>
        <source>在“走访记录”页选中一条走访，点“打印走访记录表”。</source>
        <translation>Select a visit on the Visits page and click “Print visit record sheet”.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="267"/>
        <source>请先选择对象。</source>
        <translation>Choose the subject first.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="305"/>
        <source>正在生成报表……</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="355"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="338"/>
        <source>生成失败：</source>
        <translation>Generation failed: </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="372"/>
        <source>已生成，共 %1 页。</source>
        <translation>Done: %1 pages.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="396"/>
        <source>预览显示前 %1 页，共 %2 页；打印和另存为包含全部页。</source>
        <translation>The preview shows the first %1 of %2 pages; printing and saving include them all.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="410"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="410"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="419"/>
        <source>无法保存：</source>
        <translation>Cannot save: </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="421"/>
        <source>已保存到 </source>
        <translation>Saved to </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="432"/>
        <source>无法打开打印机。</source>
        <translation>Cannot open the printer.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="455"/>
        <source>已发送到打印机。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="461"/>
        <source>批量导出</source>
        <translation>Batch export</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="461"/>
        <source>请先选择一个区县。</source>
        <translation>Choose a division first.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="463"/>
        <source>选择保存案卷的文件夹</source>
        <translation>Choose the folder for the case files</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="469"/>
        <source>正在导出案卷……</source>
        <translation>Exporting case files…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="479"/>
        <source>已导出 %1 份案卷到 </source>
        <translation>Exported %1 case files to </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="48"/>
        <location filename="../dialogs/restore_dialog.py" line="154"/>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="50"/>
        <source>选择一份备份来替换当前数据库。恢复前，当前数据库会另存到备份文件夹：</source>
        <translation>Choose a backup to replace the current database. Before the restore, the current database is kept in the backup folder:</translation>
    </message>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="65"/>
        <source>备份文件夹中还没有备份。</source>
        <translation>There are no backups in the backup folder yet.</translation>
    </message>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="68"/>
        <source>恢复(&amp;R)…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="74"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/restore_dialog.py" line="131"/>
        <source>正在检查备份……</source>
        <translation>Checking the backup…</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../widgets/search_box.py" line="21"/>
        <source>搜索名称、代码、产品、纪要（Ctrl+F）</source>
        <translation>Search names, codes, products, summaries (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="29"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="43"/>
        <source>随程序提供的字体</source>
        <translation>The font shipped with the program</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="51"/>
        <source>界面语言（重启后生效）</source>
        <translation>Interface language (applies after restart)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="52"/>
        <source>单位名称（报表抬头）</source>
        <translation>Bureau name (report heading)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="53"/>
        <source>本机使用人</source>
        <translation>User of this computer</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="54"/>
        <source>认定后首次走访（天）</source>
        <translation>First visit after recognition (days)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="55"/>
        <source>第一年走访间隔（月）</source>
        <translation>Visit interval in the first year (months)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="56"/>
        <source>此后走访间隔（月）</source>
        <translation>Visit interval after that (months)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="57"/>
        <source>认定到期提醒（天）</source>
        <translation>Recognition expiry warning (days)</translation>
    </message>
    <message>
        <location filename="../dialogs/settings_dialog.py" line="58"/>
        <source>报表字体（重启后生效）</source>
        <translation>Report font (applies after a restart)</translation>
    </message>
</context>
<context>
    <name>StagedNeedsList</name>
    <message>
        <location filename="../dialogs/staged_needs.py" line="43"/>
        <source>提出诉求…</source>
        <translation>Raise Need…</translation>
    </message>
    <message>
        <location filename="../dialogs/staged_needs.py" line="46"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../dialogs/staged_needs.py" line="49"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../dialogs/staged_needs.py" line="107"/>
        <source>请先选择企业，再提出诉求。</source>
        <translation>Choose the enterprise first, then raise the need.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../sync_actions.py" line="40"/>
        <source>同步(&amp;Y)…</source>
        <translation>S&amp;ync…</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="42"/>
        <source>同步冲突(&amp;C)…</source>
        <translation>Sync &amp;Conflicts…</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="75"/>
        <source>%1 处同步冲突</source>
        <translation>%1 sync conflicts</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="76"/>
        <source>本机和总库改了同一处，请选择保留哪个值</source>
        <translation>This computer and the hub changed the same field; choose which value to keep</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="84"/>
        <source>与总库同步</source>
        <translation>Sync with the Hub</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="95"/>
        <source>postgresql+psycopg://用户名@服务器/数据库</source>
        <translation>postgresql+psycopg://user@server/database</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="102"/>
        <source>总库数据库账户的密码</source>
        <translation>password of the hub database account</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="117"/>
        <source>没有网络时用同步包：导出本机的改动，带到办公室导入总库；再把总库为本机导出的同步包带回来导入。</source>
        <translation>Without a network, use bundle files: export this computer&apos;s changes and import them into the hub at the office; then bring back the bundle the hub exported for this computer and import it.</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="125"/>
        <source>导出同步包…</source>
        <translation>Export Bundle…</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="128"/>
        <source>导入同步包…</source>
        <translation>Import Bundle…</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="131"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="135"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="146"/>
        <source>总库地址</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="147"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="190"/>
        <source>请填写总库地址。</source>
        <translation>Enter the hub&apos;s address.</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="193"/>
        <source>有密码时，总库地址要写上用户名：postgresql+psycopg://用户名@服务器/数据库</source>
        <translation>With a password, the hub address needs a user name: postgresql+psycopg://user@server/database</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="209"/>
        <source>正在连接总库……</source>
        <translation>Connecting to the hub…</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="225"/>
        <source>正在上传本机的改动：%1 / %2 条</source>
        <translation>Sending this computer&apos;s changes: %1 / %2 records</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="227"/>
        <source>正在下载总库的改动：%1 / %2 条</source>
        <translation>Receiving the hub&apos;s changes: %1 / %2 records</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="246"/>
        <source>（总库地址没能记住：%1）</source>
        <translation>(the hub address could not be remembered: %1)</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="256"/>
        <source>导出同步包</source>
        <translation>Export Bundle</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="258"/>
        <location filename="../dialogs/sync_dialog.py" line="283"/>
        <source>首批次同步包 (*.fbsync);;所有文件 (*)</source>
        <translation>FirstBatch bundles (*.fbsync);;All files (*)</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="266"/>
        <source>正在写出同步包……</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="274"/>
        <source>已写出同步包 %1：%2 条记录，附件 %3 个。请带到办公室导入总库。</source>
        <translation>Bundle written to %1: %2 records, %3 attachments. Take it to the office and import it into the hub.</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="283"/>
        <source>导入同步包</source>
        <translation>Import Bundle</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="289"/>
        <source>正在导入同步包……</source>
        <translation>Importing the bundle…</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="298"/>
        <source>已导入同步包 %1：%2 条记录，附件 %3 个，新冲突 %4 处。</source>
        <translation>Bundle %1 imported: %2 records, %3 attachments, %4 new conflicts.</translation>
    </message>
    <message>
        <location filename="../dialogs/sync_dialog.py" line="328"/>
        <source>同步已取消。已同步的部分已保存，下次同步会从中断处继续。</source>
        <translation>Sync cancelled. What was synced is kept; the next sync goes on from there.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBox</name>
    <message>
        <location filename="../widgets/sync_status_box.py" line="25"/>
        <source>本机的同步情况</source>
        <translation>This computer&apos;s sync</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="36"/>
        <source>查看冲突…</source>
        <translation>Show Conflicts…</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="43"/>
        <source>总库编号</source>
        <translation>Hub id</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="44"/>
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="45"/>
        <source>待上传</source>
        <translation>Waiting to go up</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="46"/>
        <source>未处理的冲突</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="50"/>
        <source>（未登记，第一次同步时登记）</source>
        <translation>(not registered; the first sync registers it)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="51"/>
        <source>从未同步</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="52"/>
        <source>%1 条</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <location filename="../widgets/sync_status_box.py" line="53"/>
        <source>%1 处</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="162"/>
        <source>万元，如 120.5</source>
        <translation>10k CNY, e.g. 120.5</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="167"/>
        <source>单位，如 吨</source>
        <translation>Unit, e.g. tonnes</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="185"/>
        <source>企业已在走访记录上签字确认</source>
        <translation>The enterprise has signed the visit record</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="78"/>
        <source>编辑走访记录</source>
        <translation>Edit Visit</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="193"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="194"/>
        <location filename="../dialogs/visit_dialog.py" line="386"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="195"/>
        <source>涉及档案</source>
        <translation>Cases covered</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="196"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="197"/>
        <source>走访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="198"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="199"/>
        <source>企业参加人员</source>
        <translation>Enterprise attendees</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="200"/>
        <source>生产与销售</source>
        <translation>Production and sales</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="201"/>
        <source>生产情况</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="202"/>
        <source>销售情况</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="203"/>
        <source>推广应用</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="205"/>
        <source>推广应用进展</source>
        <translation>Adoption progress</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="207"/>
        <source>新增下游用户</source>
        <translation>New downstream users</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="208"/>
        <source>新增用户数</source>
        <translation>Number of new users</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="209"/>
        <location filename="../dialogs/visit_dialog.py" line="372"/>
        <source>合同金额（万元）</source>
        <translation>Contract value (10k CNY)</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="210"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="211"/>
        <source>服务情况</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="212"/>
        <source>政策宣传</source>
        <translation>Policies explained</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="213"/>
        <source>走访纪要</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="214"/>
        <source>新提出的诉求</source>
        <translation>New needs</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="215"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="216"/>
        <location filename="../dialogs/visit_dialog.py" line="364"/>
        <source>下次走访日期</source>
        <translation>Next visit date</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="220"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="221"/>
        <source>保存并记录下一条</source>
        <translation>Save and Record Next</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="223"/>
        <source>保存，再为同一企业记录下一次走访（Ctrl+Enter）</source>
        <translation>Save, then record another visit to the same enterprise (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="226"/>
        <location filename="../dialogs/visit_draft.py" line="144"/>
        <source>丢弃草稿</source>
        <translation>Discard Draft</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="232"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="357"/>
        <source>按跟踪周期建议：%1</source>
        <translation>Suggested by the follow-up cycle: %1</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="80"/>
        <location filename="../dialogs/visit_dialog.py" line="433"/>
        <source>记录走访</source>
        <translation>Record Visit</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_dialog.py" line="449"/>
        <source>已保存 %1 的走访记录，请记录下一条。</source>
        <translation>Visit of %1 saved; record the next one.</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_draft.py" line="128"/>
        <source>草稿未能保存：%1</source>
        <translation>Could not save the draft: %1</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_draft.py" line="136"/>
        <source>草稿已自动保存（%1）；关闭后下次打开可以恢复。</source>
        <translation>Draft saved automatically (%1); if you close the form, you can restore it next time.</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_draft.py" line="145"/>
        <source>丢弃这份草稿？已填写的内容将不再保留。</source>
        <translation>Discard this draft? What you have entered will be lost.</translation>
    </message>
</context>
<context>
    <name>VisitOpening</name>
    <message>
        <location filename="../dialogs/visit_opening.py" line="49"/>
        <source>有一份 %1 保存的未完成草稿（%2）。要接着填写它吗？</source>
        <translation>There is an unfinished draft saved at %1 (%2). Continue filling it in?</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="54"/>
        <location filename="../dialogs/visit_opening.py" line="109"/>
        <source>未完成的草稿</source>
        <translation>Unfinished Draft</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="79"/>
        <source>已恢复草稿。</source>
        <translation>Draft restored.</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="89"/>
        <source>接着填写草稿</source>
        <translation>Resume Draft</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="91"/>
        <source>丢弃草稿，打开原记录</source>
        <translation>Discard Draft and Open the Record</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="94"/>
        <source>新建（草稿保留）</source>
        <translation>New (Keep Draft)</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="95"/>
        <source>丢弃草稿并新建</source>
        <translation>Discard Draft and Start New</translation>
    </message>
    <message>
        <location filename="../dialogs/visit_opening.py" line="106"/>
        <source>%1
这份草稿已无法打开。丢弃它吗？</source>
        <translation>%1
This draft can no longer be opened. Discard it?</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../pages/visits_page.py" line="42"/>
        <source>打印走访记录表</source>
        <translation>Print visit record sheet</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="43"/>
        <source>记录走访</source>
        <translation>Record Visit</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="44"/>
        <source>记录一次新的走访（Ctrl+N）</source>
        <translation>Record a new visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="48"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="49"/>
        <location filename="../pages/visits_page.py" line="175"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="50"/>
        <location filename="../pages/visits_page.py" line="178"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="51"/>
        <location filename="../pages/visits_page.py" line="179"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="52"/>
        <source>签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="53"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="59"/>
        <source>全部人员</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="64"/>
        <source>全部方式</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="71"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="72"/>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="73"/>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="74"/>
        <source>近一年</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="75"/>
        <source>自定义日期…</source>
        <translation>Custom dates…</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="82"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="134"/>
        <source>删除走访记录</source>
        <translation>Delete Visit</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="135"/>
        <source>删除走访记录“%1”？可用 Ctrl+Z 撤销。</source>
        <translation>Delete visit “%1”? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="136"/>
        <source>删除走访记录 %1</source>
        <translation>Delete visit %1</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="153"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="153"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="153"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="153"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="159"/>
        <source>生产情况</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="160"/>
        <source>销售情况</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="161"/>
        <source>推广应用进展</source>
        <translation>Adoption progress</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="162"/>
        <source>新增下游用户</source>
        <translation>New downstream users</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="163"/>
        <source>政策宣传</source>
        <translation>Policies explained</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="180"/>
        <source>企业参加人员</source>
        <translation>Enterprise attendees</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="181"/>
        <source>涉及档案</source>
        <translation>Cases covered</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="182"/>
        <source>合同金额(万元)</source>
        <translation>Contract value (10k CNY)</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="183"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="184"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="185"/>
        <source>已签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="185"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="185"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="188"/>
        <source>走访纪要</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="190"/>
        <source>本次提出的诉求</source>
        <translation>Needs raised on this visit</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="191"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="194"/>
        <source>无附件</source>
        <translation>No attachments</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../pages/workbench_page.py" line="57"/>
        <source>全部人员</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="61"/>
        <source>记录走访</source>
        <translation>Record Visit</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="63"/>
        <source>为所选事项的档案记录走访（Ctrl+R）</source>
        <translation>Record a visit for the case of the selected item (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="65"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="68"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="75"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="76"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="77"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="78"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="79"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="80"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="128"/>
        <source>今天 %1（%2）</source>
        <translation>Today: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="138"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="150"/>
        <source>…… 另有 %1 条，请在对应列表中查看</source>
        <translation>… %1 more; see them in the list on their page</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="157"/>
        <source>今天没有待办事项。</source>
        <translation>Nothing to do today.</translation>
    </message>
    <message>
        <location filename="../pages/workbench_page.py" line="164"/>
        <source>%1 天</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <location filename="../dialogs/login_dialog.py" line="60"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>
