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
        <location filename="../pages/cases_page.py" line="41"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="42"/>
        <location filename="../pages/cases_page.py" line="109"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="43"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="44"/>
        <location filename="../pages/cases_page.py" line="112"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="45"/>
        <location filename="../pages/cases_page.py" line="113"/>
        <location filename="../pages/cases_page.py" line="141"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="46"/>
        <location filename="../pages/cases_page.py" line="115"/>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="47"/>
        <location filename="../pages/cases_page.py" line="116"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="53"/>
        <source>全部负责人</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="58"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="62"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="114"/>
        <source>建档日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="117"/>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="118"/>
        <source>未办结诉求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="119"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="122"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="125"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="126"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="127"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="128"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="134"/>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="136"/>
        <source>问题诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="139"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="140"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="142"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="148"/>
        <source>暂无诉求</source>
        <translation>No needs yet</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="168"/>
        <source>删除档案 %1？可用 Ctrl+Z 撤销。</source>
        <translation>Delete case %1? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="167"/>
        <source>删除档案</source>
        <translation>Delete Case</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="35"/>
        <source>打印案卷</source>
        <translation>Print case file</translation>
    </message>
    <message>
        <location filename="../pages/cases_page.py" line="169"/>
        <source>删除档案 %1</source>
        <translation>Delete case %1</translation>
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
        <location filename="../pages/enterprises_page.py" line="38"/>
        <source>新建企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="39"/>
        <source>新增产品</source>
        <translation>Add Product</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="41"/>
        <source>新增认定</source>
        <translation>Add Recognition</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="51"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="52"/>
        <location filename="../pages/enterprises_page.py" line="143"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="53"/>
        <source>区县</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="54"/>
        <source>开发区</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="56"/>
        <location filename="../pages/enterprises_page.py" line="89"/>
        <source>规上</source>
        <translation>Above-scale</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="63"/>
        <location filename="../pages/enterprises_page.py" line="90"/>
        <location filename="../pages/enterprises_page.py" line="134"/>
        <source>专精特新</source>
        <translation>Specialised SME</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="70"/>
        <location filename="../pages/enterprises_page.py" line="91"/>
        <source>高企</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="81"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="86"/>
        <source>全部开发区</source>
        <translation>All development zones</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="133"/>
        <source>规上企业</source>
        <translation>Above-scale enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="135"/>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="144"/>
        <source>曾用名</source>
        <translation>Former names</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="146"/>
        <source>区县 / 开发区</source>
        <translation>Division / Development zone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="149"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="150"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="151"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="152"/>
        <source>企业标识</source>
        <translation>Designations</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="155"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="158"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="159"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="160"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="161"/>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="164"/>
        <source>暂无联系人</source>
        <translation>No contacts</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="172"/>
        <source>产品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="173"/>
        <source>型号规格</source>
        <translation>Model / specification</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="174"/>
        <source>应用领域</source>
        <translation>Application field</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="175"/>
        <source>认定数</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="181"/>
        <source>暂无产品</source>
        <translation>No products</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="188"/>
        <source>认定情况</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="191"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="192"/>
        <location filename="../pages/enterprises_page.py" line="259"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="193"/>
        <source>档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="169"/>
        <location filename="../pages/enterprises_page.py" line="194"/>
        <location filename="../pages/enterprises_page.py" line="218"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="37"/>
        <source>打印企业案卷</source>
        <translation>Print enterprise file</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="195"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="196"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="209"/>
        <source>暂无认定</source>
        <translation>No recognitions</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="214"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="217"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="219"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="220"/>
        <location filename="../pages/enterprises_page.py" line="261"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="221"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="233"/>
        <source>暂无档案</source>
        <translation>No cases</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="238"/>
        <source>最近走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="241"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="242"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="243"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="244"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="250"/>
        <source>暂无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="255"/>
        <source>未办结诉求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="258"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="260"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="262"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="274"/>
        <source>暂无未办结诉求</source>
        <translation>No open needs</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="309"/>
        <source>删除企业“%1”及其产品、认定和档案？可用 Ctrl+Z 撤销。</source>
        <translation>Delete enterprise “%1” with its products, recognitions and cases? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="308"/>
        <source>删除企业</source>
        <translation>Delete Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="310"/>
        <source>删除企业“%1”</source>
        <translation>Delete enterprise “%1”</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="319"/>
        <source>请选择企业</source>
        <translation>Select an Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/enterprises_page.py" line="319"/>
        <source>请先在列表中选择一家企业。</source>
        <translation>Please select an enterprise in the list first.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/form_dialog.py" line="38"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../dialogs/form_dialog.py" line="40"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../pages/list_page.py" line="55"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="56"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="57"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="250"/>
        <source>共 %1 条</source>
        <translation>Records: %1</translation>
    </message>
    <message>
        <location filename="../pages/list_page.py" line="261"/>
        <source>没有符合条件的记录。</source>
        <translation>No records match.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="68"/>
        <source>首批次跟踪服务台</source>
        <translation>FirstBatch Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109"/>
        <source>数据目录：</source>
        <translation>Data folder: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="77"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="78"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="79"/>
        <source>产品与认定</source>
        <translation>Products and Recognitions</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="80"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="81"/>
        <source>问题诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95"/>
        <source>正在打开数据……</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <location filename="../main_window.py" line="304"/>
        <source>撤销删除(&amp;U)</source>
        <translation>&amp;Undo Delete</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296"/>
        <source>已撤销：</source>
        <translation>Undone: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304"/>
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342"/>
        <source>企业 %1 · 认定 %2 · 档案 %3 · 走访 %4 · 诉求 %5</source>
        <translation>Enterprises %1 · Recognitions %2 · Cases %3 · Visits %4 · Needs %5</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364"/>
        <source>设置已保存；语言和报表字体在下次启动时生效。</source>
        <translation>Settings saved; the language and the report font apply from the next start.</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <location filename="../pages/needs_page.py" line="37"/>
        <source>编号</source>
        <translation>Need no.</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="38"/>
        <location filename="../pages/needs_page.py" line="109"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="39"/>
        <location filename="../pages/needs_page.py" line="112"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="40"/>
        <source>事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="41"/>
        <location filename="../pages/needs_page.py" line="114"/>
        <location filename="../pages/needs_page.py" line="132"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="42"/>
        <location filename="../pages/needs_page.py" line="115"/>
        <source>主办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="43"/>
        <location filename="../pages/needs_page.py" line="117"/>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="44"/>
        <location filename="../pages/needs_page.py" line="120"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="51"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="56"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="59"/>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="113"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="116"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="118"/>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="125"/>
        <source>诉求内容</source>
        <translation>What is needed</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="126"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="127"/>
        <source>流转记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="130"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="131"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="133"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="134"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../pages/needs_page.py" line="137"/>
        <source>尚无流转</source>
        <translation>No history yet</translation>
    </message>
</context>
<context>
    <name>PageSet</name>
    <message>
        <location filename="../pages/page_set.py" line="59"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="61"/>
        <source>本周应走访和已逾期的跟踪档案</source>
        <translation>Cases due for a visit this week, and overdue cases</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="62"/>
        <source>已认定但从未走访的产品</source>
        <translation>Recognised products that have never been visited</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="63"/>
        <source>逾期或 3 个工作日内到期的问题诉求</source>
        <translation>Needs that are overdue or due within 3 working days</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="64"/>
        <source>90 天内到期的认定</source>
        <translation>Recognitions expiring within 90 days</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="65"/>
        <source>一键打开档案并记录走访</source>
        <translation>Open a case and record a visit in one click</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="78"/>
        <source>认定</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="79"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="106"/>
        <source>跟踪中的档案</source>
        <translation>Active cases</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="107"/>
        <source>本周内应走访（含逾期）</source>
        <translation>Due for a visit this week (incl. overdue)</translation>
    </message>
    <message>
        <location filename="../pages/page_set.py" line="108"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../pages/placeholder_page.py" line="41"/>
        <source>此页面将提供：</source>
        <translation>This page will provide:</translation>
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
    <name>Prompts</name>
    <message>
        <location filename="../prompts.py" line="30"/>
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
        <location filename="../pages/recognitions_page.py" line="37"/>
        <source>新增认定</source>
        <translation>Add Recognition</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="39"/>
        <source>建立档案</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="42"/>
        <source>编辑产品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="51"/>
        <location filename="../pages/recognitions_page.py" line="140"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="52"/>
        <location filename="../pages/recognitions_page.py" line="137"/>
        <source>类别</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="53"/>
        <location filename="../pages/recognitions_page.py" line="138"/>
        <source>档次</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="54"/>
        <location filename="../pages/recognitions_page.py" line="134"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="55"/>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="56"/>
        <location filename="../pages/recognitions_page.py" line="141"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="57"/>
        <location filename="../pages/recognitions_page.py" line="144"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="58"/>
        <location filename="../pages/recognitions_page.py" line="148"/>
        <source>奖励(万元)</source>
        <translation>Reward (10k CNY)</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="65"/>
        <source>全部类别</source>
        <translation>All schemes</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="70"/>
        <source>全部档次</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="75"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="80"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="82"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="83"/>
        <source>90 天内到期</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="84"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="139"/>
        <source>档次原文</source>
        <translation>Tier as published</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="142"/>
        <source>认定日期</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="152"/>
        <source>奖励已兑现</source>
        <translation>Reward paid</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="153"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="153"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="157"/>
        <source>产品信息</source>
        <translation>Product details</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="160"/>
        <source>型号规格</source>
        <translation>Model / specification</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="161"/>
        <source>关键性能指标</source>
        <translation>Key performance indicators</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="162"/>
        <source>应用领域</source>
        <translation>Application field</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="163"/>
        <source>技术成熟度</source>
        <translation>Technology readiness level</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="165"/>
        <source>检测报告</source>
        <translation>Test report</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="177"/>
        <source>查新报告</source>
        <translation>Novelty search report</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="190"/>
        <source>跟踪档案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="193"/>
        <source>档案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="194"/>
        <source>负责人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="195"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="196"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="202"/>
        <source>尚未建档</source>
        <translation>No case opened yet</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="223"/>
        <source>删除“%1”的这条认定记录？可用 Ctrl+Z 撤销。</source>
        <translation>Delete this recognition of “%1”? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="222"/>
        <source>删除认定</source>
        <translation>Delete Recognition</translation>
    </message>
    <message>
        <location filename="../pages/recognitions_page.py" line="224"/>
        <source>删除认定“%1”</source>
        <translation>Delete recognition of “%1”</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports_page.py" line="94"/>
        <source>案卷（按档案）</source>
        <translation>Case file (one case)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="95"/>
        <source>案卷（按企业）</source>
        <translation>Case file (one enterprise)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="96"/>
        <source>走访记录表</source>
        <translation>Visit record sheet</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="97"/>
        <source>定期汇总</source>
        <translation>Periodic summary</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="108"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="109"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="110"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="111"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="112"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="122"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="128"/>
        <source>隐去姓名和电话</source>
        <translation>Hide names and phone numbers</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="130"/>
        <source>附照片</source>
        <translation>Include photos</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="131"/>
        <source>附走访明细</source>
        <translation>Include the register of visits</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="134"/>
        <source>生成并预览</source>
        <translation>Generate and preview</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="136"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="138"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="140"/>
        <source>按区县批量导出案卷…</source>
        <translation>Export the case files of a division…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="166"/>
        <location filename="../pages/reports_page.py" line="265"/>
        <location filename="../pages/reports_page.py" line="279"/>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="167"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="169"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="170"/>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="171"/>
        <source>止</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="172"/>
        <source>区县</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="173"/>
        <source>未走访天数</source>
        <translation>Days without a visit</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="228"/>
        <source>在“走访记录”页选中一条走访，点“打印走访记录表”。</source>
        <translation>Select a visit on the Visits page and click “Print visit record sheet”.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="265"/>
        <source>请先选择对象。</source>
        <translation>Choose the subject first.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="303"/>
        <source>正在生成报表……</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="357"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="346"/>
        <source>生成失败：</source>
        <translation>Generation failed: </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="374"/>
        <source>已生成，共 %1 页。</source>
        <translation>Done: %1 pages.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="398"/>
        <source>预览显示前 %1 页，共 %2 页；打印和另存为包含全部页。</source>
        <translation>The preview shows the first %1 of %2 pages; printing and saving include them all.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="412"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="412"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="421"/>
        <source>无法保存：</source>
        <translation>Cannot save: </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="423"/>
        <source>已保存到 </source>
        <translation>Saved to </translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="434"/>
        <source>无法打开打印机。</source>
        <translation>Cannot open the printer.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="457"/>
        <source>已发送到打印机。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="463"/>
        <source>批量导出</source>
        <translation>Batch export</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="463"/>
        <source>请先选择一个区县。</source>
        <translation>Choose a division first.</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="465"/>
        <source>选择保存案卷的文件夹</source>
        <translation>Choose the folder for the case files</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="471"/>
        <source>正在导出案卷……</source>
        <translation>Exporting case files…</translation>
    </message>
    <message>
        <location filename="../pages/reports_page.py" line="481"/>
        <source>已导出 %1 份案卷到 </source>
        <translation>Exported %1 case files to </translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../widgets/search_box.py" line="18"/>
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
    <name>VisitsPage</name>
    <message>
        <location filename="../pages/visits_page.py" line="30"/>
        <source>打印走访记录表</source>
        <translation>Print visit record sheet</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="35"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="36"/>
        <location filename="../pages/visits_page.py" line="119"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="37"/>
        <location filename="../pages/visits_page.py" line="122"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="38"/>
        <location filename="../pages/visits_page.py" line="123"/>
        <source>走访人员</source>
        <translation>Visiting officers</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="39"/>
        <source>签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="40"/>
        <source>纪要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="46"/>
        <source>全部人员</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="51"/>
        <source>全部方式</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="57"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="58"/>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="59"/>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="60"/>
        <source>近一年</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="65"/>
        <source>全部区县</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="104"/>
        <source>生产情况</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="105"/>
        <source>销售情况</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="106"/>
        <source>推广应用进展</source>
        <translation>Adoption progress</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="107"/>
        <source>新增下游用户</source>
        <translation>New downstream users</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="108"/>
        <source>政策宣传</source>
        <translation>Policies explained</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="124"/>
        <source>企业参加人员</source>
        <translation>Enterprise attendees</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="125"/>
        <source>涉及档案</source>
        <translation>Cases covered</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="126"/>
        <source>合同金额(万元)</source>
        <translation>Contract value (10k CNY)</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="127"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="128"/>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="129"/>
        <source>已签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="129"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="129"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="132"/>
        <source>走访纪要</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location filename="../pages/visits_page.py" line="134"/>
        <source>走访录入表单随“跟踪服务”功能提供。</source>
        <translation>The visit form arrives with the follow-up work.</translation>
    </message>
</context>
</TS>
