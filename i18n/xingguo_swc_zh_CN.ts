<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>XingguoSWC</name>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="124"/>
        <source>Soil and water conservation map</source>
        <translation>水土保持图</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="53"/>
        <source>A layer of the atlas is missing or invalid.</source>
        <translation>图集的某个图层缺失或无效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="95"/>
        <source>Layer {0} cannot be opened: {1}</source>
        <translation>无法打开图层 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="140"/>
        <source>No output folder given.</source>
        <translation>未指定输出文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="142"/>
        <source>The output folder {0} is a file, not a folder.</source>
        <translation>输出文件夹 {0} 是文件而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="149"/>
        <source>The output folder {0} cannot be created: {1}</source>
        <translation>无法创建输出文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="160"/>
        <source>The output folder {0} cannot be written: {1}</source>
        <translation>无法写入输出文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="173"/>
        <source>The layout template {0} cannot be read: {1}</source>
        <translation>无法读取布局模板 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="178"/>
        <source>The layout template {0} is not a QGIS layout template (.qpt).</source>
        <translation>{0} 不是 QGIS 布局模板（.qpt）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="201"/>
        <source>The township layer {0} has no polygons: the atlas needs township polygons.</source>
        <translation>乡镇图层 {0} 中没有面：图集需要乡镇面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="193"/>
        <source>The township layer {0} lacks the fields {1}.</source>
        <translation>乡镇图层 {0} 缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="334"/>
        <source>The layout template cannot be loaded.</source>
        <translation>无法加载布局模板。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="337"/>
        <source>The layout template has no map item: add a map to it.</source>
        <translation>布局模板中没有地图项：请添加地图。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="354"/>
        <source>The township filter is not a valid expression: {0}</source>
        <translation>乡镇筛选条件不是有效的表达式：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="265"/>
        <source>Township atlas</source>
        <translation>乡镇图集</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="129"/>
        <source>Land area (km²)</source>
        <translation>国土面积（km²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="133"/>
        <source>Soil erosion area (km²)</source>
        <translation>水土流失面积（km²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="142"/>
        <source>Target {0} %</source>
        <translation>目标 {0} %</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="142"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="142"/>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="156"/>
        <source>Erosion {0} ({1})</source>
        <translation>{0}侵蚀面积（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="180"/>
        <source>Findings</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="216"/>
        <source>Findings: {0}</source>
        <translation>核查发现：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="331"/>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="704"/>
        <source>No township matches the filter.</source>
        <translation>没有符合筛选条件的乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="648"/>
        <source>atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="722"/>
        <source>The atlas cannot show township {0}.</source>
        <translation>图集无法显示乡镇 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="761"/>
        <source>Writing {0} failed: {1}</source>
        <translation>写入 {0} 失败：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="96"/>
        <source>The township layer has no field xzqdm (township code).</source>
        <translation>乡镇图层没有字段 xzqdm（乡镇代码）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang.py" line="121"/>
        <source>The township layer has no township polygons.</source>
        <translation>乡镇图层中没有乡镇面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_numbering.py" line="92"/>
        <source>No township: cannot number the gully.</source>
        <translation>不在任何乡镇内：无法为崩岗编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_numbering.py" line="141"/>
        <source>Cannot allocate a gully ID in {0}: {1}</source>
        <translation>无法在 {0} 中分配崩岗编号：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="73"/>
        <source>No valid gully layer selected.</source>
        <translation>未选择有效的崩岗图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="75"/>
        <source>Layer {0} is not a polygon layer.</source>
        <translation>图层 {0} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="78"/>
        <source>Layer {0} lacks the fields {1}.</source>
        <translation>图层 {0} 缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="49"/>
        <source>{0} at {1:.2f}, {2:.2f}</source>
        <translation>{0}，位于 {1:.2f}, {2:.2f}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="134"/>
        <source>(no ID, feature {0})</source>
        <translation>（无编号，要素 {0}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="154"/>
        <source>The gully needs a polygon with at least three vertices.</source>
        <translation>崩岗需要至少有三个节点的多边形。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="86"/>
        <source>The polygon is not valid ({0}). Use the repaired polygon or digitize it again.</source>
        <translation>多边形无效（{0}）。请使用修复后的多边形或重新绘制。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="178"/>
        <source>The gully covers {0:.2f} m², less than the minimum of {1:.2f} m² for a registered collapse gully.</source>
        <translation>该崩岗面积为 {0:.2f} m²，小于崩岗登记的最小面积 {1:.2f} m²。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="189"/>
        <source>{0:.2f} m² of the gully lie outside the county (the union of the townships).</source>
        <translation>该崩岗有 {0:.2f} m² 位于县界（各乡镇合并范围）之外。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="200"/>
        <source>The gully overlaps the existing gully {0} ({1:.2f} m²).</source>
        <translation>该崩岗与已有崩岗 {0} 重叠（{1:.2f} m²）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="521"/>
        <source>Layer {0} cannot be edited.</source>
        <translation>图层 {0} 无法编辑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="247"/>
        <source>Add collapse gully {0}</source>
        <translation>添加崩岗 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="250"/>
        <source>Layer {0} refused the new gully.</source>
        <translation>图层 {0} 拒绝了新崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_digitize.py" line="305"/>
        <source>Recompute collapse gully {0}</source>
        <translation>重新计算崩岗 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="82"/>
        <source>Unknown gully part {0}.</source>
        <translation>未知的崩岗部位 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="84"/>
        <source>The part needs a polygon with at least three vertices.</source>
        <translation>部位需要至少有三个节点的多边形。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="106"/>
        <source>There is no gully {0}.</source>
        <translation>不存在崩岗 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="145"/>
        <source>Add {0} of gully {1}</source>
        <translation>添加崩岗 {1} 的{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="150"/>
        <source>Layer {0} refused the new part.</source>
        <translation>图层 {0} 拒绝了新部位。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="177"/>
        <source>Gully parts</source>
        <translation>崩岗部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="182"/>
        <source>Cannot relate {0} to {1}: both need the field bgbh and must be in the project.</source>
        <translation>无法关联 {0} 与 {1}：两者都需要 bgbh 字段且必须在工程中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_attributes.py" line="119"/>
        <source>Feature {0}: invalid geometry, area of the repaired polygon.</source>
        <translation>要素 {0}：几何无效，采用修复后多边形的面积。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_attributes.py" line="130"/>
        <source>Feature {0}: not in any township.</source>
        <translation>要素 {0}：不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_attributes.py" line="140"/>
        <source>Feature {0}: duplicate ID {1} renumbered.</source>
        <translation>要素 {0}：重复编号 {1} 已重新编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_attributes.py" line="153"/>
        <source>Cannot write gully {0}.</source>
        <translation>无法写入崩岗 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="116"/>
        <source>{0} project(s) imported, {1} updated, {2} row(s) not taken.</source>
        <translation>已导入 {0} 个项目，更新 {1} 个，{2} 行未导入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="118"/>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sources.py" line="71"/>
        <source>{0} does not exist.</source>
        <translation>{0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="163"/>
        <source>projects</source>
        <translation>开发项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sources.py" line="83"/>
        <source>Cannot open {0} as a layer: {1}</source>
        <translation>无法将 {0} 作为图层打开：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="171"/>
        <source>Cannot read the register {0}.</source>
        <translation>无法读取登记表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="174"/>
        <source>The register {0} has no sheet &quot;{1}&quot;.</source>
        <translation>登记表 {0} 中没有工作表“{1}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="251"/>
        <source>{0} &quot;{1}&quot; is not a number</source>
        <translation>{0}“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="256"/>
        <source>{0} &quot;{1}&quot; is not a whole number</source>
        <translation>{0}“{1}”不是整数</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="260"/>
        <source>{0} &quot;{1}&quot; is not a date</source>
        <translation>{0}“{1}”不是日期</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="268"/>
        <source>{0} &quot;{1}&quot; is not one of: {2}</source>
        <translation>{0}“{1}”不在以下取值中：{2}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="294"/>
        <source>Map a source field to the project number ({0}).</source>
        <translation>请将一个来源字段映射到项目编号（{0}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="301"/>
        <source>The source has no field &quot;{0}&quot;.</source>
        <translation>数据源没有字段“{0}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="313"/>
        <source>The project source cannot be read.</source>
        <translation>无法读取项目数据源。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="315"/>
        <source>The project source {0} has no polygons.</source>
        <translation>项目数据源 {0} 中没有面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="640"/>
        <source>{0} (feature {1})</source>
        <translation>{0}（要素 {1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="344"/>
        <source>{0} features of project {1} were merged into one boundary.</source>
        <translation>项目 {1} 的 {0} 个要素已合并为一个范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="366"/>
        <source>The boundary layer cannot be read.</source>
        <translation>无法读取范围图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="369"/>
        <source>The boundary layer has no field &quot;{0}&quot;.</source>
        <translation>范围图层没有字段“{0}”。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/findings_model.py" line="265"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="391"/>
        <source>{0} boundary polygon(s) have no register row: {1}</source>
        <translation>{0} 个范围面在登记表中没有对应行：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="437"/>
        <source>no project number</source>
        <translation>没有项目编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="442"/>
        <source>project number {0} appears again (first at row {1})</source>
        <translation>项目编号 {0} 重复出现（首次出现在第 {1} 行）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="450"/>
        <source>project {0} is already in the workspace</source>
        <translation>项目 {0} 已在工作空间中</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="532"/>
        <source>no boundary polygon</source>
        <translation>没有范围面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="512"/>
        <source>the boundary is not a polygon</source>
        <translation>范围不是面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="516"/>
        <source>the boundary polygon is invalid and cannot be repaired</source>
        <translation>范围面无效且无法修复</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="529"/>
        <source>the boundary cannot be reprojected to the workspace CRS</source>
        <translation>范围无法投影到工作空间坐标系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="421"/>
        <source>found by validation</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="450"/>
        <source>no longer detected by validation</source>
        <translation>核查中已不再发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="527"/>
        <source>Unknown case status {0}.</source>
        <translation>未知的查处状态 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="529"/>
        <source>Say who handles the case.</source>
        <translation>请填写案件处理人。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="533"/>
        <source>{0} ({1}): {2} → {3}</source>
        <translation>{0}（{1}）：{2} → {3}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="660"/>
        <source>Not an allowed step: {0}.</source>
        <translation>不允许的状态变更：{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="663"/>
        <source>Set case status</source>
        <translation>设置查处状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="822"/>
        <source>Parcel ID</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="504"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Compliance</source>
        <translation>合规性</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/findings_model.py" line="287"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/findings_model.py" line="287"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Township code</source>
        <translation>乡镇代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Case status</source>
        <translation>查处状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="524"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Handled at</source>
        <translation>经办时间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="524"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="871"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="884"/>
        <source>Export to .gpkg, .xlsx or .csv, not {0}.</source>
        <translation>请导出为 .gpkg、.xlsx 或 .csv，而不是 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="736"/>
        <source>No measure table: open a workspace first.</source>
        <translation>没有措施表：请先打开工作空间。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_records.py" line="81"/>
        <source>Layer {0} is not a measure table: fields {1} are missing.</source>
        <translation>图层 {0} 不是措施表：缺少字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_taxonomy.py" line="43"/>
        <source>Unknown measure {0}: it is not in the measure taxonomy.</source>
        <translation>未知措施 {0}：不在措施分类中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="117"/>
        <source>Layer {0} has no uuid field: its features cannot carry measures.</source>
        <translation>图层 {0} 没有 uuid 字段：其要素无法关联措施。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="27"/>
        <source>The year must be a whole number.</source>
        <translation>年度必须是整数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="29"/>
        <source>The year {0} is outside {1}-{2}.</source>
        <translation>年度 {0} 不在 {1}-{2} 范围内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="37"/>
        <source>The quantity must be a number.</source>
        <translation>数量必须是数字。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="39"/>
        <source>The quantity must be greater than 0 (got {0}).</source>
        <translation>数量必须大于 0（当前为 {0}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="54"/>
        <source>Measure {0} ({1}) is counted in {2}, not in {3}.</source>
        <translation>措施 {0}（{1}）的计量单位是 {2}，不是 {3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="67"/>
        <source>Use {0} ({1}) for {2}.</source>
        <translation>将 {0}（{1}）用作{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_checks.py" line="79"/>
        <source>{0} is longer than {1} characters.</source>
        <translation>{0} 超过 {1} 个字符。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="674"/>
        <source>Cannot save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="85"/>
        <source>No layer to tag: choose a layer and select features.</source>
        <translation>没有可登记措施的图层：请选择图层并选中要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="88"/>
        <source>Nothing is selected in {0}: select the features to tag.</source>
        <translation>{0} 中没有选中要素：请选择要登记措施的要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="100"/>
        <source>Type the quantity of {0} in {1}.</source>
        <translation>请输入{0}的数量（单位：{1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="106"/>
        <source>{0} has no areas: type the quantity of {1} in hm².</source>
        <translation>{0} 没有面积：请以公顷为单位输入{1}的数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="115"/>
        <source>The layer name {0} is too long to link measures.</source>
        <translation>图层名 {0} 过长，无法关联措施。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="134"/>
        <source>{0} selected features no longer exist in {1}.</source>
        <translation>{1} 中有 {0} 个选中要素已不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="146"/>
        <source>Feature {0} of {1} has no uuid: save the layer or fill its uuid first.</source>
        <translation>{1} 的要素 {0} 没有 uuid：请先保存图层或填写其 uuid。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="155"/>
        <source>Feature {0} of {1} has no area: type the quantity.</source>
        <translation>{1} 的要素 {0} 没有面积：请输入数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="182"/>
        <source>Tag {0} features with {1}</source>
        <translation>为 {0} 个要素登记措施：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="187"/>
        <source>Cannot add the measure records to {0}.</source>
        <translation>无法向 {0} 添加措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="226"/>
        <source>Measure record {0} does not exist.</source>
        <translation>措施记录 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="254"/>
        <source>Edit measure {0}</source>
        <translation>编辑措施 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="261"/>
        <source>Cannot change measure record {0}.</source>
        <translation>无法修改措施记录 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="274"/>
        <source>No measure record is selected.</source>
        <translation>未选择措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="276"/>
        <source>Delete {0} measure records</source>
        <translation>删除 {0} 条措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="279"/>
        <source>Cannot delete the measure records.</source>
        <translation>无法删除措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="300"/>
        <source>Choose the collapse gully layer (it has the treatment status field zlzt).</source>
        <translation>请选择崩岗图层（含治理状态字段 zlzt）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="305"/>
        <source>Unknown treatment status {0}.</source>
        <translation>未知的治理状态 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="308"/>
        <source>Nothing is selected in {0}: select the gullies.</source>
        <translation>{0} 中没有选中要素：请选择崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="328"/>
        <source>Set treatment status to {0}</source>
        <translation>将治理状态设为{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="337"/>
        <source>Cannot change the treatment status.</source>
        <translation>无法修改治理状态。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="126"/>
        <source>The first year {0} is after the last year {1}.</source>
        <translation>起始年度 {0} 晚于截止年度 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="60"/>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="46"/>
        <source>invalid geometry</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="83"/>
        <source>The input layer is missing or cannot be read.</source>
        <translation>输入图层缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="330"/>
        <source>The layer {0} is not a polygon layer.</source>
        <translation>图层 {0} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="303"/>
        <source>The layer {0} has no field {1}; its fields are: {2}.</source>
        <translation>图层 {0} 没有字段 {1}；其字段为：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="73"/>
        <source>The Python package psycopg2 is missing: install python3-psycopg2 to use PostGIS workspaces.</source>
        <translation>缺少 Python 包 psycopg2：请安装 python3-psycopg2 以使用 PostGIS 工作空间。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="118"/>
        <source>There is no QGIS PostgreSQL connection named {0}.</source>
        <translation>没有名为 {0} 的 QGIS PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="125"/>
        <source>Choose a QGIS PostgreSQL connection.</source>
        <translation>请选择一个 QGIS PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="132"/>
        <source>The PostgreSQL connection {0} stores its password in plain text. Store the credentials in the QGIS authentication manager (an authentication configuration) and try again.</source>
        <translation>PostgreSQL 连接 {0} 以明文保存密码。请将凭据存入 QGIS 认证管理器（认证配置）后重试。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="140"/>
        <source>The PostgreSQL connection {0} names no database.</source>
        <translation>PostgreSQL 连接 {0} 未指定数据库。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="146"/>
        <source>Unknown authentication configuration {0}.</source>
        <translation>未知的认证配置 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="174"/>
        <source>Cannot read authentication configuration {0}.</source>
        <translation>无法读取认证配置 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="187"/>
        <source>Cannot connect to PostgreSQL {0}: {1}</source>
        <translation>无法连接 PostgreSQL {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="262"/>
        <source>The connection to the PostgreSQL server was lost while {0}; nothing was changed. Check the server and run it again. ({1})</source>
        <translation>在{0}时与 PostgreSQL 服务器的连接中断；未做任何修改。请检查服务器后重新运行。（{1}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="268"/>
        <source>PostgreSQL refused {0}: {1}</source>
        <translation>PostgreSQL 拒绝了 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="356"/>
        <source>Table {0} is missing in the PostGIS workspace {1} on {2}.</source>
        <translation>{2} 上的 PostGIS 工作空间 {1} 中缺少表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="393"/>
        <source>Schema {0} is not a Xingguo SWC workspace (no {1} table).</source>
        <translation>模式 {0} 不是兴国水保工作空间（没有 {1} 表）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="398"/>
        <source>reading the workspace version</source>
        <translation>读取工作空间版本</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="406"/>
        <source>looking up table {0}</source>
        <translation>查找表 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="416"/>
        <source>looking up schema {0}</source>
        <translation>查找模式 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="430"/>
        <source>Enter a schema name for the PostGIS workspace.</source>
        <translation>请输入 PostGIS 工作空间的模式（schema）名称。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="432"/>
        <source>The schema name {0} is longer than 63 bytes.</source>
        <translation>模式名称 {0} 超过 63 字节。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="434"/>
        <source>The schema name contains a NUL character.</source>
        <translation>模式名称包含 NUL 字符。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="436"/>
        <source>The schema {0} is reserved: choose another name.</source>
        <translation>模式 {0} 为保留名称：请另选名称。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="135"/>
        <source>Workspace {0} has schema version {1}, newer than this plugin&apos;s {2}: update the plugin.</source>
        <translation>工作空间 {0} 的数据模型版本为 {1}，比本插件的版本 {2} 新：请更新插件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="142"/>
        <source>Workspace {0} has the old schema version {1}.</source>
        <translation>工作空间 {0} 的数据模型版本 {1} 较旧。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="536"/>
        <source>upgrading workspace {0}</source>
        <translation>升级工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="545"/>
        <source>No upgrade from schema version {0}.</source>
        <translation>无法从数据模型版本 {0} 升级。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="551"/>
        <source>Upgraded PostGIS workspace {0} to schema version {1}.</source>
        <translation>已将 PostGIS 工作空间 {0} 升级到数据模型版本 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="575"/>
        <source>Unknown coordinate reference system.</source>
        <translation>未知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="577"/>
        <source>{0} is geographic: use CGCS2000 (EPSG:4490) or a projected CRS.</source>
        <translation>{0} 是地理坐标系：请使用 CGCS2000（EPSG:4490）或投影坐标系。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="591"/>
        <source>Schema {0} already holds tables and is not a Xingguo SWC workspace: choose another schema.</source>
        <translation>模式 {0} 中已有数据表且不是兴国水保工作空间：请选择其他模式。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="597"/>
        <source>creating workspace {0}</source>
        <translation>创建工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="626"/>
        <source>Created PostGIS workspace {0} on {1}.</source>
        <translation>已在 {1} 上创建 PostGIS 工作空间 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="639"/>
        <source>PostGIS is not enabled in this database and cannot be enabled by this user: ask the administrator to run CREATE EXTENSION postgis. ({0})</source>
        <translation>该数据库未启用 PostGIS，且当前用户无权启用：请联系管理员执行 CREATE EXTENSION postgis。（{0}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="648"/>
        <source>The database does not know the coordinate reference system SRID {0}.</source>
        <translation>数据库中没有坐标参考系 SRID {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="413"/>
        <source>Cannot store the style of {0}: {1}</source>
        <translation>无法保存 {0} 的样式：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="831"/>
        <source>removing workspace {0}</source>
        <translation>删除工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="869"/>
        <source>The gully has no township code: cannot number it.</source>
        <translation>该崩岗没有乡镇代码：无法编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="896"/>
        <source>numbering a gully</source>
        <translation>为崩岗编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis_load.py" line="93"/>
        <source>copying {0} into workspace {1}</source>
        <translation>将 {0} 复制到工作空间 {1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis_load.py" line="157"/>
        <source>Copied {0} rows from {1} into PostGIS workspace {2}.</source>
        <translation>已从 {1} 复制 {0} 行到 PostGIS 工作空间 {2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis_load.py" line="192"/>
        <source>Table {0} of workspace {1} already holds data: empty it or choose to replace it.</source>
        <translation>工作空间 {1} 的表 {0} 中已有数据：请清空或选择替换。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="187"/>
        <source>Cannot write sample data into {0}: {1}</source>
        <translation>无法将示例数据写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="214"/>
        <source>{0} already exists: sample data is only written into a new file.</source>
        <translation>{0} 已存在：示例数据只写入新文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/sampledata.py" line="218"/>
        <source>The number of parcels cannot be negative.</source>
        <translation>图斑数量不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="115"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/results.py" line="98"/>
        <source>{0} invalid geometries of {1} were repaired for the computation (the layer is not changed).</source>
        <translation>计算时修复了 {1} 的 {0} 个无效几何（图层本身未修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="310"/>
        <source>erosion</source>
        <translation>土壤侵蚀</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="62"/>
        <source>Invalid or empty geometry</source>
        <translation>几何无效或为空</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="63"/>
        <source>Not registered (suspected built without approval)</source>
        <translation>未登记（疑似未批先建）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="64"/>
        <source>Elsewhere than its project (suspected location change)</source>
        <translation>不在所属项目范围内（疑似建设地点变更）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="65"/>
        <source>Beyond the approved boundary</source>
        <translation>疑似超出防治责任范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="66"/>
        <source>Overlaps other parcels</source>
        <translation>与其他图斑重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="67"/>
        <source>Steep slope</source>
        <translation>陡坡</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="68"/>
        <source>Terraces required</source>
        <translation>需修梯田</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="69"/>
        <source>Within a protected corridor</source>
        <translation>位于铁路、高速、国道、省道沿线控制距离内</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="107"/>
        <source>The {0} layer {1} has no field &quot;{2}&quot;; fields: {3}.</source>
        <translation>{0}图层 {1} 没有字段“{2}”；现有字段：{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="116"/>
        <source>The {0} layer is missing or cannot be read.</source>
        <translation>{0}图层缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="118"/>
        <source>The {0} layer {1} has the wrong geometry type.</source>
        <translation>{0}图层 {1} 的几何类型不正确。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="62"/>
        <source>not a polygon</source>
        <translation>不是面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="65"/>
        <source>not valid: {0}</source>
        <translation>无效：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="162"/>
        <source>parcels</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="165"/>
        <source>The excess tolerance must not be negative.</source>
        <translation>超出容差不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="168"/>
        <source>The DEM cannot be read.</source>
        <translation>无法读取 DEM。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="170"/>
        <source>The terrace slope ({0}°) must not exceed the steep slope ({1}°).</source>
        <translation>梯田坡度（{0}°）不能大于陡坡坡度（{1}°）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="176"/>
        <source>corridors</source>
        <translation>铁路和公路</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="178"/>
        <source>The corridor distance must not be negative.</source>
        <translation>铁路、高速、国道、省道沿线两侧控制距离不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="181"/>
        <source>measures</source>
        <translation>治理措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="168"/>
        <source>Geometry is {0}.</source>
        <translation>几何为{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="314"/>
        <source>outside the area of its coordinate reference system</source>
        <translation>超出其坐标参考系的适用范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="208"/>
        <source>The parcel has no project number.</source>
        <translation>该图斑没有项目编号。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="210"/>
        <source>Project {0} is not in the development database.</source>
        <translation>项目 {0} 不在开发项目库中。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="222"/>
        <source>The parcel does not lie within the approved boundary of project {0}.</source>
        <translation>该图斑不在项目 {0} 的防治责任范围内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="230"/>
        <source>{0:.1f} m² lie outside the approved boundary of project {1}.</source>
        <translation>有 {0:.1f} m² 超出项目 {1} 的防治责任范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="255"/>
        <source>{0:.1f} m² shared with parcel(s) {1}.</source>
        <translation>与图斑 {1} 重叠 {0:.1f} m²。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="243"/>
        <source>railway</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="244"/>
        <source>expressway</source>
        <translation>高速公路</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="245"/>
        <source>national road</source>
        <translation>国道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="246"/>
        <source>provincial road</source>
        <translation>省道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="247"/>
        <source>protected corridor</source>
        <translation>铁路、高速、国道、省道</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="249"/>
        <source>Within {0} m of a {1}.</source>
        <translation>距{1}不足 {0} 米。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/slope.py" line="124"/>
        <source>The DEM has no usable pixel size.</source>
        <translation>DEM 没有可用的像元大小。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/slope.py" line="145"/>
        <source>The DEM {0} does not cover {1} parcel(s), e.g. {2}: use a DEM that covers all parcels or leave the DEM out.</source>
        <translation>DEM {0} 未覆盖 {1} 个图斑（如 {2}）：请使用覆盖全部图斑的 DEM，或不使用 DEM。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/slope.py" line="217"/>
        <source>The DEM has an unsupported data type.</source>
        <translation>DEM 的数据类型不受支持。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/postgis.py" line="465"/>
        <source>Table {0} is missing in the workspace {1}.</source>
        <translation>工作空间 {1} 中缺少表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="110"/>
        <source>{0} is not a Xingguo SWC workspace (no {1} table).</source>
        <translation>{0} 不是兴国水保工作空间（没有 {1} 表）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="151"/>
        <source>Workspace {0} does not exist.</source>
        <translation>工作空间 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="155"/>
        <source>Workspace {0} has the old schema version {1} and cannot be upgraded: the file is read-only.</source>
        <translation>工作空间 {0} 的数据模型版本 {1} 较旧且无法升级：文件为只读。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="172"/>
        <source>The workspace must be a .gpkg file: {0}</source>
        <translation>工作空间必须是 .gpkg 文件：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="175"/>
        <source>The folder {0} does not exist.</source>
        <translation>文件夹 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="177"/>
        <source>The folder {0} is read-only.</source>
        <translation>文件夹 {0} 为只读。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="259"/>
        <source>Cannot create table {0}: {1}</source>
        <translation>无法创建表 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="403"/>
        <source>Cannot seed the measure taxonomy.</source>
        <translation>无法写入初始措施分类。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="67"/>
        <source>The {0} layer {1} is not a polygon layer.</source>
        <translation>{0}图层 {1} 不是面图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="69"/>
        <source>The {0} layer {1} is empty: it has no features.</source>
        <translation>{0}图层 {1} 为空：没有任何要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="86"/>
        <source>townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="91"/>
        <source>The townships layer {0} has no field {1}; its fields are: {2}.</source>
        <translation>乡镇图层 {0} 没有字段 {1}；其字段为：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="109"/>
        <source>Township feature {0} has no code in field {1}.</source>
        <translation>乡镇要素 {0} 的字段 {1} 中没有代码。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="117"/>
        <source>Township {0} has no geometry; skipped.</source>
        <translation>乡镇 {0} 没有几何，已跳过。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="133"/>
        <source>Township codes must be unique; repeated in field {0}: {1}.</source>
        <translation>乡镇代码必须唯一；字段 {0} 中重复：{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="139"/>
        <source>The townships layer {0} has no geometries.</source>
        <translation>乡镇图层 {0} 没有几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="107"/>
        <source>Collapse gullies</source>
        <translation>崩岗调查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="141"/>
        <source>Gully layer</source>
        <translation>崩岗图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="142"/>
        <source>Township layer</source>
        <translation>乡镇图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="143"/>
        <source>Part layer</source>
        <translation>部位图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="146"/>
        <source>Digitize</source>
        <translation>数字化</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="147"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="148"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="165"/>
        <source>Digitize gully</source>
        <translation>绘制崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="167"/>
        <source>Left click adds vertices, right click finishes; snapping and the advanced digitizing panel work as in QGIS.</source>
        <translation>左键添加节点，右键结束；捕捉和高级数字化面板与 QGIS 中的用法相同。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="176"/>
        <source>Derived before saving</source>
        <translation>保存前自动计算</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="841"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="274"/>
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="274"/>
        <source>Gully ID</source>
        <translation>崩岗编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="198"/>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="202"/>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="209"/>
        <source>Shape</source>
        <translation>形态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="274"/>
        <source>Activity</source>
        <translation>活动性</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="274"/>
        <source>Treatment status</source>
        <translation>治理状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="212"/>
        <source>Survey date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="213"/>
        <source>Surveyor</source>
        <translation>调查人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="214"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="217"/>
        <source>Use repaired polygon</source>
        <translation>使用修复后的多边形</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="218"/>
        <source>Save gully</source>
        <translation>保存崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="219"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="237"/>
        <source>empty: the gully under the part</source>
        <translation>留空：部位所在的崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="238"/>
        <source>Digitize part</source>
        <translation>绘制部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="241"/>
        <source>Part</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="252"/>
        <source>Map extent</source>
        <translation>当前地图范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="253"/>
        <source>Whole layer</source>
        <translation>整个图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="257"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="258"/>
        <source>Gullies of</source>
        <translation>崩岗范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="270"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="460"/>
        <source>Choose the township layer first.</source>
        <translation>请先选择乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="506"/>
        <source>Choose the part layer (benggang_part) first.</source>
        <translation>请先选择崩岗部位图层（benggang_part）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="518"/>
        <source>No map canvas.</source>
        <translation>没有地图画布。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="577"/>
        <source>Gully {0}: {1:.2f} m², {2}, {3}. Fill in the survey and save.</source>
        <translation>崩岗 {0}：{1:.2f} m²，{2}，{3}。请填写调查信息并保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="604"/>
        <source>Digitize a gully first.</source>
        <translation>请先绘制一座崩岗。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="615"/>
        <source>Saved gully {0} ({1:.2f} m²). Undo with Ctrl+Z; save the layer edits to keep it.</source>
        <translation>已保存崩岗 {0}（{1:.2f} m²）。可用 Ctrl+Z 撤销；保存图层编辑后才会写入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="663"/>
        <source>Saved {0} of gully {1}.</source>
        <translation>已保存崩岗 {1} 的{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="708"/>
        <source>Gully {0} recomputed: {1:.2f} m², {2}, {3}.</source>
        <translation>崩岗 {0} 已重新计算：{1:.2f} m²，{2}，{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="708"/>
        <source>no township</source>
        <translation>无乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="769"/>
        <source>{0} gullies</source>
        <translation>{0} 座崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="775"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="93"/>
        <source>Cannot open the layer {0}.</source>
        <translation>无法打开图层 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="121"/>
        <source>Cannot open the DEM {0}.</source>
        <translation>无法打开 DEM {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="386"/>
        <source>Parcel inspection</source>
        <translation>图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="43"/>
        <source>GeoPackage workspace (*.gpkg)</source>
        <translation>GeoPackage 工作空间 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/findings_model.py" line="287"/>
        <source>Finding</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="498"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="352"/>
        <source>Choose the parcels and the project boundaries.</source>
        <translation>请选择图斑和项目范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="446"/>
        <source>{0} finding(s): {1} new, {2} kept with their status, {3} removed, {4} no longer detected.</source>
        <translation>{0} 条核查发现：新增 {1} 条，保留原状态 {2} 条，删除 {3} 条，不再发现 {4} 条。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="673"/>
        <source>{0} finding(s) in {1} rule(s).</source>
        <translation>共 {0} 条核查发现，涉及 {1} 条规则。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="787"/>
        <source>Finding {0} has no geometry (empty parcel).</source>
        <translation>核查发现 {0} 没有几何（空图斑）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="870"/>
        <source>{0} finding(s) set to {1}: click Save to keep it.</source>
        <translation>已将 {0} 条核查发现设为{1}：单击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="693"/>
        <source>Cannot save the case status: {0}</source>
        <translation>无法保存查处状态：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="925"/>
        <source>Export findings</source>
        <translation>导出核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="925"/>
        <source>GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>GeoPackage (*.gpkg);;Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="937"/>
        <source>No findings yet: run the check first.</source>
        <translation>尚无核查发现：请先运行核查。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="946"/>
        <source>Findings exported to {0}.</source>
        <translation>核查发现已导出到 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="58"/>
        <source>Treatment measures</source>
        <translation>治理措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="208"/>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="843"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="844"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="845"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="842"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="213"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="214"/>
        <source>Funding</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="220"/>
        <source>By measure</source>
        <translation>按措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="221"/>
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="222"/>
        <source>By year</source>
        <translation>按年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="223"/>
        <source>By township, year and measure</source>
        <translation>按乡镇、年度和措施</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="490"/>
        <source>Choose a layer</source>
        <translation>选择图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="492"/>
        <source>No features selected in {0}</source>
        <translation>{0} 中未选择要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="494"/>
        <source>{0} features selected in {1}</source>
        <translation>{1} 中已选择 {0} 个要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="550"/>
        <source>Measures of the selection: {0}</source>
        <translation>所选要素的措施：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="588"/>
        <source>No measure table: open a workspace or choose the measure table.</source>
        <translation>没有措施表：请打开工作空间或选择措施表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="592"/>
        <source>Choose the layer whose features get the measure.</source>
        <translation>请选择要登记措施的要素所在图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="609"/>
        <source>{0} measure records written (undo with Undo; Save keeps them).</source>
        <translation>已写入 {0} 条措施记录（可用“撤销”撤回；“保存”后生效）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="629"/>
        <source>Choose one measure record in the table to edit.</source>
        <translation>请在表中选择一条要编辑的措施记录。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="650"/>
        <source>No measure table.</source>
        <translation>没有措施表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="682"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="717"/>
        <source>Treatment status of {0} gullies set to {1}.</source>
        <translation>已将 {0} 座崩岗的治理状态设为{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="739"/>
        <source>Unsaved measure records are not in the summary: save first.</source>
        <translation>未保存的措施记录不计入汇总：请先保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="57"/>
        <source>Treatment measure summary</source>
        <translation>治理措施汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="787"/>
        <source>{0} records point to missing features.</source>
        <translation>{0} 条记录指向不存在的要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="805"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="846"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="118"/>
        <source>Treated features</source>
        <translation>已治理要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="136"/>
        <source>Treated area (hm²)</source>
        <translation>治理面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="226"/>
        <source>Treated gullies</source>
        <translation>已治理崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="52"/>
        <source>Xingguo SWC (兴国水保)</source>
        <translation>兴国水保</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="113"/>
        <source>Xingguo SWC</source>
        <translation>兴国水保</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="74"/>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="52"/>
        <source>Collapse gullies with attributes</source>
        <translation>含属性的崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="100"/>
        <source>{0} gullies, {1} changed, {2} new IDs, {3} duplicates renumbered, {4} outside every township.</source>
        <translation>{0} 座崩岗，修改 {1} 座，新编号 {2} 个，重复编号重编 {3} 个，{4} 座不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="98"/>
        <source>Measure table</source>
        <translation>措施表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="85"/>
        <source>First year</source>
        <translation>起始年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="96"/>
        <source>Last year</source>
        <translation>截止年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="112"/>
        <source>Measure summary</source>
        <translation>措施汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="117"/>
        <source>Measure records</source>
        <translation>措施记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="137"/>
        <source>Treated collapse gullies</source>
        <translation>已治理崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="41"/>
        <source>Polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="46"/>
        <source>Identifier field</source>
        <translation>标识字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="51"/>
        <source>Minimum shared area (m²)</source>
        <translation>最小重叠面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="69"/>
        <source>Overlaps</source>
        <translation>重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="74"/>
        <source>Invalid geometries</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="137"/>
        <source>{0} features: {1} overlapping pairs, {2} invalid geometries.</source>
        <translation>{0} 个要素：{1} 对重叠，{2} 个无效几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/provider.py" line="46"/>
        <source>Xingguo soil and water conservation</source>
        <translation>兴国水土保持</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="33"/>
        <source>The layer {0} is missing or cannot be read.</source>
        <translation>图层 {0} 缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="79"/>
        <source>Township code field</source>
        <translation>乡镇代码字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="99"/>
        <source>Input polygons</source>
        <translation>输入面图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="104"/>
        <source>Class field</source>
        <translation>分类字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="235"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="235"/>
        <source>Planimetric (projected CRS)</source>
        <translation>平面面积（投影坐标系）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="235"/>
        <source>Ellipsoidal (CGCS2000)</source>
        <translation>椭球面积（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="117"/>
        <source>Township statistics</source>
        <translation>乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="160"/>
        <source>{0} features, {1} invalid geometries repaired.</source>
        <translation>{0} 个要素，已修复 {1} 个无效几何。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="198"/>
        <source>Soil erosion</source>
        <translation>土壤侵蚀</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="203"/>
        <source>Erosion grade field</source>
        <translation>侵蚀强度字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="208"/>
        <source>Target rate (%); empty: the setting</source>
        <translation>目标水土保持率（%）；留空则使用设置值</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="243"/>
        <source>Soil conservation rate</source>
        <translation>水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="78"/>
        <source>Development parcels</source>
        <translation>农林开发图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="81"/>
        <source>Parcel ID field</source>
        <translation>图斑编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="86"/>
        <source>Project number field of the parcels</source>
        <translation>图斑的项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="95"/>
        <source>Approved project boundaries</source>
        <translation>防治责任范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="100"/>
        <source>Project number field of the projects</source>
        <translation>项目的项目编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="109"/>
        <source>Excess tolerance (m²)</source>
        <translation>超出容差（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="119"/>
        <source>DEM (elevation, metres)</source>
        <translation>DEM（高程，米）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="122"/>
        <source>Steep slope (°)</source>
        <translation>陡坡（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="133"/>
        <source>Terraces required from slope (°)</source>
        <translation>需修梯田的起始坡度（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="144"/>
        <source>Railways and roads (lines)</source>
        <translation>铁路和公路（线）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="152"/>
        <source>Corridor distance (m)</source>
        <translation>沿线两侧控制距离（米）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="162"/>
        <source>Road class field of the corridors</source>
        <translation>铁路和公路的道路等级字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="171"/>
        <source>Treatment measures (table)</source>
        <translation>治理措施（表）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="342"/>
        <source>{0} finding(s).</source>
        <translation>{0} 条核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="133"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="41"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="136"/>
        <source>Number of parcels</source>
        <translation>图斑数量</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="147"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="203"/>
        <source>Soil conservation rate (%)</source>
        <translation>水土保持率（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="729"/>
        <source>Writing {0} failed (error {1}).</source>
        <translation>写入 {0} 失败（错误 {1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/export.py" line="47"/>
        <source>Cannot export to {0}: use one of {1}.</source>
        <translation>无法导出到 {0}：请使用以下格式之一：{1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="367"/>
        <source>Import development projects</source>
        <translation>导入开发项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="107"/>
        <source>Layer file (GeoPackage, shapefile, FileGDB)</source>
        <translation>图层文件（GeoPackage、shapefile、FileGDB）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="107"/>
        <source>Layer of the project (e.g. PostGIS)</source>
        <translation>工程中的图层（如 PostGIS）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="107"/>
        <source>Register (Excel/CSV) and boundary polygons</source>
        <translation>登记表（Excel/CSV）和范围面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="114"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="120"/>
        <source>Vector files (*.gpkg *.shp *.gdb *.sqlite);;All files (*)</source>
        <translation>矢量文件 (*.gpkg *.shp *.gdb *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="130"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="136"/>
        <source>Registers (*.xlsx *.xls *.ods *.csv)</source>
        <translation>登记表 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="141"/>
        <source>Register</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="142"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="143"/>
        <source>Boundaries</source>
        <translation>范围边界</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="144"/>
        <source>Project number of the boundaries</source>
        <translation>范围的项目编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="148"/>
        <source>Fields of the development projects and their source</source>
        <translation>开发项目字段及其来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="150"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="150"/>
        <source>Source field</source>
        <translation>来源字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="390"/>
        <source>Update projects already in the workspace</source>
        <translation>更新工作空间中已有的项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="163"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="274"/>
        <source>Choose a layer.</source>
        <translation>请选择图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/import_dialog.py" line="289"/>
        <source>Choose the boundary layer and its project number field.</source>
        <translation>请选择范围图层及其项目编号字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="87"/>
        <source>No statistics yet</source>
        <translation>尚无统计结果</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="185"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="186"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="188"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="202"/>
        <source>Area (hm²)</source>
        <translation>面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="211"/>
        <source>County targets</source>
        <translation>全县目标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="224"/>
        <source>Treated area</source>
        <translation>治理面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="327"/>
        <source>Choose the townships and the input layer.</source>
        <translation>请选择乡镇图层和输入图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="420"/>
        <source>{0} invalid geometries were repaired for the computation (the layer is not changed).</source>
        <translation>计算时修复了 {0} 个无效几何（图层本身未修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="448"/>
        <source>{0:.2f} % (target ≥ {1:.0f} %)</source>
        <translation>{0:.2f} %（目标 ≥ {1:.0f} %）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="458"/>
        <source>no erosion layer chosen</source>
        <translation>未选择土壤侵蚀图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="508"/>
        <source>Export township statistics</source>
        <translation>导出乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="508"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="522"/>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="162"/>
        <source>Features</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="165"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="169"/>
        <source>{0} (hm²)</source>
        <translation>{0}（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="172"/>
        <source>Erosion area (hm²)</source>
        <translation>侵蚀面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="49"/>
        <source>Townships (atlas coverage)</source>
        <translation>乡镇（图集覆盖图层）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="54"/>
        <source>Layers to show</source>
        <translation>显示的图层</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="59"/>
        <source>Layout template (.qpt; empty: the bundled one)</source>
        <translation>布局模板（.qpt；留空则使用内置模板）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="67"/>
        <source>Title after the township name</source>
        <translation>乡镇名称后的标题</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="72"/>
        <source>Only townships matching</source>
        <translation>仅限符合条件的乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="80"/>
        <source>Also write one merged PDF</source>
        <translation>同时输出一个合并的 PDF</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="83"/>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="126"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="129"/>
        <source>Merged PDF</source>
        <translation>合并 PDF</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="130"/>
        <source>Sheets written</source>
        <translation>已输出图幅</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="131"/>
        <source>Sheets</source>
        <translation>图幅</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="138"/>
        <source>No township layer.</source>
        <translation>没有乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="168"/>
        <source>{0} sheets in {1} ({2:.1f} s).</source>
        <translation>{1} 中共 {0} 幅（{2:.1f} 秒）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="379"/>
        <source>Project boundaries</source>
        <translation>项目范围</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="385"/>
        <source>Field mapping (field=source;...)</source>
        <translation>字段映射（字段=来源;...）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="395"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="396"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="397"/>
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
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="30"/>
        <source>Check overlaps</source>
        <translation>重叠检查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="31"/>
        <source>Inspection</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="27"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="88"/>
        <source>Township area statistics</source>
        <translation>乡镇面积统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="90"/>
        <source>Area (m², hm², mu) and feature count of a polygon layer per township and class, with a county row (360732). A feature crossing townships is split by area; every township gets a row, zeros included. Invalid geometries are repaired for the computation only and counted in the log.</source>
        <translation>按乡镇和类别统计面图层的面积（m²、公顷、亩）和要素数，并附全县合计行（360732）。跨乡镇的要素按面积分割；每个乡镇都有一行（包括为零的）。无效几何仅在计算时修复，并在日志中计数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="57"/>
        <source>Validate development parcels</source>
        <translation>农林开发图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="368"/>
        <source>Supervision</source>
        <translation>监管</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="25"/>
        <source>Create workspace</source>
        <translation>创建工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="124"/>
        <source>Generate sample workspace</source>
        <translation>生成示例工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="126"/>
        <source>Makes a synthetic Xingguo workspace: the 25 townships with their real codes and names on synthetic boundaries, development parcels and projects, erosion, collapse gullies and measures. Same seed, same data.</source>
        <translation>生成一个模拟的兴国县工作空间：25 个乡镇（真实代码和名称，边界为模拟）、农林开发图斑和项目、土壤侵蚀、崩岗及治理措施。相同的随机种子生成相同的数据。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="488"/>
        <source>The layout {0} cannot be added to the project.</source>
        <translation>无法将布局 {0} 添加到工程。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="705"/>
        <source>The township layer has no township to print.</source>
        <translation>乡镇图层中没有可输出的乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/__init__.py" line="71"/>
        <source>{0}: computed in the PostGIS database {1}.</source>
        <translation>{0}：已在 PostGIS 数据库 {1} 中计算。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/postgis/compute.py" line="275"/>
        <source>computing township statistics on the server</source>
        <translation>在服务器上计算乡镇统计</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/postgis/compute.py" line="355"/>
        <source>reading classes on the server</source>
        <translation>在服务器上读取类别</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="277"/>
        <source>Conservation rate</source>
        <translation>水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/postgis/compute.py" line="402"/>
        <source>computing the conservation rate on the server</source>
        <translation>在服务器上计算水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/postgis/compute.py" line="489"/>
        <source>finding overlaps on the server</source>
        <translation>在服务器上查找重叠</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="216"/>
        <source>Project {0} has no approved boundary to compare with.</source>
        <translation>项目 {0} 没有可比对的防治责任范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="350"/>
        <source>Atlas</source>
        <translation>图集输出</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="85"/>
        <source>Layout templates (*.qpt)</source>
        <translation>布局模板 (*.qpt)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="167"/>
        <source>{0} selected</source>
        <translation>已选 {0} 个</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="222"/>
        <source>No township selected: select townships on the map or print all.</source>
        <translation>未选择乡镇：请在地图上选择乡镇，或输出全部乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="236"/>
        <source>Choose the township layer.</source>
        <translation>请选择乡镇图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="239"/>
        <source>Choose an output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="282"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="303"/>
        <source>{0} sheets written to {1} in {2:.0f} s.</source>
        <translation>已将 {0} 幅图输出到 {1}，用时 {2:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="319"/>
        <source>Layout {0} added to the project.</source>
        <translation>布局 {0} 已添加到工程。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="332"/>
        <source>Atlas export canceled: nothing was written.</source>
        <translation>图集导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="335"/>
        <source>The atlas export failed: {0}</source>
        <translation>图集导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="261"/>
        <source>At map centre</source>
        <translation>地图中心所在乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="262"/>
        <source>Choose the township under the centre of the map</source>
        <translation>选择地图中心所在的乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="799"/>
        <source>The map centre is outside every township.</source>
        <translation>地图中心不在任何乡镇内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="33"/>
        <source>Township atlas (PDF)</source>
        <translation>乡镇图集（PDF）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="34"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="27"/>
        <source>Creates a GeoPackage workspace with every table of the data model, styles and forms, or opens and upgrades an existing one. With a PostgreSQL connection and a schema it creates the shared PostGIS workspace instead (credentials from the QGIS authentication manager), optionally copying a GeoPackage workspace into it.</source>
        <translation>创建包含数据模型全部数据表、样式和表单的 GeoPackage 工作空间，或打开并升级已有的工作空间。若指定 PostgreSQL 连接和模式，则改为创建多人共享的 PostGIS 工作空间（凭据来自 QGIS 认证管理器），并可将一个 GeoPackage 工作空间的数据复制进去。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="33"/>
        <source>PostgreSQL connection (shared PostGIS workspace)</source>
        <translation>PostgreSQL 连接（共享 PostGIS 工作空间）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="44"/>
        <source>Authentication configuration (overrides the connection&apos;s)</source>
        <translation>认证配置（优先于连接中的设置）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="41"/>
        <source>Schema of the PostGIS workspace</source>
        <translation>PostGIS 工作空间的模式（schema）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="67"/>
        <source>Copy the data of this GeoPackage workspace into it</source>
        <translation>将此 GeoPackage 工作空间的数据复制进去</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="89"/>
        <source>Choose a GeoPackage file or a PostgreSQL connection.</source>
        <translation>请选择 GeoPackage 文件或 PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="98"/>
        <source>Choose the PostgreSQL connection (server and database) the authentication configuration is for.</source>
        <translation>请选择该认证配置所对应的 PostgreSQL 连接（服务器和数据库）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_algorithms.py" line="111"/>
        <source>Copying {0} into schema {1}…</source>
        <translation>正在将 {0} 复制到模式 {1}…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="194"/>
        <source>Parcel validation</source>
        <translation>图斑核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/postgis/validation.py" line="84"/>
        <source>validating parcels on the server</source>
        <translation>在服务器上核查图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="200"/>
        <source>Quantity of EACH selected feature, in the unit beside it</source>
        <translation>每个选中要素各自的数量，单位见右侧</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/dependencies.py" line="38"/>
        <source>The Python package {0} is not installed: {1} are not available. Install it (Debian: python3-{0}) and restart QGIS.</source>
        <translation>未安装 Python 包 {0}：{1} 不可用。请安装该包（Debian：python3-{0}）后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="280"/>
        <source>reading the findings</source>
        <translation>读取核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="298"/>
        <source>Parcel ID(s) used by more than one parcel: {0}. Give every parcel its own ID before storing findings (nothing was stored).</source>
        <translation>以下图斑编号被多个图斑共用：{0}。请先为每个图斑设置唯一编号，再保存核查发现（未保存任何内容）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="325"/>
        <source>Parcel ID(s) used by more than one parcel in {0}.{1}: {2}. Give every parcel its own ID before storing findings (nothing was stored).</source>
        <translation>{0}.{1} 中以下图斑编号被多个图斑共用：{2}。请先为每个图斑设置唯一编号，再保存核查发现（未保存任何内容）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="398"/>
        <source>merging the findings</source>
        <translation>合并核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="540"/>
        <source>The finding {0} ({1}) was changed by {2} at {3} after you read it; nothing was saved. Reload the findings and apply your step again.</source>
        <translation>核查发现 {0}（{1}）在您读取之后已被 {2} 于 {3} 修改；未保存任何内容。请重新加载核查发现后再执行您的操作。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="543"/>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="543"/>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="734"/>
        <source>saving the case status</source>
        <translation>保存查处状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="623"/>
        <source>The finding {0} was deleted by another user; nothing was saved.</source>
        <translation>核查发现 {0} 已被其他用户删除；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="729"/>
        <source>Only case status steps can be saved here; other fields were edited: {0}.</source>
        <translation>此处只能保存查处状态的变更；以下其他字段也被编辑过：{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/gpkg_sql.py" line="116"/>
        <source>Cannot open the workspace {0}: {1}</source>
        <translation>无法打开工作空间 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/gpkg_sql.py" line="139"/>
        <source>The workspace {0} is busy (another user or run is writing to it) while {1}; nothing was changed. Try again.</source>
        <translation>{1}时工作空间 {0} 正忙（其他用户或运行正在写入）；未做任何修改。请重试。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/gpkg_sql.py" line="146"/>
        <source>The workspace {0} refused {1}: {2}</source>
        <translation>工作空间 {0} 拒绝了{1}：{2}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="76"/>
        <source>Choose a workspace: a GeoPackage (.gpkg) or a PostgreSQL connection and a schema.</source>
        <translation>请选择工作空间：GeoPackage（.gpkg），或 PostgreSQL 连接及模式。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/open.py" line="67"/>
        <source>The layer {0} is not a table of a workspace (GeoPackage or PostGIS).</source>
        <translation>图层 {0} 不是工作空间（GeoPackage 或 PostGIS）中的表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="360"/>
        <source>Choose a workspace to keep the findings in: a .gpkg, or parcels of a PostGIS workspace.</source>
        <translation>请选择保存核查发现的工作空间：.gpkg 文件，或来自 PostGIS 工作空间的图斑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="185"/>
        <source>Merge the findings into this workspace</source>
        <translation>将核查发现合并到此工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="186"/>
        <source>Handled by (for the case history)</source>
        <translation>经办人（记入处理记录）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="191"/>
        <source>Findings added</source>
        <translation>新增核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="192"/>
        <source>Findings kept</source>
        <translation>保留的核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="193"/>
        <source>Findings removed</source>
        <translation>删除的核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="353"/>
        <source>Workspace {0}: {1} finding(s) added, {2} kept with their case status, {3} removed, {4} no longer detected.</source>
        <translation>工作空间 {0}：新增 {1} 条核查发现，{2} 条保留原处理状态，删除 {3} 条，{4} 条不再检出。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="369"/>
        <source>Imports approved development projects (polygons) into the workspace table dev_project: GeoPackage, shapefile (UTF-8 or GBK, with or without .cpg), FileGDB or PostGIS layer. FIELD_MAP maps workspace fields to source fields as 'xmbh=项目编号;xmmc=项目名称'; empty proposes the mapping from the field names. Rows that cannot be taken are listed with the reason. The workspace is a GeoPackage, or a PostgreSQL connection + schema.</source>
        <translation>将已批复的开发项目（面）导入工作空间的 dev_project 表：支持 GeoPackage、shapefile（UTF-8 或 GBK 编码，有无 .cpg 均可）、FileGDB 或 PostGIS 图层。FIELD_MAP 以 'xmbh=项目编号;xmmc=项目名称' 的形式将工作空间字段映射到来源字段；留空则根据字段名自动建议映射。无法导入的行会列出原因。工作空间可以是 GeoPackage，或 PostgreSQL 连接及模式。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="64"/>
        <source>Give either a GeoPackage workspace or a PostgreSQL connection, not both.</source>
        <translation>请只给出 GeoPackage 工作空间或 PostgreSQL 连接之一，不要同时给出。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/workspace_params.py" line="69"/>
        <source>Enter the schema of the PostGIS workspace on {0}.</source>
        <translation>请输入 {0} 上 PostGIS 工作空间的模式名。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="214"/>
        <source>The township layer {0} stores township {1} as {2} features: one sheet per township needs one feature per code (dissolve the layer by {3}).</source>
        <translation>乡镇图层 {0} 中乡镇 {1} 存为 {2} 个要素：每个乡镇一幅图，要求每个代码只有一个要素（请按 {3} 融合该图层）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="662"/>
        <source>{0} is a folder with the name of a sheet: rename or remove it; nothing was written.</source>
        <translation>{0} 是一个与图幅文件同名的文件夹：请重命名或删除它；未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="108"/>
        <source>The part lies farther than {0:g} m from gully {1}: digitize it on or beside its gully (the distance is a setting).</source>
        <translation>该部位距崩岗 {1} 超过 {0:g} m：请在崩岗上或紧邻崩岗处绘制（距离可在设置中修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_parts.py" line="118"/>
        <source>The part is not on or near any gully (farther than {0:g} m from every gully): digitize it on or beside its gully.</source>
        <translation>该部位不在任何崩岗上或附近（距每座崩岗都超过 {0:g} m）：请在其所属崩岗上或紧邻处绘制。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/benggang_attributes.py" line="75"/>
        <source>The gully layer {0} holds {1} geometries; collapse gullies must be polygons (their area gives the scale).</source>
        <translation>崩岗图层 {0} 的几何类型为{1}；崩岗必须是面（规模由面积确定）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="68"/>
        <source>{0} case file(s) of findings, {1} of townships, index {2}.</source>
        <translation>图斑案卷 {0} 份，乡镇案卷 {1} 份，目录 {2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="78"/>
        <source>Unknown party type {0}.</source>
        <translation>未知的当事人类型 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="94"/>
        <source>The font {0} is missing: install the package {1} so the case files carry searchable Chinese text.</source>
        <translation>缺少字体 {0}：请安装软件包 {1}，案卷中的中文才可检索。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="182"/>
        <source>not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="196"/>
        <source>no geometry</source>
        <translation>无几何图形</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="201"/>
        <source>Suspected class</source>
        <translation>疑似类别</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="208"/>
        <source>Parcel area (m²)</source>
        <translation>图斑面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="209"/>
        <source>Excess area (m²)</source>
        <translation>超出面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="210"/>
        <source>Centroid</source>
        <translation>中心点坐标</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="212"/>
        <source>Party type</source>
        <translation>当事人类型</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="212"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="218"/>
        <source>{0}: {1:.0f} – {2:.2f} 元 ({3:.0f} 元/m² × {4:.1f} m²)</source>
        <translation>{0}：{1:.0f} – {2:.2f} 元（{3:.0f} 元/m² × {4:.1f} m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="223"/>
        <source>Penalty range</source>
        <translation>处罚幅度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="237"/>
        <source>Soil and water conservation case file: {0}</source>
        <translation>水土保持监督检查案卷：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="268"/>
        <source>Map 1:{0:.0f} — red: offending part; black: parcel; green: approved boundary (防治责任范围).</source>
        <translation>比例尺 1:{0:.0f} — 红色：违规部分；黑色：图斑；绿色：防治责任范围。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="538"/>
        <source>Field photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="286"/>
        <source>No field photos.</source>
        <translation>无现场照片。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="306"/>
        <source>{0}; taken {1}; {2}; ±{3} m</source>
        <translation>{0}；拍摄于 {1}；{2}；±{3} m</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="322"/>
        <source>History (查-认-改-罚)</source>
        <translation>处理记录（查-认-改-罚）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="338"/>
        <source>Cannot write the case file {0}.</source>
        <translation>无法写入案卷 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="361"/>
        <source>An imagery layer is not valid.</source>
        <translation>影像图层无效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="366"/>
        <source>No finding matches the filter: no case file to write.</source>
        <translation>没有符合条件的核查发现，无案卷可写。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="415"/>
        <source>Case files of {0} ({1}): {2} case(s)</source>
        <translation>{0}（{1}）案卷：{2} 件</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="453"/>
        <source>Case files by township</source>
        <translation>各乡镇案卷目录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casework.py" line="70"/>
        <source>Unknown rule(s): {0}.</source>
        <translation>未知规则：{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casework.py" line="73"/>
        <source>Unknown case status(es): {0}.</source>
        <translation>未知查处状态：{0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casework.py" line="135"/>
        <source>Cannot write the parcels&apos; compliance: {0}</source>
        <translation>无法写入图斑合规性：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casework.py" line="233"/>
        <source>Cannot store the field photos: {0}</source>
        <translation>无法保存现场照片：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casework.py" line="246"/>
        <source>The field photos {0} were not stored intact.</source>
        <translation>现场照片 {0} 未能完整保存。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="46"/>
        <source>The {0} layer {1} has no coordinate reference system (a shapefile without .prj?). Set its CRS, e.g. {2} (CGCS2000 / 3-degree Gauss-Kruger CM 114°E) or {3} for degrees, and run again.</source>
        <translation>{0}图层 {1} 没有坐标参考系（shapefile 缺少 .prj？）。请设置其坐标系，例如 {2}（CGCS2000 / 3 度带高斯-克吕格，中央经线 114°E），经纬度数据用 {3}，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="74"/>
        <source>Layer {0} is in {1}, a projection that distorts areas (about +25 % at Xingguo for Web Mercator). Reproject it to {2} (CGCS2000 / 3-degree Gauss-Kruger CM 114°E) or choose the ellipsoidal area.</source>
        <translation>图层 {0} 的坐标系为 {1}，该投影会使面积变形（Web 墨卡托在兴国约大 25 %）。请将其重投影到 {2}（CGCS2000 / 3 度带高斯-克吕格，中央经线 114°E），或选择椭球面积。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="86"/>
        <source>The x coordinates carry a zone prefix: the CRS is probably {0}.</source>
        <translation>X 坐标带有带号：坐标系可能是 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="93"/>
        <source>The coordinates look like degrees: the CRS is probably {0}.</source>
        <translation>坐标看起来是经纬度：坐标系可能是 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="123"/>
        <source>The {0} layer {1} claims {2}, but its coordinates ({3}) lie outside the area where {2} is used.</source>
        <translation>{0}图层 {1} 声明的坐标系为 {2}，但其坐标（{3}）位于 {2} 的适用范围之外。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/crs_check.py" line="152"/>
        <source>The {0} layer {1} ({2}) lies entirely outside the townships layer {3}: check the CRS each layer claims.</source>
        <translation>{0}图层 {1}（{2}）完全位于乡镇图层 {3} 之外：请检查各图层声明的坐标系。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="114"/>
        <source>{0} parcel(s) imported, {1} updated, {2} row(s) not taken.</source>
        <translation>已导入 {0} 个图斑，更新 {1} 个，{2} 行未导入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="293"/>
        <source>Map a source field to the parcel ID ({0}).</source>
        <translation>请为图斑编号（{0}）指定来源字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="297"/>
        <source>{0} is not a field of the table {1}.</source>
        <translation>{0} 不是数据表 {1} 的字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="437"/>
        <source>no parcel ID</source>
        <translation>没有图斑编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="442"/>
        <source>parcel ID {0} appears again (first at row {1})</source>
        <translation>图斑编号 {0} 重复出现（首次出现在第 {1} 行）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="450"/>
        <source>parcel {0} is already in the workspace</source>
        <translation>图斑 {0} 已在工作空间中</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="491"/>
        <source>Cannot write the rows of {0} into {1}: {2}</source>
        <translation>无法将 {0} 的记录写入 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="595"/>
        <source>The parcel source cannot be read.</source>
        <translation>无法读取图斑数据源。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="597"/>
        <source>The parcel source {0} has no polygons.</source>
        <translation>图斑数据源 {0} 中没有面。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="652"/>
        <source>{0} parcel(s) have no change type: give the previous delivery to fill it.</source>
        <translation>{0} 个图斑没有扰动变化类型：请指定上期图斑以填写。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/export.py" line="167"/>
        <source>no file was made</source>
        <translation>未生成文件</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="60"/>
        <source>{0} finding(s) updated from the field, {1} unchanged, {2} imported before; {3} photo(s) stored; {4} parcel(s) confirmed.</source>
        <translation>外业更新核查发现 {0} 条，未变 {1} 条，此前已导入 {2} 条；保存照片 {3} 张；认定图斑 {4} 个。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="65"/>
        <source>Conflict, not imported: {0}</source>
        <translation>冲突，未导入：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="66"/>
        <source>Refused: {0}</source>
        <translation>拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="73"/>
        <source>{0} is not a field package of this plugin (table {1} missing).</source>
        <translation>{0} 不是本插件的外业包（缺少表 {1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="95"/>
        <source>The photo {0} of the field package is missing.</source>
        <translation>外业包中的照片 {0} 缺失。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="126"/>
        <source>{0} is not a field package of this plugin.</source>
        <translation>{0} 不是本插件的外业包。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="142"/>
        <source>photo(s) {0} belong to no finding of the package.</source>
        <translation>照片 {0} 不属于外业包中的任何核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="158"/>
        <source>{0}: the finding is no longer in the workspace.</source>
        <translation>{0}：工作空间中已无此核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="170"/>
        <source>{0}: changed in the office after the package was written ({1}).</source>
        <translation>{0}：外业包导出后已在内业修改（{1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="179"/>
        <source>{0}: {1} → {2} is not an allowed step.</source>
        <translation>{0}：{1} → {2} 不是允许的处理步骤。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldimport.py" line="227"/>
        <source>Cannot write the field results: {0}</source>
        <translation>无法写入外业结果：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="117"/>
        <source>Field package {0}: {1} finding(s), {2} parcel(s), {3} project boundary(ies), {4} base map(s).</source>
        <translation>外业包 {0}：核查发现 {1} 条，图斑 {2} 个，防治责任范围 {3} 个，底图 {4} 幅。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="156"/>
        <source>The folder {0} is not empty: choose a new or empty folder for the field package.</source>
        <translation>文件夹 {0} 不为空：请为外业包选择新的或空的文件夹。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="164"/>
        <source>No finding matches the filter: nothing to take to the field.</source>
        <translation>没有符合条件的核查发现，无需外业核查。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="249"/>
        <source>Findings to verify</source>
        <translation>待核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="249"/>
        <source>Development parcels (read-only)</source>
        <translation>农林开发图斑（只读）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="249"/>
        <source>Approved project boundaries (read-only)</source>
        <translation>防治责任范围（只读）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="258"/>
        <source>Cannot open the table {0} of the field package.</source>
        <translation>无法打开外业包中的表 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="359"/>
        <source>Cannot write table {0}: {1}</source>
        <translation>无法写入表 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="392"/>
        <source>Only the next steps of the case are allowed.</source>
        <translation>只允许案件的下一处理步骤。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="472"/>
        <source>A base map layer is not valid.</source>
        <translation>底图图层无效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="481"/>
        <source>The base map {0} does not cover the findings.</source>
        <translation>底图 {0} 未覆盖核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="502"/>
        <source>Cannot write the base map {0}.</source>
        <translation>无法写入底图 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="519"/>
        <source>Xingguo SWC field verification</source>
        <translation>兴国水保外业核查</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="543"/>
        <source>Cannot link the photos to the findings.</source>
        <translation>无法将照片关联到核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/fieldpackage.py" line="550"/>
        <source>Cannot write the project {0}: {1}</source>
        <translation>无法写入工程 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="356"/>
        <source>previous delivery</source>
        <translation>上期扰动图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="367"/>
        <source>current delivery</source>
        <translation>本期扰动图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="338"/>
        <source>The minimum area must not be negative.</source>
        <translation>最小面积不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="340"/>
        <source>The coordinate reference system of the comparison is not valid.</source>
        <translation>比较所用的坐标参考系无效。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/parcelchange.py" line="419"/>
        <source>The parcel ID {0} appears more than once in the {1} (field {2}): IDs must be unique to match by them.</source>
        <translation>图斑编号 {0} 在{1}中出现多次（字段 {2}）：按编号匹配时编号必须唯一。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/results.py" line="106"/>
        <source>{0} features of {1} have no geometry (NULL or empty) and were skipped.</source>
        <translation>{1} 中有 {0} 个要素没有几何（空值或空几何），已跳过。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/stats.py" line="377"/>
        <source>{0} features of {1} have no erosion grade 1-6 in field {2} and were skipped.</source>
        <translation>{1} 中有 {0} 个要素的字段 {2} 不是侵蚀强度代码 1-6，已跳过。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="70"/>
        <source>Soil-conservation plan required</source>
        <translation>须编报水土保持方案</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="71"/>
        <source>New navel oranges in a forbidden zone</source>
        <translation>禁止区域内新种脐橙</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="473"/>
        <source>A slope share must be between 0 and 100 %, not {0}.</source>
        <translation>坡度面积占比必须在 0 到 100 % 之间，而不是 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="477"/>
        <source>The plan slope ({0}°) must not exceed the steep slope ({1}°).</source>
        <translation>须编报方案的坡度（{0}°）不能大于陡坡坡度（{1}°）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="482"/>
        <source>collapse/landslide zones</source>
        <translation>崩塌滑坡危险区</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="482"/>
        <source>eroded slopes</source>
        <translation>水土流失坡地</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="482"/>
        <source>reservoirs and rivers</source>
        <translation>水库和主要河流</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="490"/>
        <source>Eroded slopes and reservoirs/rivers are needed together for the navel-orange rule.</source>
        <translation>脐橙规则需要同时提供水土流失坡地和水库/河流图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/validation.py" line="494"/>
        <source>The distance to reservoirs and rivers must not be negative.</source>
        <translation>到水库和河流的距离不能为负数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="295"/>
        <source>Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) is steeper than {3}°, where new cultivation and whole-slope clearing are forbidden.</source>
        <translation>平均坡度 {0:.1f}°：图斑 {1:.0f} %（{2:.0f} m²）的坡度大于 {3}°，该部分禁止开垦种植和全坡面开挖。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="307"/>
        <source>Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) lies between {3}° and {4}° and no terrace measure is recorded.</source>
        <translation>平均坡度 {0:.1f}°：图斑 {1:.0f} %（{2:.0f} m²）的坡度在 {3}° 至 {4}° 之间，且未登记梯田类措施。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="327"/>
        <source>project {0} has no soil-conservation plan</source>
        <translation>项目 {0} 没有水土保持方案</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="327"/>
        <source>no registered project</source>
        <translation>没有登记的项目</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="332"/>
        <source>{0:.0f} % of the parcel lies between {1}° and {2}° (reclaimed land needs a soil-conservation plan): {3}.</source>
        <translation>图斑 {0:.0f} % 的坡度在 {1}° 至 {2}° 之间（开垦须编报水土保持方案）：{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="348"/>
        <source>a designated collapse/landslide zone</source>
        <translation>划定的崩塌滑坡危险区</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="350"/>
        <source>an eroded slope within {0} m of a reservoir or main river</source>
        <translation>水库或主要河流 {0} m 范围内的水土流失坡地</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/rules.py" line="353"/>
        <source>{0:.1f} m² of new navel oranges lie in {1}: new planting is forbidden there.</source>
        <translation>新种脐橙有 {0:.1f} m² 位于{1}：该区域禁止新种。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="78"/>
        <source>Feature {0}: field {1} holds &apos;{2}&apos;, which is not a number.</source>
        <translation>要素 {0}：字段 {1} 的值为“{2}”，不是数字。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="70"/>
        <source>Feature {0}: field {1} holds &apos;{2}&apos;, which is not a number (write digits with a decimal point, no thousands separator).</source>
        <translation>要素 {0}：字段 {1} 的值为“{2}”，不是数字（请用小数点书写数字，不要使用千位分隔符）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="90"/>
        <source>Feature {0}: field {1} is empty; a quantity is required.</source>
        <translation>要素 {0}：字段 {1} 为空；必须填写数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="94"/>
        <source>Feature {0}: field {1} holds {2}; a quantity must be greater than 0.</source>
        <translation>要素 {0}：字段 {1} 的值为 {2}；数量必须大于 0。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="120"/>
        <source>Feature {0}: field {1} is empty; it must hold a code {2}-{3}.</source>
        <translation>要素 {0}：字段 {1} 为空；必须填写代码 {2}-{3}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/values.py" line="131"/>
        <source>Feature {0}: field {1} holds &apos;{2}&apos;, which is not a code {3}-{4}.</source>
        <translation>要素 {0}：字段 {1} 的值为“{2}”，不是代码 {3}-{4}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/geopackage.py" line="116"/>
        <source>Workspace {0}: the schema_version in table {1} is &apos;{2}&apos;, not a number; the file was edited by hand or is damaged.</source>
        <translation>工作空间 {0}：表 {1} 中的 schema_version 为“{2}”，不是数字；该文件被手工修改过或已损坏。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/workspace/layers.py" line="76"/>
        <source>Layer {0} is the workspace table {1}; it cannot be used as {2}.</source>
        <translation>图层 {0} 是工作空间的表 {1}，不能用作 {2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="166"/>
        <source>The townships of {0} overlap: {1}. The county row would count the shared land twice; correct the township boundaries.</source>
        <translation>{0} 中的乡镇相互重叠：{1}。全县合计会将重叠部分计算两次；请修正乡镇边界。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/engines/local/zones.py" line="186"/>
        <source>The townships of {0} leave gaps of {1} m² between them: features there count in no township.</source>
        <translation>{0} 中的乡镇之间有 {1} m² 的空隙：位于空隙中的要素不计入任何乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="150"/>
        <source>Save layer edits</source>
        <translation>保存图层编辑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="151"/>
        <source>Write the gully and part edits to the workspace (as QGIS&apos;s Save Layer Edits)</source>
        <translation>将崩岗和部位的编辑写入工作空间（同 QGIS 的“保存图层编辑”）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="382"/>
        <source>Cannot save the edits of {0}: {1}</source>
        <translation>无法保存 {0} 的编辑：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/benggang_dock.py" line="393"/>
        <source>Saved the edits of {0}.</source>
        <translation>已保存 {0} 的编辑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="50"/>
        <source>Compare with the previous delivery</source>
        <translation>与上期比较</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="70"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="73"/>
        <source>Validate only new and grown parcels</source>
        <translation>仅核查新增和扩大的图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="66"/>
        <source>Previous delivery</source>
        <translation>上期扰动图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="90"/>
        <source>Choose the parcels and the previous delivery.</source>
        <translation>请选择图斑和上期扰动图斑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="120"/>
        <source>{0} {1}: {2:.0f} m² added</source>
        <translation>{0} {1}：新增面积 {2:.0f} m²</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="125"/>
        <source>Compared with the previous delivery: {0} new, {1} grown.</source>
        <translation>已与上期比较：新增 {0} 个，扩大 {1} 个。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="149"/>
        <source>Compare with the previous delivery first.</source>
        <translation>请先与上期比较。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/change_step.py" line="151"/>
        <source>Only parcels read from a file can be limited to the new and grown ones.</source>
        <translation>只有从文件读取的图斑才能限定为新增和扩大的图斑。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/fieldwork_buttons.py" line="81"/>
        <source>Export field package</source>
        <translation>导出外业包</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/fieldwork_buttons.py" line="100"/>
        <source>Import field results</source>
        <translation>导入外业结果</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/fieldwork_buttons.py" line="59"/>
        <source>Choose a workspace (.gpkg) first.</source>
        <translation>请先选择工作空间（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/fieldwork_buttons.py" line="66"/>
        <source>Field package folder</source>
        <translation>外业包文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/fieldwork_buttons.py" line="71"/>
        <source>Returned field package</source>
        <translation>返回的外业包</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="33"/>
        <source>Small gully below (m²)</source>
        <translation>小型崩岗上限（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="34"/>
        <source>Medium gully below (m²)</source>
        <translation>中型崩岗上限（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="35"/>
        <source>Smallest gully (m²)</source>
        <translation>崩岗最小面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="36"/>
        <source>Gully part at most this far from its gully (m)</source>
        <translation>崩岗部位距所属崩岗的最大距离（m）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="37"/>
        <source>Target soil conservation rate (%)</source>
        <translation>水土保持率目标（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="38"/>
        <source>Target treated area (km²)</source>
        <translation>治理面积目标（km²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="39"/>
        <source>Target treated gullies</source>
        <translation>崩岗治理目标（座）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="43"/>
        <source>Soil conservation plan required from slope (°)</source>
        <translation>需编报水土保持方案的坡度（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="53"/>
        <source>Penalty for individuals (yuan/m²)</source>
        <translation>个人罚款标准（元/m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="54"/>
        <source>Penalty for units (yuan/m²)</source>
        <translation>单位罚款标准（元/m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="55"/>
        <source>Case handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="56"/>
        <source>Plan: first year</source>
        <translation>规划起始年</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="57"/>
        <source>Plan: last year</source>
        <translation>规划截止年</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="75"/>
        <source>Default: {0}</source>
        <translation>默认值：{0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="78"/>
        <source>Reset to the defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="169"/>
        <source>{0} erosion area (hm²)</source>
        <translation>{0}侵蚀面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="160"/>
        <source>Open workspace</source>
        <translation>打开工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="39"/>
        <source>GeoPackage workspace</source>
        <translation>GeoPackage 工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="40"/>
        <source>Shared PostGIS workspace</source>
        <translation>共享 PostGIS 工作空间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="50"/>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL 连接</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/workspace_dialog.py" line="51"/>
        <source>Schema</source>
        <translation>模式（schema）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="74"/>
        <source>Open workspace…</source>
        <translation>打开工作空间…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="142"/>
        <source>Workspace {0}</source>
        <translation>工作空间 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="160"/>
        <source>Workspace {0} opened: {1} tables.</source>
        <translation>已打开工作空间 {0}：{1} 个数据表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/base.py" line="67"/>
        <source>Output {0}: {1} rows could not be written ({2}); nothing is reported as complete.</source>
        <translation>输出 {0}：有 {1} 行无法写入（{2}）；结果不完整，不予报告为完成。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/base.py" line="67"/>
        <source>the sink refused them</source>
        <translation>输出目标拒绝写入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/base.py" line="252"/>
        <source>Output {0} is the input file {1}: writing it would replace the input. Choose another file.</source>
        <translation>输出 {0} 就是输入文件 {1}：写入会覆盖输入。请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/base.py" line="264"/>
        <source>Output {0} is the workspace {1}: writing it would replace the whole workspace. Choose another file.</source>
        <translation>输出 {0} 是工作空间 {1}：写入会覆盖整个工作空间。请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/benggang_algorithms.py" line="41"/>
        <source>Gullies already in the target workspace (IDs continue after theirs; empty: the workspace of the townships)</source>
        <translation>目标工作空间中已有的崩岗（编号接续其最大编号；留空：乡镇图层所在的工作空间）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="52"/>
        <source>Compares this year's disturbance parcels (NEW) with the previous delivery (OLD), both reprojected to the workspace CRS (or the CRS given). One feature per parcel of the new delivery and per old parcel without successor: change = 新增, 扩大, 缩小, 不变 or 消失, with old_id, new_id, area_old_m2, area_new_m2 and area_added_m2 (the part outside every old parcel; it is the geometry of 新增 and 扩大). Parcels are matched by MATCH_FIELD when given, otherwise (and for the rest) by the largest shared area, one to one where possible; splits (分割) and merges (合并) are named in the match and related fields. Shared areas below the minimum area do not link parcels, and growth or shrinkage must exceed it.</source>
        <translation>将本期扰动图斑（NEW）与上期（OLD）比较，两者均重投影到工作空间坐标系（或指定的坐标系）。本期每个图斑及上期每个无后继的图斑各输出一个要素：change 为 新增、扩大、缩小、不变 或 消失，并给出 old_id、new_id、area_old_m2、area_new_m2 和 area_added_m2（位于所有上期图斑之外的部分，即新增和扩大要素的几何）。指定 MATCH_FIELD 时按编号匹配，否则（以及其余图斑）按最大共有面积匹配，尽量一对一；分割和合并在 match 与 related 字段中注明。小于最小面积的共有部分不视为关联，扩大或缩小也须超过该面积。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="69"/>
        <source>Current delivery</source>
        <translation>本期扰动图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="70"/>
        <source>Parcel ID field present in both</source>
        <translation>两期共有的图斑编号字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="75"/>
        <source>Parcel ID field shown (without a match field)</source>
        <translation>显示的图斑编号字段（无匹配字段时）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="84"/>
        <source>Minimum area (m²)</source>
        <translation>最小面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="94"/>
        <source>Workspace (its CRS is used)</source>
        <translation>工作空间（使用其坐标系）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="99"/>
        <source>CRS without a workspace</source>
        <translation>无工作空间时的坐标系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="104"/>
        <source>Changes</source>
        <translation>变化图斑</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="160"/>
        <source>Cannot write the change of parcel {0}: {1}</source>
        <translation>无法写入图斑 {0} 的变化：{1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="166"/>
        <source>{0}: parcel {1} (feature {2}) had an invalid geometry; compared as repaired.</source>
        <translation>{0}：图斑 {1}（要素 {2}）几何无效，已按修复后的几何比较。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/change_algorithms.py" line="172"/>
        <source>{0}: parcel {1} (feature {2}) has no usable polygon and is left out.</source>
        <translation>{0}：图斑 {1}（要素 {2}）没有可用的面，未参与比较。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="22"/>
        <source>Township codes (comma separated; empty: all)</source>
        <translation>乡镇代码（逗号分隔；空：全部）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="27"/>
        <source>Rules (comma separated; empty: all)</source>
        <translation>规则（逗号分隔；空：全部）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="32"/>
        <source>Case status codes (comma separated; empty: all)</source>
        <translation>查处状态代码（逗号分隔；空：全部）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="51"/>
        <source>Field package for QField</source>
        <translation>QField 外业包</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="53"/>
        <source>Writes a folder QField opens as it is: a project with relative paths and one GeoPackage with the chosen findings (phone form: status among the allowed next steps, note, party type, inspector, time now(), position and accuracy from QField&apos;s GNSS variables, photos under DCIM/), their parcels and approved project boundaries (read-only). Optional base map rasters are clipped to the findings plus a margin.</source>
        <translation>写出 QField 可直接打开的文件夹：使用相对路径的工程和一个 GeoPackage，包含所选核查发现（手机表单：允许的下一处理状态、处理意见、当事人类型、核查人、时间 now()、QField GNSS 变量给出的位置和精度、DCIM/ 下的照片），以及相关图斑和防治责任范围（只读）。可选底图栅格按核查发现范围加边距裁剪。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="65"/>
        <source>Inspector</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="66"/>
        <source>Base map rasters</source>
        <translation>底图栅格</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="71"/>
        <source>Base map margin (m)</source>
        <translation>底图边距（m）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="81"/>
        <source>Package folder</source>
        <translation>外业包文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="84"/>
        <source>QField project</source>
        <translation>QField 工程</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="110"/>
        <source>Import field results from QField</source>
        <translation>导入 QField 外业结果</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="112"/>
        <source>Merges what was changed in the field into the workspace findings: status along the allowed steps, note, who, when, position, photos (copied into the workspace), one history entry per finding. A finding changed in the office meanwhile is reported as a conflict, not overwritten; importing the same package again changes nothing.</source>
        <translation>将外业修改合并到工作空间的核查发现：按允许步骤变更的状态、处理意见、核查人、时间、位置、照片（复制到工作空间），每条核查发现一条处理记录。其间在内业修改过的核查发现作为冲突报告，不覆盖；重复导入同一外业包不作任何修改。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="121"/>
        <source>Returned package folder</source>
        <translation>返回的外业包文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="127"/>
        <source>Updated findings</source>
        <translation>已更新的核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="128"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="129"/>
        <source>Photos stored</source>
        <translation>已保存照片</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="150"/>
        <source>Case files (PDF)</source>
        <translation>案卷（PDF）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="152"/>
        <source>One PDF per finding and one per township: rule and suspected class, parcel, township, project, areas, centroid, a large-scale map with the approved boundary and the offending part, field photos, the full history and, for 未批先建 / 超出防治责任范围, the penalty range (2 元/m² individual, 10 元/m² unit). Searchable Chinese text.</source>
        <translation>每条核查发现一份、每个乡镇一份 PDF：规则及疑似类别、图斑、乡镇、项目、面积、中心点、标出防治责任范围和违规部分的大比例尺地图、现场照片、完整处理记录，以及未批先建 / 超出防治责任范围的处罚幅度（个人 2 元/m²，单位 10 元/m²）。中文可检索。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="163"/>
        <source>Imagery under the parcel maps</source>
        <translation>图斑地图底层影像</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="171"/>
        <source>Case file folder</source>
        <translation>案卷文件夹</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/fieldwork_algorithms.py" line="172"/>
        <source>Case files</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="166"/>
        <source>{0} features without geometry were skipped.</source>
        <translation>已跳过 {0} 个没有几何的要素。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="303"/>
        <source>{0} m² of the input lie outside every township and count in no row.</source>
        <translation>输入中有 {0} m² 位于所有乡镇之外，未计入任何一行。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="230"/>
        <source>Skip (and count) features whose grade is not 1-6</source>
        <translation>跳过（并统计）侵蚀强度不是 1-6 的要素</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="297"/>
        <source>{0} features skipped for a grade that is not 1-6, {1} for a missing geometry.</source>
        <translation>因侵蚀强度不是 1-6 跳过 {0} 个要素，因缺少几何跳过 {1} 个。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="59"/>
        <source>Checks development parcels against the approved project boundaries of the development database and writes one finding per parcel and rule: invalid geometry, not registered (疑似未批先建), elsewhere than its project (疑似建设地点变更), beyond the approved boundary by more than the tolerance (疑似超出防治责任范围), overlaps; with a DEM: steep slope and missing terraces (on the share of the parcel's area above 25° or between 15° and 25°) and a missing soil-conservation plan (5-25°, project field stbcfa); new orchards near railways and roads (lines whose field dllx says railway/铁路, expressway/高速, national/国道 or provincial/省道); new navel oranges in designated collapse/landslide zones or on eroded slopes near reservoirs and main rivers. Geometry = the offending part. The input layers are only read. With a workspace (GeoPackage, or PostgreSQL connection + schema) the findings are also merged into its finding table, keeping each case's 查认改罚 status and history; parcel IDs must then be unique.</source>
        <translation>将农林开发图斑与开发项目库中的防治责任范围比对，每个图斑每条规则输出一条核查发现：几何无效、未登记（疑似未批先建）、不在其项目范围内（疑似建设地点变更）、超出防治责任范围且超过容差（疑似超出防治责任范围）、图斑重叠；提供 DEM 时：陡坡和缺少梯田（按图斑面积中坡度大于 25° 或在 15°-25° 之间的占比）以及缺少水土保持方案（5-25°，项目字段 stbcfa）；铁路、高速、国道、省道沿线（两侧控制距离）的新开发果园（线图层字段 dllx 为 railway/铁路、expressway/高速、national/国道 或 provincial/省道）；划定的崩塌滑坡危险区内或水库、主要河流沿岸水土流失坡地上的新种脐橙。几何为违规部分。输入图层只读不写。给出工作空间（GeoPackage，或 PostgreSQL 连接及模式）时，核查发现还会合并到其 finding 表，保留每个案件的查认改罚状态和处理记录；此时图斑编号必须唯一。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="198"/>
        <source>Share of the area steeper than the steep slope (%)</source>
        <translation>坡度大于陡坡坡度的面积占比（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="209"/>
        <source>Share of the area in the terrace or plan range (%)</source>
        <translation>坡度在梯田或方案范围内的面积占比（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="220"/>
        <source>Soil-conservation plan required from slope (°)</source>
        <translation>须编报水土保持方案的起始坡度（°）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="231"/>
        <source>Designated collapse/landslide zones</source>
        <translation>划定的崩塌滑坡危险区</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="239"/>
        <source>Eroded slopes (erosion polygons)</source>
        <translation>水土流失坡地（侵蚀图斑）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="247"/>
        <source>Reservoirs and main rivers</source>
        <translation>水库和主要河流</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/validation_algorithms.py" line="255"/>
        <source>Distance to reservoirs and main rivers (m)</source>
        <translation>到水库和主要河流的距离（m）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="45"/>
        <source>Steep slope: share of the parcel above it (%)</source>
        <translation>陡坡：图斑面积中超过陡坡坡度的占比（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="46"/>
        <source>Terraces: share of the parcel in the slope band (%)</source>
        <translation>梯田：图斑面积中处于需修梯田坡度段的占比（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="49"/>
        <source>Navel oranges: distance to reservoirs and main rivers (m)</source>
        <translation>脐橙：距水库及主要河流的控制距离（m）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="52"/>
        <source>Change between deliveries: smallest area (m²)</source>
        <translation>前后两期图斑比较：最小面积（m²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="153"/>
        <source>No township layer: give the townships.</source>
        <translation>没有乡镇图层：请指定乡镇。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="311"/>
        <source>Gully {0}: the number of gullies bgsl must be a whole number of at least 1 (got {1}).</source>
        <translation>崩岗 {0}：崩岗数量 bgsl 须为不小于 1 的整数（当前为 {1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="346"/>
        <source>The gully layer {0} lacks the fields {1}: open it as a workspace table (the upgrade adds them).</source>
        <translation>崩岗图层 {0} 缺少字段 {1}：请作为工作空间表打开（升级会添加这些字段）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="374"/>
        <source>Gully {0}: new farmland xzgd is not a number ({1}).</source>
        <translation>崩岗 {0}：新增耕地 xzgd 不是数字（{1}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/plan.py" line="388"/>
        <source>Gully {0} lies in no township (xzqdm {1}): it cannot be counted.</source>
        <translation>崩岗 {0} 不在任何乡镇内（乡镇代码 {1}）：无法统计。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/help.py" line="53"/>
        <source>Xingguo SWC help</source>
        <translation>兴国水保帮助</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/plugin.py" line="99"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/help.py" line="92"/>
        <source>Open the help page of this panel</source>
        <translation>打开本面板的帮助页面</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/casefile.py" line="162"/>
        <source>The map layer {0} could not take all its {1} features: the sheet would miss some.</source>
        <translation>地图图层 {0} 未能写入全部 {1} 个要素：工作表会缺少部分内容。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="546"/>
        <source>Township {0}</source>
        <translation>乡镇 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="316"/>
        <source>project source</source>
        <translation>项目来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="367"/>
        <source>boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/devimport.py" line="598"/>
        <source>parcel source</source>
        <translation>图斑来源</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="125"/>
        <source>{0} cannot be placed in the spatial index (no geometry, or coordinates that are not finite numbers: {1}); it would silently drop out of the result. Repair or remove it.</source>
        <translation>{0} 无法放入空间索引（没有几何，或坐标不是有限数值：{1}）；它会在结果中被悄悄遗漏。请修复或删除它。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="125"/>
        <source>Feature {0}</source>
        <translation>要素 {0}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/geometry.py" line="125"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/overlap_algorithms.py" line="32"/>
        <source>One feature per pair of overlapping polygons (listed once), geometry = the shared part, with its area in m². Pairs sharing less than the minimum area are ignored. Invalid or empty geometries go to a separate table and do not stop the run. Areas are planimetric (a projection that distorts areas, such as Web Mercator, is refused) or, when chosen, ellipsoidal on CGCS2000.</source>
        <translation>每对重叠的多边形输出一个要素（每对只列一次），几何为重叠部分，并给出其面积（m²）。重叠面积小于最小面积的要素对忽略。无效或空几何写入单独的表，不会中断运行。面积按平面计算（会使面积变形的投影，如 Web 墨卡托，将被拒绝），或在选择时按 CGCS2000 椭球面计算。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/assessment.py" line="53"/>
        <source>conservation rate</source>
        <translation>水土保持率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/assessment.py" line="54"/>
        <source>newly treated area</source>
        <translation>新增治理面积</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/assessment.py" line="55"/>
        <source>treated gullies</source>
        <translation>治理崩岗</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/assessment.py" line="56"/>
        <source>finding closure</source>
        <translation>核查发现办结率</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/assessment.py" line="241"/>
        <source>The assessment is written as an Excel workbook (.xlsx), not {0}.</source>
        <translation>考核结果须写为 Excel 工作簿（.xlsx），不能写为 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/erosion_change.py" line="185"/>
        <source>Erosion of {0} in {1}: the grade areas ({2} hm²) do not add up to the erosion area ({3} hm²).</source>
        <translation>{0} {1} 年的水土流失：各强度面积之和（{2} hm²）与水土流失面积（{3} hm²）不符。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/erosion_change.py" line="213"/>
        <source>The first monitoring year {0} must be before the second {1}.</source>
        <translation>第一个监测年度 {0} 须早于第二个监测年度 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/monitoring.py" line="90"/>
        <source>The erosion layer {0} has no features of the year {1}; its years are: {2}.</source>
        <translation>土壤侵蚀图层 {0} 中没有 {1} 年度的要素；其监测年度为：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/monitoring.py" line="38"/>
        <source>Erosion feature #{0} of {1}: the monitoring year nd is not a year ({2}).</source>
        <translation>{1} 的土壤侵蚀要素 #{0}：监测年度 nd 不是年份（{2}）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/monitoring.py" line="74"/>
        <source>The erosion layer {0} has no monitoring year nd: it cannot give the year {1}.</source>
        <translation>土壤侵蚀图层 {0} 没有监测年度 nd：无法提供 {1} 年度的数据。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/monitoring.py" line="81"/>
        <source>{0} features of the erosion layer {1} have no monitoring year nd while others have ({2}): fill in nd so that years are not mixed.</source>
        <translation>土壤侵蚀图层 {1} 中有 {0} 个要素没有监测年度 nd，而其他要素有（{2}）：请填写 nd，以免混用不同年度。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/options_page.py" line="40"/>
        <source>Target finding closure (%)</source>
        <translation>核查发现办结率目标（%）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="131"/>
        <source>Plan progress</source>
        <translation>规划进度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="87"/>
        <source>Newly treated area (hm²) and treated collapse gullies (座) per township and for the county (360732) in a period (default: the plan window). Only area measures (unit hm²) add area: a feature adds min(its area, largest quantity of its records); fully treated features are dissolved so land counts once; land treated before the period is re-treated, not new. A gully counts when 已治理 with its completion year zlnd in the period, bgsl 座 in its own township. ZONES + ZONE_FIELD report per zone (e.g. small watersheds) instead.</source>
        <translation>按乡镇和全县（360732）统计时段内（默认：规划期）的新增治理水土流失面积（hm²）和治理崩岗（座）。只有面积类措施（单位 hm²）计入面积：每个要素计 min(其面积, 其措施记录中的最大数量)；全部治理的要素先融合，同一块土地只计一次；时段之前已治理的土地计为重复治理，不计为新增。崩岗在“已治理”且治理完成年度 zlnd 在时段内时计入，按 bgsl 计座数，只计入其所属乡镇。给出 ZONES + ZONE_FIELD 时改为按分区（如小流域）统计。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="108"/>
        <source>Collapse gullies (empty: the workspace&apos;s)</source>
        <translation>崩岗（留空：使用工作空间的崩岗）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="294"/>
        <source>First year (empty: the plan window)</source>
        <translation>起始年度（留空：规划期）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="295"/>
        <source>Last year (empty: the plan window)</source>
        <translation>截止年度（留空：规划期）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="118"/>
        <source>Zones (e.g. small watersheds; empty: townships)</source>
        <translation>分区（如小流域；留空：按乡镇）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="126"/>
        <source>Zone code field</source>
        <translation>分区代码字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="170"/>
        <source>Period {0}-{1}: newly treated area {2} hm², treated collapse gullies {3} 座.</source>
        <translation>{0}-{1} 年：新增治理面积 {2} hm²，治理崩岗 {3} 座。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="181"/>
        <source>{0} features treated before the period are re-treated ({1} hm²), not new.</source>
        <translation>{0} 个要素在时段之前已治理，计为重复治理（{1} hm²），不计为新增。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="189"/>
        <source>{0} treated features were not found (no polygon layer or feature for their records): they add no area.</source>
        <translation>有 {0} 个治理要素未找到（其措施记录没有对应的面图层或要素）：不计入面积。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="197"/>
        <source>{0} gullies are 已治理 without a completion year zlnd and are not counted.</source>
        <translation>有 {0} 座崩岗为“已治理”但没有治理完成年度 zlnd，未计入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="211"/>
        <source>Erosion change (双下降)</source>
        <translation>水土流失变化（双下降）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="213"/>
        <source>Erosion area by grade (hm²) in two monitoring years A &lt; B (erosion nd) per township and for the county (360732), both 水土保持率 and 双下降: erosion area (grade ≥ 2) fell AND intensity fell (area of grade ≥ 3 fell and the area-weighted mean grade fell). Where polygons of one year overlap, the higher grade holds the shared area.</source>
        <translation>按乡镇和全县（360732）统计两个监测年度 A &lt; B（土壤侵蚀 nd）各侵蚀强度的面积（hm²）、两年的水土保持率及是否“双下降”：水土流失面积（强度 ≥ 2 级）下降，且强度下降（强度 ≥ 3 级的面积下降，且水土流失面积的面积加权平均强度下降）。同一年度的侵蚀图斑重叠时，重叠部分计入较高强度。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="237"/>
        <source>Earlier monitoring year A</source>
        <translation>较早监测年度 A</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="240"/>
        <source>Later monitoring year B</source>
        <translation>较晚监测年度 B</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="241"/>
        <source>Erosion change</source>
        <translation>水土流失变化</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="246"/>
        <source>Townships with 双下降</source>
        <translation>实现双下降的乡镇数</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="270"/>
        <source>双下降 in {0} of {1} townships; county: {2}.</source>
        <translation>{1} 个乡镇中有 {0} 个实现双下降；全县：{2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="270"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="270"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="282"/>
        <source>Township assessment</source>
        <translation>乡镇考核</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="284"/>
        <source>Per township and year (default: the plan window): each target (table township_target, defaults from the county targets), the achieved value, the percent and the unmet items: 水土保持率 of the monitoring year, newly treated area, treated gullies and finding closure (已销号 share of the township's findings). Excel workbook with one sheet per year.</source>
        <translation>按乡镇和年度（默认：规划期）列出各项目标（township_target 表，未填写时取全县目标）、完成值、完成百分比及未完成项目：当年监测的水土保持率、新增治理面积、治理崩岗和核查发现办结率（本乡镇核查发现中“已销号”的比例）。输出 Excel 工作簿，每年一个工作表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="293"/>
        <source>Workspace (GeoPackage)</source>
        <translation>工作空间（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="296"/>
        <source>Assessment workbook</source>
        <translation>考核工作簿</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="296"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="301"/>
        <source>Township-years with unmet items</source>
        <translation>有未完成项目的乡镇年度数</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="317"/>
        <source>No erosion monitoring in {0}: the conservation rate is not assessed in those years.</source>
        <translation>{0} 年没有水土流失监测：这些年度不考核水土保持率。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/plan_algorithms.py" line="323"/>
        <source>{0} township-years with unmet items.</source>
        <translation>{0} 个乡镇年度有未完成项目。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="188"/>
        <source>水土保持率 per township and for the county: (land area − erosion area of grade 2 and above) / land area × 100, of one monitoring year: YEAR (erosion nd; empty: the latest year present), never a mix of years. Overlapping erosion polygons are counted once. meets_target compares with the target (83 % by default, a setting).</source>
        <translation>按乡镇和全县计算水土保持率：（国土面积 − 强度 2 级及以上的水土流失面积）/ 国土面积 × 100，只用一个监测年度的数据：YEAR（土壤侵蚀 nd；留空：现有最新年度），绝不混用不同年度。重叠的侵蚀图斑只计一次。meets_target 与目标值比较（默认 83 %，可在设置中修改）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="219"/>
        <source>Monitoring year (erosion nd); empty: the latest present</source>
        <translation>监测年度（土壤侵蚀 nd）；留空：现有最新年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/stats_algorithms.py" line="295"/>
        <source>Monitoring year {0}.</source>
        <translation>监测年度 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="467"/>
        <source>{0} (atlas sheets)</source>
        <translation>{0}（图集工作表）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="184"/>
        <source>Collapse gullies {0} (座)</source>
        <translation>崩岗 {0}（座）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_figures.py" line="191"/>
        <source>Newly treated area {0}-{1} ({2})</source>
        <translation>{0}-{1}年新增治理水土流失面积（{2}）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="180"/>
        <source>Treated gullies {0}-{1} (座)</source>
        <translation>{0}-{1}年治理崩岗（座）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="179"/>
        <source>The zone layer {0} has no field {1}.</source>
        <translation>分区图层 {0} 没有字段 {1}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas_layers.py" line="206"/>
        <source>The zone layer {0} cannot be copied for the atlas.</source>
        <translation>无法为图集复制分区图层 {0}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="160"/>
        <source>Zone code</source>
        <translation>分区代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="161"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/dashboard.py" line="177"/>
        <source>Newly treated area {0}-{1} (hm²)</source>
        <translation>{0}-{1}年新增治理水土流失面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="315"/>
        <source>The gully layer {0} has no completion year field zlnd: open it as a workspace table (the upgrade adds it).</source>
        <translation>崩岗图层 {0} 没有治理完成年度字段 zlnd：请作为工作空间表打开（升级会添加该字段）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/measure_tagging.py" line="322"/>
        <source>Give the year the treatment was completed.</source>
        <translation>请填写治理完成年度。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/atlas_dock.py" line="71"/>
        <source>Empty: one sheet per township. A zoning layer (small watersheds): one sheet per zone.</source>
        <translation>留空：每个乡镇一张工作表。选择分区图层（小流域）：每个分区一张工作表。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="165"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="102"/>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="343"/>
        <source>Choose the zone code field.</source>
        <translation>请选择分区代码字段。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="101"/>
        <source>Completion year</source>
        <translation>治理完成年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="108"/>
        <source>Treatment of {0} gullies completed in</source>
        <translation>{0} 座崩岗治理完成年度</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="617"/>
        <source>The records of {0} are outside the summary years {1}-{2}.</source>
        <translation>{0} 年的登记措施不在汇总年份 {1}-{2} 内。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="724"/>
        <source>Treatment status of {0} gullies set to {1}, completed in {2}.</source>
        <translation>已将 {0} 座崩岗的治理状态设为{1}，治理完成年度 {2}。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="772"/>
        <source>{0}-{1}: {2} records; newly treated area {3:.2f} hm² ({4:.1f} % of {5:.2f} hm²); treated gullies {6} 座 ({7:.1f} % of {8} 座).</source>
        <translation>{0}-{1}年：登记措施 {2} 条；新增治理水土流失面积 {3:.2f} hm²（为 {5:.2f} hm² 的 {4:.1f} %）；治理崩岗 {6} 座（为 {8} 座的 {7:.1f} %）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="163"/>
        <source>{0} gullies marked treated have no completion year zlnd; they are not counted.</source>
        <translation>{0} 座标为已治理的崩岗没有治理完成年度 zlnd，未计入。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="820"/>
        <source>Newly treated area (hm²)</source>
        <translation>新增治理水土流失面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="821"/>
        <source>Re-treated area (hm²)</source>
        <translation>重复治理面积（hm²）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="822"/>
        <source>Treated gullies (座)</source>
        <translation>治理崩岗（座）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="886"/>
        <source>Export the measure summary</source>
        <translation>导出措施汇总</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/measures_dock.py" line="896"/>
        <source>Summarize first: there is nothing to export.</source>
        <translation>请先汇总：没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="158"/>
        <source>Empty: per township. A zoning layer (small watersheds): per zone.</source>
        <translation>留空：按乡镇统计。选择分区图层（小流域）：按分区统计。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="182"/>
        <source>Plan progress years</source>
        <translation>规划进度年份</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="465"/>
        <source>{0:.2f} km² of {1:.0f} km² ({2}-{3})</source>
        <translation>{0:.2f} km²，目标 {1:.0f} km²（{2}-{3}年）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="474"/>
        <source>{0} of {1} gullies (座)</source>
        <translation>{0} 座，目标 {1} 座</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/stats_dock.py" line="483"/>
        <source>no measure table in the workspace</source>
        <translation>工作空间中没有措施表</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="35"/>
        <source>Prints one map sheet per township from a layout template: the township's territory with the chosen layers in their styles, legend, scale bar, north arrow, coordinate system, data date and the township's figures (soil conservation rate, erosion by grade, gullies by scale and treatment status, newly treated area and treated gullies (座) of the plan window, findings by rule). Writes &lt;code&gt;_&lt;name&gt;.pdf per township into the output folder and, optionally, one merged PDF. With a zone code field the coverage is any zoning (small watersheds: lydm, lymc) and each zone gets a sheet. Without layers, the workspace tables beside the coverage layer are shown. Nothing is left behind when it fails or is canceled.</source>
        <translation>按布局模板为每个乡镇输出一张工作表：乡镇范围及所选图层（按其样式）、图例、比例尺、指北针、坐标系、数据日期和乡镇指标（水土保持率、各强度侵蚀面积、按规模和治理状态的崩岗、规划期新增治理水土流失面积和治理崩岗（座）、按规则的核查发现）。向输出文件夹为每个乡镇写出 &lt;代码&gt;_&lt;名称&gt;.pdf，并可另写一个合并 PDF。给出分区代码字段时，覆盖图层可为任意分区（小流域：lydm、lymc），每个分区一张工作表。未选图层时显示覆盖图层所在工作空间的各表。失败或取消时不留下任何文件。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="94"/>
        <source>Zone code field (empty: townships by xzqdm)</source>
        <translation>分区代码字段（留空：按 xzqdm 分乡镇）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="111"/>
        <source>First year of the plan figures</source>
        <translation>规划指标起始年份</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/atlas_algorithms.py" line="111"/>
        <source>Last year of the plan figures</source>
        <translation>规划指标截止年份</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="59"/>
        <source>Totals of the treatment measures built in a period (default: the plan window of the settings): quantity per measure, township and year in the measure's own unit (linear, volume and point measures are never counted as area), and the plan progress of the same period: newly treated area (hm², from area measures only, land under several treated features counted once, land treated before the period not new) and treated collapse gullies (已治理 with the completion year in the period, in 座). Row kind (lx): measure = one measure in one township and year; township and county = records (jls), newly treated area (zlmj hm²) and treated gullies (zlbg 座), the county also newly treated features (zltb); year = records of the county in one year.</source>
        <translation>汇总某一时期（默认：设置中的规划期）实施的治理措施：按措施、乡镇和年度以措施自身单位统计数量（线状、体积和点状措施从不计为面积），以及同一时期的规划进度：新增治理水土流失面积（hm²，只计面状措施，多个治理要素重叠的土地只计一次，时期之前已治理的土地不算新增）和治理崩岗（已治理且治理完成年度在时期内，单位：座）。行类型（lx）：measure = 一个乡镇一个年度的一项措施；township 和 county = 登记措施条数（jls）、新增治理水土流失面积（zlmj，hm²）和治理崩岗（zlbg，座），county 另有新增治理要素数（zltb）；year = 全县某一年度的登记措施条数。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="156"/>
        <source>{0} measure records point to no feature that was found; they count in the measure quantities only.</source>
        <translation>{0} 条登记措施指向的要素未找到；它们只计入措施数量。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/processing/measure_algorithms.py" line="168"/>
        <source>{0}-{1}: newly treated area {2:.2f} hm² ({3:.1f} % of {4:.2f} hm²), treated collapse gullies {5} 座 ({6:.1f} % of {7} 座).</source>
        <translation>{0}-{1}年：新增治理水土流失面积 {2:.2f} hm²（为 {4:.2f} hm² 的 {3:.1f} %），治理崩岗 {5} 座（为 {7} 座的 {6:.1f} %）。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="293"/>
        <source>CGCS2000 3-degree Gauss-Kruger, central meridian {0}°E</source>
        <translation>CGCS2000 3度带高斯-克吕格投影，中央经线 {0}°E</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="294"/>
        <source>CGCS2000 3-degree Gauss-Kruger, zone {0}</source>
        <translation>CGCS2000 3度带高斯-克吕格投影，第 {0} 带</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="295"/>
        <source>CGCS2000 6-degree Gauss-Kruger, central meridian {0}°E</source>
        <translation>CGCS2000 6度带高斯-克吕格投影，中央经线 {0}°E</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="296"/>
        <source>CGCS2000 6-degree Gauss-Kruger, zone {0}</source>
        <translation>CGCS2000 6度带高斯-克吕格投影，第 {0} 带</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/atlas.py" line="297"/>
        <source>CGCS2000 geographic coordinates</source>
        <translation>CGCS2000 地理坐标系</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/export.py" line="128"/>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="220"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="235"/>
        <source>no longer detected</source>
        <translation>不再检出</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="822"/>
        <source>Finding ID</source>
        <translation>核查发现编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Rule code</source>
        <translation>规则代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Compliance code</source>
        <translation>合规性代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="768"/>
        <source>Status code</source>
        <translation>状态代码</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="524"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="822"/>
        <source>From status</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="822"/>
        <source>To status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="882"/>
        <source>findings</source>
        <translation>核查发现</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/core/findings.py" line="882"/>
        <source>history</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/findings_model.py" line="200"/>
        <source>No township</source>
        <translation>无乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="428"/>
        <source>The parcel check was canceled: no finding was stored or changed.</source>
        <translation>图斑核查已取消：未保存或更改任何核查发现。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="506"/>
        <source>No groups</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="662"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="524"/>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="675"/>
        <source>{0} shown by the filters.</source>
        <translation>筛选后显示 {0} 条。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/tasks.py" line="107"/>
        <source>{0} canceled: nothing was written.</source>
        <translation>{0}已取消：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="954"/>
        <source>Choose a workspace to import into: a GeoPackage, or parcels of a PostGIS workspace.</source>
        <translation>请选择要导入的工作空间：GeoPackage，或 PostGIS 工作空间中的图斑图层。</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.py" line="903"/>
        <source>{0} finding(s) saved.</source>
        <translation>已保存 {0} 条核查发现。</translation>
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
        <translation>开发项目库中的防治责任范围</translation>
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
        <translation>超出防治责任范围但仍可接受的面积</translation>
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
        <translation>铁路和公路（可选）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="106"/>
        <source>Railway and road lines; field dllx holds the road class</source>
        <translation>铁路和公路线；字段 dllx 为道路等级（铁路、高速、国道、省道沿线规则）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="111"/>
        <source>Corridor distance (m)</source>
        <translation>沿线两侧控制距离（米）</translation>
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
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="225"/>
        <source>Findings by rule; click one to zoom to it</source>
        <translation>按规则分组的核查发现；单击可缩放至该处</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="182"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="248"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="256"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="264"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="276"/>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="276"/>
        <source>Move the selected findings to the new status (undoable until saved)</source>
        <translation>将所选核查发现转入新状态（保存前可撤销）</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="281"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="286"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="291"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="291"/>
        <source>Export the findings as GeoPackage, Excel (XLSX) or CSV</source>
        <translation>将核查发现导出为 GeoPackage、Excel（XLSX）或 CSV</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="11"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="174"/>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="190"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="198"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="206"/>
        <source>Parcel ID</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="211"/>
        <source>Part of a parcel ID</source>
        <translation>输入图斑编号的一部分</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="231"/>
        <source>History of the selected finding</source>
        <translation>所选核查发现的处理记录</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="238"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../xingguo_swc_plugin/gui/inspection_dock.ui" line="240"/>
        <source>Step</source>
        <translation>处理步骤</translation>
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
        <translation>其选中要素将登记措施的图层（跟随当前图层）</translation>
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
        <translation>登记措施</translation>
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
        <translation>各要素自身面积（hm²）</translation>
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
