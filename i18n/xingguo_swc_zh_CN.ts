<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>XingguoSWC</name>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="105"/>
        <source>Soil and water conservation map</source>
        <translation>水土保持图</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="53"/>
        <source>A layer of the atlas is missing or invalid.</source>
        <translation>图集的某个图层缺失或无效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="81"/>
        <source>Layer {0} cannot be opened: {1}</source>
        <translation>无法打开图层 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="120"/>
        <source>No output folder given.</source>
        <translation>未指定输出文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="122"/>
        <source>The output folder {0} is a file, not a folder.</source>
        <translation>输出文件夹 {0} 是文件而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="129"/>
        <source>The output folder {0} cannot be created: {1}</source>
        <translation>无法创建输出文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="137"/>
        <source>The output folder {0} cannot be written: {1}</source>
        <translation>无法写入输出文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="147"/>
        <source>The layout template {0} cannot be read: {1}</source>
        <translation>无法读取布局模板 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="151"/>
        <source>The layout template {0} is not a QGIS layout template (.qpt).</source>
        <translation>{0} 不是 QGIS 布局模板（.qpt）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="168"/>
        <source>The township layer {0} has no polygons: the atlas needs township polygons.</source>
        <translation>乡镇图层 {0} 中没有面：图集需要乡镇面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="163"/>
        <source>The township layer {0} lacks the fields {1}.</source>
        <translation>乡镇图层 {0} 缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="249"/>
        <source>The layout template cannot be loaded.</source>
        <translation>无法加载布局模板。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="252"/>
        <source>The layout template has no map item: add a map to it.</source>
        <translation>布局模板中没有地图项：请添加地图。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="269"/>
        <source>The township filter is not a valid expression: {0}</source>
        <translation>乡镇筛选条件不是有效的表达式：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="179"/>
        <source>Township atlas</source>
        <translation>乡镇图集</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="115"/>
        <source>Land area (km²)</source>
        <translation>土地面积（km²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="117"/>
        <source>Soil erosion area (km²)</source>
        <translation>水土流失面积（km²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="121"/>
        <source>Target {0} %</source>
        <translation>目标 {0} %</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="121"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="121"/>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="128"/>
        <source>Erosion {0} ({1})</source>
        <translation>侵蚀 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="148"/>
        <source>Collapse gullies {0}</source>
        <translation>崩岗 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="154"/>
        <source>Treated area ({0})</source>
        <translation>治理面积（{0}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="97"/>
        <source>Findings</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="169"/>
        <source>Findings: {0}</source>
        <translation>核查发现：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="229"/>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="518"/>
        <source>No township matches the filter.</source>
        <translation>没有符合筛选条件的乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="484"/>
        <source>atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="535"/>
        <source>The atlas cannot show township {0}.</source>
        <translation>图集无法显示乡镇 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="564"/>
        <source>Writing {0} failed: {1}</source>
        <translation>写入 {0} 失败：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="109"/>
        <source>The township layer has no field xzqdm (township code).</source>
        <translation>乡镇图层没有字段 xzqdm（乡镇代码）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="135"/>
        <source>The township layer has no township polygons.</source>
        <translation>乡镇图层中没有乡镇面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="219"/>
        <source>No township: cannot number the gully.</source>
        <translation>不在任何乡镇内：无法为崩岗编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="258"/>
        <source>Cannot allocate a gully ID in {0}: {1}</source>
        <translation>无法在 {0} 中分配崩岗编号：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="302"/>
        <source>No valid gully layer selected.</source>
        <translation>未选择有效的崩岗图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="304"/>
        <source>Layer {0} is not a polygon layer.</source>
        <translation>图层 {0} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="307"/>
        <source>Layer {0} lacks the fields {1}.</source>
        <translation>图层 {0} 缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="345"/>
        <source>{0} at {1:.2f}, {2:.2f}</source>
        <translation>{0}，位于 {1:.2f}, {2:.2f}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="367"/>
        <source>(no ID, feature {0})</source>
        <translation>（无编号，要素 {0}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="384"/>
        <source>The gully needs a polygon with at least three vertices.</source>
        <translation>崩岗需要至少有三个节点的多边形。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="559"/>
        <source>The polygon is not valid ({0}). Use the repaired polygon or digitize it again.</source>
        <translation>多边形无效（{0}）。请使用修复后的多边形或重新绘制。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="402"/>
        <source>The gully covers {0:.2f} m², less than the minimum of {1:.2f} m² for a registered collapse gully.</source>
        <translation>该崩岗面积为 {0:.2f} m²，小于崩岗登记的最小面积 {1:.2f} m²。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="407"/>
        <source>{0:.2f} m² of the gully lie outside the county (the union of the townships).</source>
        <translation>该崩岗有 {0:.2f} m² 位于县界（各乡镇合并范围）之外。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="413"/>
        <source>The gully overlaps the existing gully {0} ({1:.2f} m²).</source>
        <translation>该崩岗与已有崩岗 {0} 重叠（{1:.2f} m²）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="416"/>
        <source>Layer {0} cannot be edited.</source>
        <translation>图层 {0} 无法编辑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="452"/>
        <source>Add collapse gully {0}</source>
        <translation>添加崩岗 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="455"/>
        <source>Layer {0} refused the new gully.</source>
        <translation>图层 {0} 拒绝了新崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="501"/>
        <source>Recompute collapse gully {0}</source>
        <translation>重新计算崩岗 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="554"/>
        <source>Unknown gully part {0}.</source>
        <translation>未知的崩岗部位 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="557"/>
        <source>The part needs a polygon with at least three vertices.</source>
        <translation>部位需要至少有三个节点的多边形。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="563"/>
        <source>There is no gully {0}.</source>
        <translation>不存在崩岗 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="573"/>
        <source>The part is not on or near any gully: select its gully first.</source>
        <translation>该部位不在任何崩岗上或附近：请先选择其所属崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="585"/>
        <source>Add {0} of gully {1}</source>
        <translation>添加崩岗 {1} 的{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="589"/>
        <source>Layer {0} refused the new part.</source>
        <translation>图层 {0} 拒绝了新部位。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="612"/>
        <source>Gully parts</source>
        <translation>崩岗部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="617"/>
        <source>Cannot relate {0} to {1}: both need the field bgbh and must be in the project.</source>
        <translation>无法关联 {0} 与 {1}：两者都需要 bgbh 字段且必须在工程中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="760"/>
        <source>Feature {0}: invalid geometry, area of the repaired polygon.</source>
        <translation>要素 {0}：几何无效，采用修复后多边形的面积。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="768"/>
        <source>Feature {0}: not in any township.</source>
        <translation>要素 {0}：不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="779"/>
        <source>Feature {0}: duplicate ID {1} renumbered.</source>
        <translation>要素 {0}：重复编号 {1} 已重新编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="791"/>
        <source>Cannot write gully {0}.</source>
        <translation>无法写入崩岗 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="76"/>
        <source>{0} project(s) imported, {1} updated, {2} row(s) not taken.</source>
        <translation>已导入 {0} 个项目，更新 {1} 个，{2} 行未导入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="78"/>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="177"/>
        <source>{0} does not exist.</source>
        <translation>{0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="299"/>
        <source>projects</source>
        <translation>开发项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="148"/>
        <source>Cannot open {0} as a layer: {1}</source>
        <translation>无法将 {0} 作为图层打开：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="209"/>
        <source>Cannot read the register {0}.</source>
        <translation>无法读取登记表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="212"/>
        <source>The register {0} has no sheet &quot;{1}&quot;.</source>
        <translation>登记表 {0} 中没有工作表“{1}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="290"/>
        <source>{0} &quot;{1}&quot; is not a number</source>
        <translation>{0}“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="295"/>
        <source>{0} &quot;{1}&quot; is not a whole number</source>
        <translation>{0}“{1}”不是整数</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="299"/>
        <source>{0} &quot;{1}&quot; is not a date</source>
        <translation>{0}“{1}”不是日期</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="307"/>
        <source>{0} &quot;{1}&quot; is not one of: {2}</source>
        <translation>{0}“{1}”不在以下取值中：{2}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="325"/>
        <source>Map a source field to the project number ({0}).</source>
        <translation>请将一个来源字段映射到项目编号（{0}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="328"/>
        <source>{0} is not a field of the development projects.</source>
        <translation>{0} 不是开发项目的字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="331"/>
        <source>The source has no field &quot;{0}&quot;.</source>
        <translation>数据源没有字段“{0}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="340"/>
        <source>The project source cannot be read.</source>
        <translation>无法读取项目数据源。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="342"/>
        <source>The project source {0} has no polygons.</source>
        <translation>项目数据源 {0} 中没有面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="359"/>
        <source>{0} (feature {1})</source>
        <translation>{0}（要素 {1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="366"/>
        <source>{0} features of project {1} were merged into one boundary.</source>
        <translation>项目 {1} 的 {0} 个要素已合并为一个范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="381"/>
        <source>The boundary layer cannot be read.</source>
        <translation>无法读取范围图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="383"/>
        <source>The boundary layer has no field &quot;{0}&quot;.</source>
        <translation>范围图层没有字段“{0}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="377"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="403"/>
        <source>{0} boundary polygon(s) have no register row: {1}</source>
        <translation>{0} 个范围面在登记表中没有对应行：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="434"/>
        <source>no project number</source>
        <translation>没有项目编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="437"/>
        <source>project number {0} appears again (first at row {1})</source>
        <translation>项目编号 {0} 重复出现（首次出现在第 {1} 行）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="442"/>
        <source>project {0} is already in the workspace</source>
        <translation>项目 {0} 已在工作空间中</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="478"/>
        <source>Cannot write the projects into {0}: {1}</source>
        <translation>无法将项目写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="511"/>
        <source>no boundary polygon</source>
        <translation>没有范围面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="494"/>
        <source>the boundary is not a polygon</source>
        <translation>范围不是面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="498"/>
        <source>the boundary polygon is invalid and cannot be repaired</source>
        <translation>范围面无效且无法修复</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="508"/>
        <source>the boundary cannot be reprojected to the workspace CRS</source>
        <translation>范围无法投影到工作空间坐标系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="162"/>
        <source>found by validation</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="182"/>
        <source>no longer detected by validation</source>
        <translation>核查中已不再发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="197"/>
        <source>Cannot write the findings into {0}: {1}</source>
        <translation>无法将核查发现写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="224"/>
        <source>Unknown case status {0}.</source>
        <translation>未知的查处状态 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="226"/>
        <source>Say who handles the case.</source>
        <translation>请填写案件处理人。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="237"/>
        <source>{0} ({1}): {2} → {3}</source>
        <translation>{0}（{1}）：{2} → {3}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="248"/>
        <source>Not an allowed step: {0}.</source>
        <translation>不允许的状态变更：{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="252"/>
        <source>Set case status</source>
        <translation>设置查处状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="258"/>
        <source>Cannot write the case status: {0}</source>
        <translation>无法写入查处状态：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Parcel ID</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Rule name</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Compliance</source>
        <translation>合规性</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="160"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="367"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="367"/>
        <source>Township code</source>
        <translation>乡镇代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Case status</source>
        <translation>查处状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Handled at</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="272"/>
        <source>History (JSON)</source>
        <translation>处理记录（JSON）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="308"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="316"/>
        <source>Export to .gpkg, .xlsx or .csv, not {0}.</source>
        <translation>请导出为 .gpkg、.xlsx 或 .csv，而不是 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="541"/>
        <source>No measure table: open a workspace first.</source>
        <translation>没有措施表：请先打开工作空间。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="104"/>
        <source>Layer {0} is not a measure table: fields {1} are missing.</source>
        <translation>图层 {0} 不是措施表：缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="133"/>
        <source>Unknown measure {0}: it is not in the measure taxonomy.</source>
        <translation>未知措施 {0}：不在措施分类中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="456"/>
        <source>Layer {0} has no uuid field: its features cannot carry measures.</source>
        <translation>图层 {0} 没有 uuid 字段：其要素无法关联措施。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="282"/>
        <source>The year must be a whole number.</source>
        <translation>年度必须是整数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="284"/>
        <source>The year {0} is outside {1}-{2}.</source>
        <translation>年度 {0} 不在 {1}-{2} 范围内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="293"/>
        <source>The quantity must be a number.</source>
        <translation>数量必须是数字。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="295"/>
        <source>The quantity must be greater than 0 (got {0}).</source>
        <translation>数量必须大于 0（当前为 {0}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="310"/>
        <source>Measure {0} ({1}) is counted in {2}, not in {3}.</source>
        <translation>措施 {0}（{1}）的计量单位是 {2}，不是 {3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="317"/>
        <source>Use {0} ({1}) for {2}.</source>
        <translation>将 {0}（{1}）用作{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="328"/>
        <source>{0} is longer than {1} characters.</source>
        <translation>{0} 超过 {1} 个字符。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="520"/>
        <source>Cannot save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="432"/>
        <source>No layer to tag: choose a layer and select features.</source>
        <translation>没有可标注的图层：请选择图层并选中要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="435"/>
        <source>Nothing is selected in {0}: select the features to tag.</source>
        <translation>{0} 中没有选中要素：请选择要标注的要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="444"/>
        <source>Type the quantity of {0} in {1}.</source>
        <translation>请输入{0}的数量（单位：{1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="447"/>
        <source>{0} has no areas: type the quantity of {1} in hm².</source>
        <translation>{0} 没有面积：请以公顷为单位输入{1}的数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="453"/>
        <source>The layer name {0} is too long to link measures.</source>
        <translation>图层名 {0} 过长，无法关联措施。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="470"/>
        <source>{0} selected features no longer exist in {1}.</source>
        <translation>{1} 中有 {0} 个选中要素已不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="479"/>
        <source>Feature {0} of {1} has no uuid: save the layer or fill its uuid first.</source>
        <translation>{1} 的要素 {0} 没有 uuid：请先保存图层或填写其 uuid。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="485"/>
        <source>Feature {0} of {1} has no area: type the quantity.</source>
        <translation>{1} 的要素 {0} 没有面积：请输入数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="501"/>
        <source>Tag {0} features with {1}</source>
        <translation>为 {0} 个要素标注{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="505"/>
        <source>Cannot add the measure records to {0}.</source>
        <translation>无法向 {0} 添加措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="546"/>
        <source>Measure record {0} does not exist.</source>
        <translation>措施记录 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="568"/>
        <source>Edit measure {0}</source>
        <translation>编辑措施 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="573"/>
        <source>Cannot change measure record {0}.</source>
        <translation>无法修改措施记录 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="585"/>
        <source>No measure record is selected.</source>
        <translation>未选择措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="587"/>
        <source>Delete {0} measure records</source>
        <translation>删除 {0} 条措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="590"/>
        <source>Cannot delete the measure records.</source>
        <translation>无法删除措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="601"/>
        <source>Choose the collapse gully layer (it has the treatment status field zlzt).</source>
        <translation>请选择崩岗图层（含治理状态字段 zlzt）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="605"/>
        <source>Unknown treatment status {0}.</source>
        <translation>未知的治理状态 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="608"/>
        <source>Nothing is selected in {0}: select the gullies.</source>
        <translation>{0} 中没有选中要素：请选择崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="612"/>
        <source>Set treatment status to {0}</source>
        <translation>将治理状态设为{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measures.py" line="617"/>
        <source>Cannot change the treatment status.</source>
        <translation>无法修改治理状态。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="127"/>
        <source>The first year {0} is after the last year {1}.</source>
        <translation>起始年度 {0} 晚于截止年度 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="254"/>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_validation.py" line="132"/>
        <source>invalid geometry</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="54"/>
        <source>The input layer is missing or cannot be read.</source>
        <translation>输入图层缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/overlaps.py" line="176"/>
        <source>The layer {0} is not a polygon layer.</source>
        <translation>图层 {0} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="332"/>
        <source>The layer {0} has no field {1}; its fields are: {2}.</source>
        <translation>图层 {0} 没有字段 {1}；其字段为：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="70"/>
        <source>The Python package psycopg2 is missing: install python3-psycopg2 to use PostGIS workspaces.</source>
        <translation>缺少 Python 包 psycopg2：请安装 python3-psycopg2 以使用 PostGIS 工作空间。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="110"/>
        <source>There is no QGIS PostgreSQL connection named {0}.</source>
        <translation>没有名为 {0} 的 QGIS PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="116"/>
        <source>Choose a QGIS PostgreSQL connection.</source>
        <translation>请选择一个 QGIS PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="123"/>
        <source>The PostgreSQL connection {0} stores its password in plain text. Store the credentials in the QGIS authentication manager (an authentication configuration) and try again.</source>
        <translation>PostgreSQL 连接 {0} 以明文保存密码。请将凭据存入 QGIS 认证管理器（认证配置）后重试。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="129"/>
        <source>The PostgreSQL connection {0} names no database.</source>
        <translation>PostgreSQL 连接 {0} 未指定数据库。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="134"/>
        <source>Unknown authentication configuration {0}.</source>
        <translation>未知的认证配置 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="160"/>
        <source>Cannot read authentication configuration {0}.</source>
        <translation>无法读取认证配置 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="171"/>
        <source>Cannot connect to PostgreSQL {0}: {1}</source>
        <translation>无法连接 PostgreSQL {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="242"/>
        <source>The connection to the PostgreSQL server was lost while {0}; nothing was changed. Check the server and run it again. ({1})</source>
        <translation>在{0}时与 PostgreSQL 服务器的连接中断；未做任何修改。请检查服务器后重新运行。（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="246"/>
        <source>PostgreSQL refused {0}: {1}</source>
        <translation>PostgreSQL 拒绝了 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="289"/>
        <source>Table {0} is missing in the PostGIS workspace {1} on {2}.</source>
        <translation>{2} 上的 PostGIS 工作空间 {1} 中缺少表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="324"/>
        <source>Schema {0} is not a Xingguo SWC workspace (no {1} table).</source>
        <translation>模式 {0} 不是兴国水保工作空间（没有 {1} 表）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="326"/>
        <source>reading the workspace version</source>
        <translation>读取工作空间版本</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="333"/>
        <source>looking up table {0}</source>
        <translation>查找表 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="341"/>
        <source>looking up schema {0}</source>
        <translation>查找模式 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="352"/>
        <source>Enter a schema name for the PostGIS workspace.</source>
        <translation>请输入 PostGIS 工作空间的模式（schema）名称。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="354"/>
        <source>The schema name {0} is longer than 63 bytes.</source>
        <translation>模式名称 {0} 超过 63 字节。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="356"/>
        <source>The schema name contains a NUL character.</source>
        <translation>模式名称包含 NUL 字符。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="358"/>
        <source>The schema {0} is reserved: choose another name.</source>
        <translation>模式 {0} 为保留名称：请另选名称。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="100"/>
        <source>Workspace {0} has schema version {1}, newer than this plugin&apos;s {2}: update the plugin.</source>
        <translation>工作空间 {0} 的数据模型版本为 {1}，比本插件的版本 {2} 新：请更新插件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="104"/>
        <source>Workspace {0} has the old schema version {1}.</source>
        <translation>工作空间 {0} 的数据模型版本 {1} 较旧。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="437"/>
        <source>upgrading workspace {0}</source>
        <translation>升级工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="121"/>
        <source>No upgrade from schema version {0}.</source>
        <translation>无法从数据模型版本 {0} 升级。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="449"/>
        <source>Upgraded PostGIS workspace {0} to schema version {1}.</source>
        <translation>已将 PostGIS 工作空间 {0} 升级到数据模型版本 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="258"/>
        <source>Unknown coordinate reference system.</source>
        <translation>未知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="151"/>
        <source>{0} is geographic: use CGCS2000 (EPSG:4490) or a projected CRS.</source>
        <translation>{0} 是地理坐标系：请使用 CGCS2000（EPSG:4490）或投影坐标系。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="481"/>
        <source>Schema {0} already holds tables and is not a Xingguo SWC workspace: choose another schema.</source>
        <translation>模式 {0} 中已有数据表且不是兴国水保工作空间：请选择其他模式。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="484"/>
        <source>creating workspace {0}</source>
        <translation>创建工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="513"/>
        <source>Created PostGIS workspace {0} on {1}.</source>
        <translation>已在 {1} 上创建 PostGIS 工作空间 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="526"/>
        <source>PostGIS is not enabled in this database and cannot be enabled by this user: ask the administrator to run CREATE EXTENSION postgis. ({0})</source>
        <translation>该数据库未启用 PostGIS，且当前用户无权启用：请联系管理员执行 CREATE EXTENSION postgis。（{0}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="532"/>
        <source>The database does not know the coordinate reference system SRID {0}.</source>
        <translation>数据库中没有坐标参考系 SRID {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="330"/>
        <source>Cannot store the style of {0}: {1}</source>
        <translation>无法保存 {0} 的样式：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="673"/>
        <source>removing workspace {0}</source>
        <translation>删除工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="700"/>
        <source>The gully has no township code: cannot number it.</source>
        <translation>该崩岗没有乡镇代码：无法编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis.py" line="721"/>
        <source>numbering a gully</source>
        <translation>为崩岗编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_load.py" line="89"/>
        <source>copying {0} into workspace {1}</source>
        <translation>将 {0} 复制到工作空间 {1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_load.py" line="144"/>
        <source>Copied {0} rows from {1} into PostGIS workspace {2}.</source>
        <translation>已从 {1} 复制 {0} 行到 PostGIS 工作空间 {2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_load.py" line="170"/>
        <source>Table {0} of workspace {1} already holds data: empty it or choose to replace it.</source>
        <translation>工作空间 {1} 的表 {0} 中已有数据：请清空或选择替换。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="169"/>
        <source>Cannot write sample data into {0}: {1}</source>
        <translation>无法将示例数据写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="193"/>
        <source>{0} already exists: sample data is only written into a new file.</source>
        <translation>{0} 已存在：示例数据只写入新文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="196"/>
        <source>The number of parcels cannot be negative.</source>
        <translation>图斑数量不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="156"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="381"/>
        <source>{0} invalid geometries of {1} were repaired for the computation (the layer is not changed).</source>
        <translation>计算时修复了 {1} 的 {0} 个无效几何（图层本身未修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="300"/>
        <source>The grade field {0} holds text values such as &apos;{1}&apos;; it must hold erosion grades 1-6.</source>
        <translation>强度字段 {0} 含有文本值（如“{1}”）；它必须为侵蚀强度等级 1-6。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="329"/>
        <source>erosion</source>
        <translation>土壤侵蚀</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="97"/>
        <source>Invalid or empty geometry</source>
        <translation>几何无效或为空</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="98"/>
        <source>Not registered (suspected built without approval)</source>
        <translation>未登记（疑似未批先建）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="99"/>
        <source>Elsewhere than its project (suspected location change)</source>
        <translation>不在所属项目范围内（疑似建设地点变更）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="100"/>
        <source>Beyond the approved boundary</source>
        <translation>超出批复范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="101"/>
        <source>Overlaps other parcels</source>
        <translation>与其他图斑重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="102"/>
        <source>Steep slope</source>
        <translation>陡坡</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="103"/>
        <source>Terraces required</source>
        <translation>需修梯田</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="104"/>
        <source>Within a protected corridor</source>
        <translation>位于保护廊道内</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="222"/>
        <source>The {0} layer {1} has no field &quot;{2}&quot;; fields: {3}.</source>
        <translation>{0}图层 {1} 没有字段“{2}”；现有字段：{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="63"/>
        <source>The {0} layer is missing or cannot be read.</source>
        <translation>{0}图层缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="233"/>
        <source>The {0} layer {1} has the wrong geometry type.</source>
        <translation>{0}图层 {1} 的几何类型不正确。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="256"/>
        <source>not a polygon</source>
        <translation>不是面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="259"/>
        <source>not valid: {0}</source>
        <translation>无效：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="298"/>
        <source>parcels</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="301"/>
        <source>The excess tolerance must not be negative.</source>
        <translation>超出容差不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="304"/>
        <source>The DEM cannot be read.</source>
        <translation>无法读取 DEM。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="306"/>
        <source>The terrace slope ({0}°) must not exceed the steep slope ({1}°).</source>
        <translation>梯田坡度（{0}°）不能大于陡坡坡度（{1}°）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="309"/>
        <source>corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="311"/>
        <source>The corridor distance must not be negative.</source>
        <translation>廊道距离不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="314"/>
        <source>measures</source>
        <translation>治理措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="346"/>
        <source>Geometry is {0}.</source>
        <translation>几何为{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="377"/>
        <source>Mean slope {0:.1f}° is above {1}°: new cultivation and whole-slope clearing are forbidden.</source>
        <translation>平均坡度 {0:.1f}° 超过 {1}°：禁止新开垦和全坡面开发。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="383"/>
        <source>Mean slope {0:.1f}° is between {1}° and {2}° and no terrace measure is recorded.</source>
        <translation>平均坡度 {0:.1f}° 介于 {1}° 与 {2}° 之间，但没有梯田措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="425"/>
        <source>outside the area of its coordinate reference system</source>
        <translation>超出其坐标参考系的适用范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="474"/>
        <source>The parcel has no project number.</source>
        <translation>该图斑没有项目编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="479"/>
        <source>Project {0} is not in the development database.</source>
        <translation>项目 {0} 不在开发项目库中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="493"/>
        <source>The parcel does not lie within the approved boundary of project {0}.</source>
        <translation>该图斑不在项目 {0} 的批复范围内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="500"/>
        <source>{0:.1f} m² lie outside the approved boundary of project {1}.</source>
        <translation>有 {0:.1f} m² 超出项目 {1} 的批复范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="532"/>
        <source>{0:.1f} m² shared with parcel(s) {1}.</source>
        <translation>与图斑 {1} 重叠 {0:.1f} m²。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="565"/>
        <source>railway</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="565"/>
        <source>expressway</source>
        <translation>高速公路</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="566"/>
        <source>national road</source>
        <translation>国道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="566"/>
        <source>provincial road</source>
        <translation>省道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="567"/>
        <source>protected corridor</source>
        <translation>保护廊道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="585"/>
        <source>Within {0} m of a {1}.</source>
        <translation>距{1}不足 {0} 米。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation_slope.py" line="55"/>
        <source>The DEM has no usable pixel size.</source>
        <translation>DEM 没有可用的像元大小。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation_slope.py" line="74"/>
        <source>The DEM {0} does not cover {1} parcel(s), e.g. {2}: use a DEM that covers all parcels or leave the DEM out.</source>
        <translation>DEM {0} 未覆盖 {1} 个图斑（如 {2}）：请使用覆盖全部图斑的 DEM，或不使用 DEM。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation_slope.py" line="138"/>
        <source>The DEM has an unsupported data type.</source>
        <translation>DEM 的数据类型不受支持。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="251"/>
        <source>Table {0} is missing in the workspace {1}.</source>
        <translation>工作空间 {1} 中缺少表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="84"/>
        <source>{0} is not a Xingguo SWC workspace (no {1} table).</source>
        <translation>{0} 不是兴国水保工作空间（没有 {1} 表）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="112"/>
        <source>Workspace {0} does not exist.</source>
        <translation>工作空间 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="116"/>
        <source>Workspace {0} has the old schema version {1} and cannot be upgraded: the file is read-only.</source>
        <translation>工作空间 {0} 的数据模型版本 {1} 较旧且无法升级：文件为只读。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="131"/>
        <source>The workspace must be a .gpkg file: {0}</source>
        <translation>工作空间必须是 .gpkg 文件：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="134"/>
        <source>The folder {0} does not exist.</source>
        <translation>文件夹 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="136"/>
        <source>The folder {0} is read-only.</source>
        <translation>文件夹 {0} 为只读。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="206"/>
        <source>Cannot create table {0}: {1}</source>
        <translation>无法创建表 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace.py" line="320"/>
        <source>Cannot seed the measure taxonomy.</source>
        <translation>无法写入初始措施分类。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="65"/>
        <source>The {0} layer {1} is not a polygon layer.</source>
        <translation>{0}图层 {1} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="68"/>
        <source>The {0} layer {1} is empty: it has no features.</source>
        <translation>{0}图层 {1} 为空：没有任何要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="81"/>
        <source>townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="85"/>
        <source>The townships layer {0} has no field {1}; its fields are: {2}.</source>
        <translation>乡镇图层 {0} 没有字段 {1}；其字段为：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="97"/>
        <source>Township feature {0} has no code in field {1}.</source>
        <translation>乡镇要素 {0} 的字段 {1} 中没有代码。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="105"/>
        <source>Township {0} has no geometry; skipped.</source>
        <translation>乡镇 {0} 没有几何，已跳过。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="120"/>
        <source>Township codes must be unique; repeated in field {0}: {1}.</source>
        <translation>乡镇代码必须唯一；字段 {0} 中重复：{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/zones.py" line="123"/>
        <source>The townships layer {0} has no geometries.</source>
        <translation>乡镇图层 {0} 没有几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="29"/>
        <source>Collapse gullies</source>
        <translation>崩岗调查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="127"/>
        <source>Gully layer</source>
        <translation>崩岗图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="128"/>
        <source>Township layer</source>
        <translation>乡镇图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="129"/>
        <source>Part layer</source>
        <translation>部位图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="132"/>
        <source>Digitize</source>
        <translation>数字化</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="133"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="134"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="144"/>
        <source>Digitize gully</source>
        <translation>绘制崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="146"/>
        <source>Left click adds vertices, right click finishes; snapping and the advanced digitizing panel work as in QGIS.</source>
        <translation>左键添加节点，右键结束；捕捉和高级数字化面板与 QGIS 中的用法相同。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="151"/>
        <source>Derived before saving</source>
        <translation>保存前自动计算</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="367"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="245"/>
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="245"/>
        <source>Gully ID</source>
        <translation>崩岗编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="169"/>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="173"/>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="180"/>
        <source>Shape</source>
        <translation>形态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="245"/>
        <source>Activity</source>
        <translation>活动性</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="245"/>
        <source>Treatment status</source>
        <translation>治理状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="183"/>
        <source>Survey date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="184"/>
        <source>Surveyor</source>
        <translation>调查人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="185"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="188"/>
        <source>Use repaired polygon</source>
        <translation>使用修复后的多边形</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="189"/>
        <source>Save gully</source>
        <translation>保存崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="190"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="208"/>
        <source>empty: the gully under the part</source>
        <translation>留空：部位所在的崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="209"/>
        <source>Digitize part</source>
        <translation>绘制部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="212"/>
        <source>Part</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="223"/>
        <source>Map extent</source>
        <translation>当前地图范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="224"/>
        <source>Whole layer</source>
        <translation>整个图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="228"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="229"/>
        <source>Gullies of</source>
        <translation>崩岗范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="241"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="357"/>
        <source>Choose the township layer first.</source>
        <translation>请先选择乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="401"/>
        <source>Choose the part layer (benggang_part) first.</source>
        <translation>请先选择崩岗部位图层（benggang_part）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="413"/>
        <source>No map canvas.</source>
        <translation>没有地图画布。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="469"/>
        <source>Gully {0}: {1:.2f} m², {2}, {3}. Fill in the survey and save.</source>
        <translation>崩岗 {0}：{1:.2f} m²，{2}，{3}。请填写调查信息并保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="492"/>
        <source>Digitize a gully first.</source>
        <translation>请先数字化一个崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="502"/>
        <source>Saved gully {0} ({1:.2f} m²). Undo with Ctrl+Z; save the layer edits to keep it.</source>
        <translation>已保存崩岗 {0}（{1:.2f} m²）。可用 Ctrl+Z 撤销；保存图层编辑后才会写入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="548"/>
        <source>Saved {0} of gully {1}.</source>
        <translation>已保存崩岗 {1} 的{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="590"/>
        <source>Gully {0} recomputed: {1:.2f} m², {2}, {3}.</source>
        <translation>崩岗 {0} 已重新计算：{1:.2f} m²，{2}，{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="590"/>
        <source>no township</source>
        <translation>无乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="640"/>
        <source>{0} gullies</source>
        <translation>{0} 处崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="644"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="75"/>
        <source>Cannot open the layer {0}.</source>
        <translation>无法打开图层 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="89"/>
        <source>Cannot open the DEM {0}.</source>
        <translation>无法打开 DEM {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="286"/>
        <source>Parcel inspection</source>
        <translation>图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="156"/>
        <source>GeoPackage workspace (*.gpkg)</source>
        <translation>GeoPackage 工作空间 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="160"/>
        <source>Finding</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="160"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="270"/>
        <source>Choose the parcels and the project boundaries.</source>
        <translation>请选择图斑和项目范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="273"/>
        <source>Choose a workspace (.gpkg) to keep the findings in.</source>
        <translation>请选择保存核查发现的工作空间（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="327"/>
        <source>{0} finding(s): {1} new, {2} kept with their status, {3} removed, {4} no longer detected.</source>
        <translation>{0} 条核查发现：新增 {1} 条，保留原状态 {2} 条，删除 {3} 条，不再发现 {4} 条。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="393"/>
        <source>{0} finding(s) in {1} rule(s).</source>
        <translation>共 {0} 条核查发现，涉及 {1} 条规则。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="452"/>
        <source>Finding {0} has no geometry (empty parcel).</source>
        <translation>核查发现 {0} 没有几何（空图斑）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="519"/>
        <source>{0} finding(s) set to {1}: click Save to keep it.</source>
        <translation>已将 {0} 条核查发现设为{1}：单击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="534"/>
        <source>Cannot save the case status: {0}</source>
        <translation>无法保存查处状态：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="542"/>
        <source>Export findings</source>
        <translation>导出核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="542"/>
        <source>GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>GeoPackage (*.gpkg);;Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="551"/>
        <source>No findings yet: run the check first.</source>
        <translation>尚无核查发现：请先运行核查。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="560"/>
        <source>Findings exported to {0}.</source>
        <translation>核查发现已导出到 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="567"/>
        <source>Choose a workspace (.gpkg) to import into.</source>
        <translation>请选择要导入的工作空间（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="48"/>
        <source>Treatment measures</source>
        <translation>治理措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="135"/>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="609"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="609"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="610"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="609"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="136"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="136"/>
        <source>Funding</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="140"/>
        <source>By measure</source>
        <translation>按措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="141"/>
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="142"/>
        <source>By year</source>
        <translation>按年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="143"/>
        <source>By township, year and measure</source>
        <translation>按乡镇、年度和措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="375"/>
        <source>Choose a layer</source>
        <translation>选择图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="377"/>
        <source>No features selected in {0}</source>
        <translation>{0} 中未选择要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="379"/>
        <source>{0} features selected in {1}</source>
        <translation>{1} 中已选择 {0} 个要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="423"/>
        <source>Measures of the selection: {0}</source>
        <translation>所选要素的措施：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="458"/>
        <source>No measure table: open a workspace or choose the measure table.</source>
        <translation>没有措施表：请打开工作空间或选择措施表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="461"/>
        <source>Choose the layer whose features get the measure.</source>
        <translation>请选择要标注措施的要素所在图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="472"/>
        <source>{0} measure records written (undo with Undo; Save keeps them).</source>
        <translation>已写入 {0} 条措施记录（可用“撤销”撤回；“保存”后生效）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="480"/>
        <source>Choose one measure record in the table to edit.</source>
        <translation>请在表中选择一条要编辑的措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="496"/>
        <source>No measure table.</source>
        <translation>没有措施表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="523"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="533"/>
        <source>Treatment status of {0} gullies set to {1}.</source>
        <translation>已将 {0} 处崩岗的治理状态设为{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="544"/>
        <source>Unsaved measure records are not in the summary: save first.</source>
        <translation>未保存的措施记录不计入汇总：请先保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="47"/>
        <source>Treatment measure summary</source>
        <translation>治理措施汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="572"/>
        <source>{0} records; treated {1} features, {2:.2f} hm² ({3:.1f} % of the {4:g} km² target); treated gullies {5} ({6:.1f} % of {7}).</source>
        <translation>{0} 条记录；已治理 {1} 个要素，{2:.2f} 公顷（占 {4:g} km² 目标的 {3:.1f} %）；已治理崩岗 {5} 处（占 {7} 处的 {6:.1f} %）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="579"/>
        <source>{0} records point to missing features.</source>
        <translation>{0} 条记录指向不存在的要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="594"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="610"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="71"/>
        <source>Treated features</source>
        <translation>已治理要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="73"/>
        <source>Treated area (hm²)</source>
        <translation>治理面积（公顷）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="176"/>
        <source>Treated gullies</source>
        <translation>已治理崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="40"/>
        <source>Xingguo SWC (兴国水保)</source>
        <translation>兴国水土保持</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="72"/>
        <source>Xingguo SWC</source>
        <translation>兴国水保</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="62"/>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="33"/>
        <source>Collapse gullies with attributes</source>
        <translation>含属性的崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="53"/>
        <source>{0} gullies, {1} changed, {2} new IDs, {3} duplicates renumbered, {4} outside every township.</source>
        <translation>{0} 处崩岗，修改 {1} 处，新编号 {2} 个，重复编号重编 {3} 个，{4} 处不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="57"/>
        <source>Measure table</source>
        <translation>措施表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="62"/>
        <source>First year</source>
        <translation>起始年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="65"/>
        <source>Last year</source>
        <translation>截止年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="68"/>
        <source>Measure summary</source>
        <translation>措施汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="70"/>
        <source>Measure records</source>
        <translation>措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="75"/>
        <source>Treated collapse gullies</source>
        <translation>已治理崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="102"/>
        <source>{0} measure records point to features that were not found (layers: {1}); they count in the measure totals only.</source>
        <translation>{0} 条措施记录指向的要素未找到（图层：{1}）；它们只计入措施合计。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="106"/>
        <source>Treated area {0:.2f} hm² ({1:.1f} % of {2} km²), treated collapse gullies {3} ({4:.1f} % of {5}).</source>
        <translation>治理面积 {0:.2f} 公顷（占 {2} km² 目标的 {1:.1f} %），已治理崩岗 {3} 处（占 {5} 处目标的 {4:.1f} %）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="39"/>
        <source>Polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="41"/>
        <source>Identifier field</source>
        <translation>标识字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="43"/>
        <source>Minimum shared area (m²)</source>
        <translation>最小重叠面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="46"/>
        <source>Overlaps</source>
        <translation>重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="48"/>
        <source>Invalid geometries</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="90"/>
        <source>{0} features: {1} overlapping pairs, {2} invalid geometries.</source>
        <translation>{0} 个要素：{1} 对重叠，{2} 个无效几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/provider.py" line="37"/>
        <source>Xingguo soil and water conservation</source>
        <translation>兴国水土保持</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="34"/>
        <source>The layer {0} is missing or cannot be read.</source>
        <translation>图层 {0} 缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="64"/>
        <source>Township code field</source>
        <translation>乡镇代码字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="80"/>
        <source>Input polygons</source>
        <translation>输入面图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="82"/>
        <source>Class field</source>
        <translation>分类字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="84"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="84"/>
        <source>Planimetric (projected CRS)</source>
        <translation>平面面积（投影坐标系）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="84"/>
        <source>Ellipsoidal (CGCS2000)</source>
        <translation>椭球面积（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="87"/>
        <source>Township statistics</source>
        <translation>乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="109"/>
        <source>{0} features, {1} invalid geometries repaired.</source>
        <translation>{0} 个要素，已修复 {1} 个无效几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="125"/>
        <source>Soil erosion</source>
        <translation>土壤侵蚀</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="127"/>
        <source>Erosion grade field</source>
        <translation>侵蚀强度字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="129"/>
        <source>Target rate (%); empty: the setting</source>
        <translation>目标水土保持率（%）；留空则使用设置值</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="132"/>
        <source>Soil conservation rate</source>
        <translation>水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="61"/>
        <source>Development parcels</source>
        <translation>农林开发图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="63"/>
        <source>Parcel ID field</source>
        <translation>图斑编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="65"/>
        <source>Project number field of the parcels</source>
        <translation>图斑的项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="68"/>
        <source>Approved project boundaries</source>
        <translation>项目批复范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="70"/>
        <source>Project number field of the projects</source>
        <translation>项目的项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="73"/>
        <source>Excess tolerance (m²)</source>
        <translation>超出容差（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="76"/>
        <source>DEM (elevation, metres)</source>
        <translation>DEM（高程，米）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="78"/>
        <source>Steep slope (°)</source>
        <translation>陡坡（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="81"/>
        <source>Terraces required from slope (°)</source>
        <translation>需修梯田的起始坡度（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="85"/>
        <source>Railways and roads (lines)</source>
        <translation>铁路和公路（线）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="88"/>
        <source>Corridor distance (m)</source>
        <translation>廊道距离（米）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="91"/>
        <source>Road class field of the corridors</source>
        <translation>廊道的道路等级字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="94"/>
        <source>Treatment measures (table)</source>
        <translation>治理措施（表）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="143"/>
        <source>{0} finding(s).</source>
        <translation>{0} 条核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="92"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="35"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="94"/>
        <source>Number of parcels</source>
        <translation>图斑数量</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="97"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="372"/>
        <source>Soil conservation rate (%)</source>
        <translation>水土保持率（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="541"/>
        <source>Writing {0} failed (error {1}).</source>
        <translation>写入 {0} 失败（错误 {1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/export.py" line="37"/>
        <source>Cannot export to {0}: use one of {1}.</source>
        <translation>无法导出到 {0}：请使用以下格式之一：{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="149"/>
        <source>Import development projects</source>
        <translation>导入开发项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="84"/>
        <source>Layer file (GeoPackage, shapefile, FileGDB)</source>
        <translation>图层文件（GeoPackage、shapefile、FileGDB）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="84"/>
        <source>Layer of the project (e.g. PostGIS)</source>
        <translation>工程中的图层（如 PostGIS）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="84"/>
        <source>Register (Excel/CSV) and boundary polygons</source>
        <translation>登记表（Excel/CSV）和范围面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="87"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="93"/>
        <source>Vector files (*.gpkg *.shp *.gdb *.sqlite);;All files (*)</source>
        <translation>矢量文件 (*.gpkg *.shp *.gdb *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="96"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="104"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="110"/>
        <source>Registers (*.xlsx *.xls *.ods *.csv)</source>
        <translation>登记表 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="115"/>
        <source>Register</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="116"/>
        <source>Sheet</source>
        <translation>图幅</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="117"/>
        <source>Boundaries</source>
        <translation>范围边界</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="118"/>
        <source>Project number of the boundaries</source>
        <translation>范围的项目编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="122"/>
        <source>Fields of the development projects and their source</source>
        <translation>开发项目字段及其来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="124"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="124"/>
        <source>Source field</source>
        <translation>来源字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="164"/>
        <source>Update projects already in the workspace</source>
        <translation>更新工作空间中已有的项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="136"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="234"/>
        <source>Choose a layer.</source>
        <translation>请选择图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="242"/>
        <source>Choose the boundary layer and its project number field.</source>
        <translation>请选择范围图层及其项目编号字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="70"/>
        <source>No statistics yet</source>
        <translation>尚无统计结果</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="135"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="136"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="138"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="368"/>
        <source>Area (hm²)</source>
        <translation>面积（公顷）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="161"/>
        <source>County targets</source>
        <translation>全县目标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="174"/>
        <source>Treated area</source>
        <translation>治理面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="221"/>
        <source>Choose the townships and the input layer.</source>
        <translation>请选择乡镇图层和输入图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="280"/>
        <source>{0} invalid geometries were repaired for the computation (the layer is not changed).</source>
        <translation>计算时修复了 {0} 个无效几何（图层本身未修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="287"/>
        <source>{0:.2f} % (target ≥ {1:.0f} %)</source>
        <translation>{0:.2f} %（目标 ≥ {1:.0f} %）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="292"/>
        <source>no erosion layer chosen</source>
        <translation>未选择土壤侵蚀图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="295"/>
        <source>{0:.2f} km² of {1:.0f} km²</source>
        <translation>{0:.2f} km² / {1:.0f} km²</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="300"/>
        <source>no measure records in the workspace</source>
        <translation>工作空间中没有措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="303"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="308"/>
        <source>no gully layer in the workspace</source>
        <translation>工作空间中没有崩岗图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="330"/>
        <source>Export township statistics</source>
        <translation>导出乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="330"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="344"/>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="367"/>
        <source>Features</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="368"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="370"/>
        <source>{0} (hm²)</source>
        <translation>{0}（公顷）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="372"/>
        <source>Erosion area (hm²)</source>
        <translation>侵蚀面积（公顷）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="43"/>
        <source>Townships (atlas coverage)</source>
        <translation>乡镇（图集覆盖图层）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="46"/>
        <source>Layers to show</source>
        <translation>显示的图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="48"/>
        <source>Layout template (.qpt; empty: the bundled one)</source>
        <translation>布局模板（.qpt；留空则使用内置模板）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="51"/>
        <source>Title after the township name</source>
        <translation>乡镇名称后的标题</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="54"/>
        <source>Only townships matching</source>
        <translation>仅限符合条件的乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="57"/>
        <source>Also write one merged PDF</source>
        <translation>同时输出一个合并的 PDF</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="59"/>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="64"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="66"/>
        <source>Merged PDF</source>
        <translation>合并 PDF</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="67"/>
        <source>Sheets written</source>
        <translation>已输出图幅</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="68"/>
        <source>Sheets</source>
        <translation>图幅</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="75"/>
        <source>No township layer.</source>
        <translation>没有乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="94"/>
        <source>{0} sheets in {1} ({2:.1f} s).</source>
        <translation>{1} 中共 {0} 幅（{2:.1f} 秒）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="158"/>
        <source>Project boundaries</source>
        <translation>项目范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="162"/>
        <source>Field mapping (field=source;...)</source>
        <translation>字段映射（字段=来源;...）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="166"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="167"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="168"/>
        <source>Not taken</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="19"/>
        <source>Collapse gully attributes</source>
        <translation>崩岗属性计算</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="21"/>
        <source>For gullies imported from elsewhere: recomputes the township (largest overlap), the area in m² (planimetric in a projected CRS, ellipsoidal CGCS2000 in a geographic one) and the scale class from the thresholds in the settings, and numbers gullies without an ID (township code - 4-digit sequence, continuing after the highest existing one; duplicates are renumbered). Missing fields are added. Existing IDs are kept.</source>
        <translation>用于从其他来源导入的崩岗：重新计算所属乡镇（重叠面积最大者）、面积（m²；投影坐标系下为平面面积，地理坐标系下为 CGCS2000 椭球面积）和规模等级（按设置中的阈值），并为没有编号的崩岗编号（乡镇代码-4 位序号，接续现有最大序号；重复编号将重新编号）。缺少的字段会自动添加，已有编号保持不变。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="49"/>
        <source>Totals of the treatment measures built in a period: quantity per measure, township and year, and the treated area (hm²) and treated collapse gullies, each feature counted once even when several measures cover it. A feature is treated once it has any measure in the period. Row kind (lx): measure = one measure in one township and year; township, year, county = treated totals (zltb features, zlmj hm², zlbg gullies).</source>
        <translation>统计某一时期内实施的治理措施：按措施、乡镇和年度汇总数量，以及治理面积（公顷）和已治理崩岗数；同一要素即使有多项措施也只计一次。要素在该时期内有任一措施即视为已治理。行类型（lx）：measure = 某乡镇某年度的一项措施；township、year、county = 治理合计（zltb 要素数，zlmj 公顷，zlbg 崩岗数）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="31"/>
        <source>Check overlaps</source>
        <translation>重叠检查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="32"/>
        <source>Inspection</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="33"/>
        <source>One feature per pair of overlapping polygons (listed once), geometry = the shared part, with its area in m². Pairs sharing less than the minimum area are ignored. Invalid or empty geometries go to a separate table and do not stop the run.</source>
        <translation>每对相互重叠的多边形输出一个要素（每对只列一次），几何为重叠部分，并给出其面积（m²）。重叠面积小于最小值的忽略。无效或空几何输出到单独的表，不会中断运行。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="28"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="71"/>
        <source>Township area statistics</source>
        <translation>乡镇面积统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="73"/>
        <source>Area (m², hm², mu) and feature count of a polygon layer per township and class, with a county row (360732). A feature crossing townships is split by area; every township gets a row, zeros included. Invalid geometries are repaired for the computation only and counted in the log.</source>
        <translation>按乡镇和类别统计面图层的面积（m²、公顷、亩）和要素数，并附全县合计行（360732）。跨乡镇的要素按面积分割；每个乡镇都有一行（包括为零的）。无效几何仅在计算时修复，并在日志中计数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="118"/>
        <source>水土保持率 per township and for the county: (land area − erosion area of grade 2 and above) / land area × 100. Overlapping erosion polygons are counted once. meets_target compares with the target (83 % by default, a setting).</source>
        <translation>各乡镇及全县的水土保持率：（土地面积 − 轻度及以上侵蚀面积）/ 土地面积 × 100。相互重叠的侵蚀多边形只计一次。meets_target 表示是否达到目标（默认 83 %，可在设置中修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="48"/>
        <source>Validate development parcels</source>
        <translation>农林开发图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="150"/>
        <source>Supervision</source>
        <translation>监管</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="50"/>
        <source>Checks development parcels against the approved project boundaries of the development database and writes one finding per parcel and rule: invalid geometry, not registered (疑似未批先建), elsewhere than its project (疑似建设地点变更), beyond the approved boundary by more than the tolerance (疑似超出防治责任范围), overlaps, steep slope and missing terraces (with a DEM), within a protected corridor (with road lines whose field dllx says railway/铁路, expressway/高速, national/国道 or provincial/省道). Geometry = the offending part. The input layers are only read.</source>
        <translation>将农林开发图斑与开发项目库中的项目批复范围比对，每个图斑每条规则输出一条核查发现：几何无效、未登记（疑似未批先建）、不在所属项目范围内（疑似建设地点变更）、超出批复范围且超过容差（疑似超出防治责任范围）、图斑重叠、陡坡及未修梯田（需 DEM）、位于保护廊道内（需道路线图层，字段 dllx 为 railway/铁路、expressway/高速、national/国道 或 provincial/省道）。几何为违规部分。输入图层只读，不会被修改。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="151"/>
        <source>Imports approved development projects (polygons) into the workspace table dev_project: GeoPackage, shapefile (UTF-8 or GBK, with or without .cpg), FileGDB or PostGIS layer. FIELD_MAP maps workspace fields to source fields as 'xmbh=项目编号;xmmc=项目名称'; empty proposes the mapping from the field names. Rows that cannot be taken are listed with the reason.</source>
        <translation>将已批复的开发项目（面）导入工作空间的 dev_project 表：支持 GeoPackage、shapefile（UTF-8 或 GBK 编码，有无 .cpg 均可）、FileGDB 或 PostGIS 图层。FIELD_MAP 以 'xmbh=项目编号;xmmc=项目名称' 的形式将工作空间字段映射到来源字段；留空则根据字段名自动建议映射。无法导入的行会列出原因。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="24"/>
        <source>Create workspace</source>
        <translation>创建工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="85"/>
        <source>Generate sample workspace</source>
        <translation>生成示例工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="87"/>
        <source>Makes a synthetic Xingguo workspace: the 25 townships with their real codes and names on synthetic boundaries, development parcels and projects, erosion, collapse gullies and measures. Same seed, same data.</source>
        <translation>生成一个模拟的兴国县工作空间：25 个乡镇（真实代码和名称，边界为模拟）、农林开发图斑和项目、土壤侵蚀、崩岗及治理措施。相同的随机种子生成相同的数据。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="357"/>
        <source>The layout {0} cannot be added to the project.</source>
        <translation>无法将布局 {0} 添加到工程。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="519"/>
        <source>The township layer has no township to print.</source>
        <translation>乡镇图层中没有可输出的乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="170"/>
        <source>{0}: computed in the PostGIS database {1}.</source>
        <translation>{0}：已在 PostGIS 数据库 {1} 中计算。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="267"/>
        <source>computing township statistics on the server</source>
        <translation>在服务器上计算乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="335"/>
        <source>reading classes on the server</source>
        <translation>在服务器上读取类别</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="356"/>
        <source>Conservation rate</source>
        <translation>水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="370"/>
        <source>computing the conservation rate on the server</source>
        <translation>在服务器上计算水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="439"/>
        <source>finding overlaps on the server</source>
        <translation>在服务器上查找重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_compute.py" line="537"/>
        <source>Both layers must be PostGIS tables of one database.</source>
        <translation>两个图层都必须是同一数据库中的 PostGIS 表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="484"/>
        <source>Project {0} has no approved boundary to compare with.</source>
        <translation>项目 {0} 没有可比对的批复范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="242"/>
        <source>Atlas</source>
        <translation>图集输出</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="64"/>
        <source>Layout templates (*.qpt)</source>
        <translation>布局模板 (*.qpt)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="103"/>
        <source>{0} selected</source>
        <translation>已选 {0} 个</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="151"/>
        <source>No township selected: select townships on the map or print all.</source>
        <translation>未选择乡镇：请在地图上选择乡镇，或输出全部乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="164"/>
        <source>Choose the township layer.</source>
        <translation>请选择乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="166"/>
        <source>Choose an output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="186"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="207"/>
        <source>{0} sheets written to {1} in {2:.0f} s.</source>
        <translation>已将 {0} 幅图输出到 {1}，用时 {2:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="216"/>
        <source>Layout {0} added to the project.</source>
        <translation>布局 {0} 已添加到工程。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="230"/>
        <source>Atlas export canceled: nothing was written.</source>
        <translation>图集导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="234"/>
        <source>The atlas export failed: {0}</source>
        <translation>图集导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="232"/>
        <source>At map centre</source>
        <translation>地图中心所在乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="233"/>
        <source>Choose the township under the centre of the map</source>
        <translation>选择地图中心所在的乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="665"/>
        <source>The map centre is outside every township.</source>
        <translation>地图中心不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="30"/>
        <source>Township atlas (PDF)</source>
        <translation>乡镇图集（PDF）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="31"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="32"/>
        <source>Prints one map sheet per township from a layout template: the township&apos;s territory with the chosen layers in their styles, legend, scale bar, north arrow, coordinate system, data date and the township&apos;s figures (soil conservation rate, erosion by grade, gullies by scale and treatment status, treated area, findings by rule). Writes &lt;code&gt;_&lt;name&gt;.pdf per township into the output folder and, optionally, one merged PDF. Without layers, the workspace tables beside the township layer are shown. Nothing is left behind when it fails or is canceled.</source>
        <translation>按布局模板为每个乡镇输出一幅专题图：乡镇辖区及所选图层（按其样式）、图例、比例尺、指北针、坐标系、数据日期和该乡镇的统计数据（水土保持率、各强度侵蚀面积、各规模和治理状态的崩岗、治理面积、各规则的核查发现）。每个乡镇在输出文件夹中生成一个 &lt;code&gt;_&lt;name&gt;.pdf，并可另外生成一个合并的 PDF。未指定图层时，显示与乡镇图层同一工作空间中的数据表。失败或取消时不会留下任何文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="26"/>
        <source>Creates a GeoPackage workspace with every table of the data model, styles and forms, or opens and upgrades an existing one. With a PostgreSQL connection and a schema it creates the shared PostGIS workspace instead (credentials from the QGIS authentication manager), optionally copying a GeoPackage workspace into it.</source>
        <translation>创建包含数据模型全部数据表、样式和表单的 GeoPackage 工作空间，或打开并升级已有的工作空间。若指定 PostgreSQL 连接和模式，则改为创建多人共享的 PostGIS 工作空间（凭据来自 QGIS 认证管理器），并可将一个 GeoPackage 工作空间的数据复制进去。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="38"/>
        <source>PostgreSQL connection (shared PostGIS workspace)</source>
        <translation>PostgreSQL 连接（共享 PostGIS 工作空间）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="41"/>
        <source>Authentication configuration (overrides the connection&apos;s)</source>
        <translation>认证配置（优先于连接中的设置）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="44"/>
        <source>Schema of the PostGIS workspace</source>
        <translation>PostGIS 工作空间的模式（schema）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="46"/>
        <source>Copy the data of this GeoPackage workspace into it</source>
        <translation>将此 GeoPackage 工作空间的数据复制进去</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="59"/>
        <source>Choose a GeoPackage file or a PostgreSQL connection.</source>
        <translation>请选择 GeoPackage 文件或 PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="68"/>
        <source>Choose the PostgreSQL connection (server and database) the authentication configuration is for.</source>
        <translation>请选择该认证配置所对应的 PostgreSQL 连接（服务器和数据库）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="76"/>
        <source>Copying {0} into schema {1}…</source>
        <translation>正在将 {0} 复制到模式 {1}…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_validation.py" line="47"/>
        <source>Parcel validation</source>
        <translation>图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/postgis_validation.py" line="73"/>
        <source>validating parcels on the server</source>
        <translation>在服务器上核查图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="127"/>
        <source>Quantity of EACH selected feature, in the unit beside it</source>
        <translation>每个选中要素各自的数量，单位见右侧</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/dependencies.py" line="39"/>
        <source>The Python package {0} is not installed: {1} are not available. Install it (Debian: python3-{0}) and restart QGIS.</source>
        <translation>未安装 Python 包 {0}：{1} 不可用。请安装该包（Debian：python3-{0}）后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="149"/>
        <source>No township layer: give the townships.</source>
        <translation>没有乡镇图层：请指定乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="292"/>
        <source>Gully {0}: the number of gullies bgsl must be a whole number of at least 1 (got {1}).</source>
        <translation>崩岗 {0}：崩岗数量 bgsl 须为不小于 1 的整数（当前为 {1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="313"/>
        <source>The gully layer {0} lacks the fields {1}: open it as a workspace table (the upgrade adds them).</source>
        <translation>崩岗图层 {0} 缺少字段 {1}：请作为工作空间表打开（升级会添加这些字段）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="337"/>
        <source>Gully {0}: new farmland xzgd is not a number ({1}).</source>
        <translation>崩岗 {0}：新增耕地 xzgd 不是数字（{1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="348"/>
        <source>Gully {0} lies in no township (xzqdm {1}): it cannot be counted.</source>
        <translation>崩岗 {0} 不在任何乡镇内（乡镇代码 {1}）：无法统计。</translation>
    </message>
</context>
<context>
    <name>AtlasDockBase</name>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="13"/>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="18"/>
        <source>Township polygons with xzqdm and xzqmc: one sheet each</source>
        <translation>含 xzqdm 和 xzqmc 字段的乡镇面：每个乡镇一幅图</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="25"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="31"/>
        <source>Selected only</source>
        <translation>仅所选</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="43"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="48"/>
        <source>Optional expression: only townships matching it get a sheet</source>
        <translation>可选表达式：只为符合条件的乡镇出图</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="53"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="58"/>
        <source>Layout template (.qpt); empty: the bundled township sheet</source>
        <translation>布局模板（.qpt）；留空则使用内置的乡镇图幅模板</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="63"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="68"/>
        <source>Printed after the township name</source>
        <translation>打印在乡镇名称之后</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="73"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="95"/>
        <source>Layers on the map</source>
        <translation>地图上的图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="100"/>
        <source>Checked layers are drawn on every sheet, in their styles</source>
        <translation>勾选的图层按其样式绘制在每幅图上</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="105"/>
        <source>Also write one merged PDF</source>
        <translation>同时输出一个合并的 PDF</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="111"/>
        <source>Add the layout to the project (to adjust and reprint)</source>
        <translation>将布局添加到工程（便于调整和重新打印）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="117"/>
        <source>Open the folder when done</source>
        <translation>完成后打开文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="125"/>
        <source>Export atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.ui" line="81"/>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
</context>
<context>
    <name>InspectionDockBase</name>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="15"/>
        <source>Parcels</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="20"/>
        <source>Development parcels to check (polygons)</source>
        <translation>待核查的农林开发图斑（面）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="25"/>
        <source>Parcel ID field</source>
        <translation>图斑编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="34"/>
        <source>Project number field</source>
        <translation>项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="39"/>
        <source>Field of the parcels holding their project number</source>
        <translation>图斑中存放项目编号的字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="44"/>
        <source>Projects</source>
        <translation>开发项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="49"/>
        <source>Approved project boundaries of the development database</source>
        <translation>开发项目库中的项目批复范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="54"/>
        <source>Project ID field</source>
        <translation>项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="63"/>
        <source>Excess tolerance (m²)</source>
        <translation>超出容差（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="68"/>
        <source>Area outside the approved boundary that is still accepted</source>
        <translation>超出批复范围但仍可接受的面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="73"/>
        <source>DEM (optional)</source>
        <translation>DEM（可选）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="78"/>
        <source>Elevation raster for the slope rules</source>
        <translation>用于坡度规则的高程栅格</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="83"/>
        <source>Steep slope (°)</source>
        <translation>陡坡（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="92"/>
        <source>Terraces from (°)</source>
        <translation>需修梯田坡度（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="101"/>
        <source>Roads (optional)</source>
        <translation>道路（可选）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="106"/>
        <source>Railway and road lines; field dllx holds the road class</source>
        <translation>铁路和公路线；字段 dllx 为道路等级</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="111"/>
        <source>Corridor distance (m)</source>
        <translation>廊道距离（米）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="120"/>
        <source>Measures (optional)</source>
        <translation>治理措施（可选）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="125"/>
        <source>Treatment measure table: terraces recorded for parcels</source>
        <translation>治理措施表：图斑已记录的梯田措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="130"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="135"/>
        <source>GeoPackage workspace whose finding table keeps the cases</source>
        <translation>用核查发现表保存案件的 GeoPackage 工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="145"/>
        <source>Check parcels</source>
        <translation>核查图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="145"/>
        <source>Validate the parcels and store the findings in the workspace</source>
        <translation>核查图斑并将核查发现保存到工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="155"/>
        <source>Import projects…</source>
        <translation>导入项目…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="155"/>
        <source>Import the development database into the workspace</source>
        <translation>将开发项目库导入工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="179"/>
        <source>Findings by rule; click one to zoom to it</source>
        <translation>按规则分组的核查发现；单击可缩放至该处</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="180"/>
        <source>Finding</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="181"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="182"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="183"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="190"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="198"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="206"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="218"/>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="218"/>
        <source>Move the selected findings to the new status (undoable until saved)</source>
        <translation>将所选核查发现转入新状态（保存前可撤销）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="223"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="228"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="233"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="233"/>
        <source>Export the findings as GeoPackage, Excel (XLSX) or CSV</source>
        <translation>将核查发现导出为 GeoPackage、Excel（XLSX）或 CSV</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="11"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>MeasuresDockBase</name>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="13"/>
        <source>Features of</source>
        <translation>要素所在图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="18"/>
        <source>Layer whose selected features get the measure (follows the active layer)</source>
        <translation>其选中要素将被标注措施的图层（跟随当前图层）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="23"/>
        <source>Measure table</source>
        <translation>措施表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="31"/>
        <source>No features selected</source>
        <translation>未选择要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="129"/>
        <source>Tag</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="46"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="60"/>
        <source>↻</source>
        <translation>↻</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="61"/>
        <source>Reload the measure taxonomy from the workspace</source>
        <translation>从工作空间重新加载措施分类</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="68"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="88"/>
        <source>Each feature's own area (hm²)</source>
        <translation>各要素自身面积（公顷）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="94"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="105"/>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="115"/>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="130"/>
        <source>Write one measure record per selected feature (one undoable step)</source>
        <translation>为每个选中要素写入一条措施记录（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="135"/>
        <source>Apply to record</source>
        <translation>应用到记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="136"/>
        <source>Write the form into the measure record chosen in the table</source>
        <translation>将表单内容写入表中选中的措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="143"/>
        <source>Measures of the selection</source>
        <translation>所选要素的措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="157"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="162"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="167"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="172"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="173"/>
        <source>Save the measure table and the edited feature layer</source>
        <translation>保存措施表和已编辑的要素图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="182"/>
        <source>Gully treatment status</source>
        <translation>崩岗治理状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="190"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="198"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="204"/>
        <source>Years</source>
        <translation>年度范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="216"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.ui" line="228"/>
        <source>Summarize</source>
        <translation>汇总</translation>
    </message>
</context>
</TS>
