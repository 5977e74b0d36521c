<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChainStages</name>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>there is no graph to export</source>
        <translation>没有可导出的计算图</translation>
    </message>
    <message>
        <source>Trace graph</source>
        <translation>追踪计算图</translation>
    </message>
    <message>
        <source>the PNG encoder failed</source>
        <translation>PNG 编码失败</translation>
    </message>
    <message>
        <source>unknown image format '%1' (use svg, png or pdf)</source>
        <translation>未知的图像格式“%1”（请使用 svg、png 或 pdf）</translation>
    </message>
</context>
<context>
    <name>ModelFileLoader</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>NodeProperties</name>
    <message>
        <source>operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>graph input</source>
        <translation>图输入</translation>
    </message>
    <message>
        <source>parameter or buffer</source>
        <translation>参数或缓冲区</translation>
    </message>
    <message>
        <source>graph output</source>
        <translation>图输出</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>list or tuple</source>
        <translation>列表或元组</translation>
    </message>
    <message>
        <source>collapsed module</source>
        <translation>已折叠的模块</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运算数</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>PropertyMeasures</name>
    <message>
        <source>non-zeros outside the mask</source>
        <translation>掩码之外的非零元素</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Module %1 (double-click to collapse)</source>
        <translation>模块 %1（双击折叠）</translation>
    </message>
</context>
<context>
    <name>SelectionProperties</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数个数</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练模式</translation>
    </message>
    <message>
        <source>Repr</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Parametrized tensor</source>
        <translation>参数化张量</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>链</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原始张量</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>不安全</translation>
    </message>
    <message>
        <source>Nested</source>
        <translation>嵌套</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None（空）</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>持久</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect parametrizations and traced graphs.</source>
        <translation>检查参数化和追踪得到的计算图。</translation>
    </message>
    <message>
        <source>A model, traced-module or IR text file to open (default: a bundled example).</source>
        <translation>要打开的模型、追踪模块或 IR 文本文件（默认：一个内置示例）。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::AddParametrizationDialog</name>
    <message>
        <source>Unsafe (skip the shape and dtype checks)</source>
        <translation>不安全（跳过形状和数据类型检查）</translation>
    </message>
    <message>
        <source>Add Parametrization to %1</source>
        <translation>为 %1 添加参数化</translation>
    </message>
    <message>
        <source>Tensor %1: shape %2, %3</source>
        <translation>张量 %1：形状 %2，%3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No parametrization plugins are loaded (see Model ▸ Plugins…).</source>
        <translation>未加载任何参数化插件（参见 模型 ▸ 插件…）。</translation>
    </message>
    <message>
        <source>Choose a parametrization.</source>
        <translation>请选择一种参数化。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ChainView</name>
    <message>
        <source>Original: %1</source>
        <translation>原始：%1</translation>
    </message>
    <message>
        <source>%1 → effective %2</source>
        <translation>%1 → 生效的 %2</translation>
    </message>
    <message>
        <source>shape %1 · %2 · %3 elements</source>
        <translation>形状 %1 · %2 · %3 个元素</translation>
    </message>
    <message>
        <source>own tensors: %1</source>
        <translation>自有张量：%1</translation>
    </message>
    <message>
        <source>min %1 · max %2 · mean %3 · norm %4 · sparsity %5%</source>
        <translation>最小 %1 · 最大 %2 · 均值 %3 · 范数 %4 · 稀疏度 %5%</translation>
    </message>
    <message>
        <source>  ✓ holds</source>
        <translation>  ✓ 成立</translation>
    </message>
    <message>
        <source>  ✗ does not hold</source>
        <translation>  ✗ 不成立</translation>
    </message>
    <message>
        <source>The chain could not be evaluated: %1</source>
        <translation>无法计算该链：%1</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor in the Modules dock.</source>
        <translation>请在“模块”面板中选择一个参数、缓冲区或参数化张量。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ExportDialog</name>
    <message>
        <source>Whole graph</source>
        <translation>整个图</translation>
    </message>
    <message>
        <source>Visible area</source>
        <translation>可见区域</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Resolution (PNG, DPI):</source>
        <translation>分辨率（PNG，DPI）：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::GraphPanel</name>
    <message>
        <source>The graph could not be laid out:
%1</source>
        <translation>无法布局该图：
%1</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Find nodes by kind, name or scope</source>
        <translation>按种类、名称或作用域查找节点</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>正在布局计算图…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Graph layout is not available in this build.</source>
        <translation>此版本不支持图布局。</translation>
    </message>
    <message>
        <source>Open a model (File ▸ Open) or drop a file here to see its traced graph.</source>
        <translation>打开一个模型（文件 ▸ 打开）或将文件拖放到此处，以查看其追踪得到的计算图。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Export Graph Image…</source>
        <translation>导出图像(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;IR Text…</source>
        <translation>导出 IR 文本(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add Parametrization…</source>
        <translation>添加参数化(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Parametrizations…</source>
        <translation>移除参数化(&amp;R)…</translation>
    </message>
    <message>
        <source>Re-&amp;trace</source>
        <translation>重新追踪(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Check Trace</source>
        <translation>检查追踪(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Node…</source>
        <translation>查找节点(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>插件(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Paratrace</source>
        <translation>关于 Paratrace(&amp;A)</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>打开示例(&amp;X)</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainWindow</name>
    <message>
        <source>Re-tracing failed: %1</source>
        <translation>重新追踪失败：%1</translation>
    </message>
    <message>
        <source>Graph layout failed: %1</source>
        <translation>图布局失败：%1</translation>
    </message>
    <message>
        <source>About Paratrace</source>
        <translation>关于 Paratrace</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;An inspector for PyTorch-style parametrizations and traced graphs, built on the Paratrace C++ library.&lt;/p&gt;&lt;p&gt;Qt %2 · Graphviz layout&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;一个用于检查 PyTorch 风格参数化和追踪计算图的工具，基于 Paratrace C++ 库构建。&lt;/p&gt;&lt;p&gt;Qt %2 · Graphviz 布局&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Could not open the file; the previous model stays open.
%1</source>
        <translation>无法打开该文件；之前的模型保持打开。
%1</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Paratrace files (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;All files (*)</source>
        <translation>Paratrace 文件 (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor first.</source>
        <translation>请先选择一个参数、缓冲区或参数化张量。</translation>
    </message>
    <message>
        <source>%1 is None.</source>
        <translation>%1 为 None。</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>为 %2 添加 %1</translation>
    </message>
    <message>
        <source>Select a parametrized tensor first.</source>
        <translation>请先选择一个参数化张量。</translation>
    </message>
    <message>
        <source>Remove parametrizations of %1</source>
        <translation>移除 %1 的参数化</translation>
    </message>
    <message>
        <source>Remove Parametrizations</source>
        <translation>移除参数化</translation>
    </message>
    <message>
        <source>Remove every parametrization of %1?</source>
        <translation>移除 %1 的所有参数化？</translation>
    </message>
    <message>
        <source>Keep the current (parametrized) value (leave_parametrized)</source>
        <translation>保留当前（参数化后的）值（leave_parametrized）</translation>
    </message>
    <message>
        <source>This model has no example inputs to trace with.</source>
        <translation>此模型没有可用于追踪的示例输入。</translation>
    </message>
    <message>
        <source>Tracing failed; the previous trace is kept.
%1</source>
        <translation>追踪失败；保留之前的追踪结果。
%1</translation>
    </message>
    <message numerus="yes">
        <source>Re-traced %n method(s).</source>
        <translation><numerusform>已重新追踪 %n 个方法。</numerusform></translation>
    </message>
    <message>
        <source>Paratrace</source>
        <translation>Paratrace</translation>
    </message>
    <message>
        <source>%1 — Paratrace</source>
        <translation>%1 — Paratrace</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Parametrization Chain</source>
        <translation>参数化链</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>IR</source>
        <translation>IR</translation>
    </message>
    <message>
        <source>Trace Check</source>
        <translation>追踪检查</translation>
    </message>
    <message>
        <source>Export IR Text</source>
        <translation>导出 IR 文本</translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation>IR 文本 (*.ir *.txt)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The model opened, but tracing it failed:
%1</source>
        <translation>模型已打开，但追踪失败：
%1</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModuleTreeModel</name>
    <message>
        <source>Parametrized: %1</source>
        <translation>参数化：%1</translation>
    </message>
    <message>
        <source>Computed by %1 from %2</source>
        <translation>由 %1 根据 %2 计算</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Buffer (non-persistent)</source>
        <translation>缓冲区（非持久）</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModulesPanel</name>
    <message>
        <source>Filter modules and tensors</source>
        <translation>筛选模块和张量</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::OptionForm</name>
    <message>
        <source>unset</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>This parametrization has no options.</source>
        <translation>此参数化没有选项。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PluginsDialog</name>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Loaded (%1)</source>
        <translation>已加载（%1）</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Parametrizations</source>
        <translation>参数化</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Load errors (%1)</source>
        <translation>加载错误（%1）</translation>
    </message>
    <message>
        <source>Searched: %1</source>
        <translation>已搜索：%1</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Default export format:</source>
        <translation>默认导出格式：</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::TraceCheckPanel</name>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n input(s).</source>
        <translation><numerusform>检查 %n 个输入后已取消。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Passed: the trace matches on %n input(s).</source>
        <translation><numerusform>通过：追踪在 %n 个输入上一致。</numerusform></translation>
    </message>
    <message>
        <source>Failed: see the report below.</source>
        <translation>失败：请查看下方报告。</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n random input(s).</source>
        <translation><numerusform>已检查 %n 个随机输入。</numerusform></translation>
    </message>
    <message>
        <source>Error while checking:</source>
        <translation>检查时出错：</translation>
    </message>
    <message>
        <source>Graphs differed across invocations:</source>
        <translation>多次调用之间的计算图不同：</translation>
    </message>
    <message>
        <source>Constants that differ between traces:</source>
        <translation>追踪之间不同的常量：</translation>
    </message>
    <message>
        <source>Output mismatches (warnings):</source>
        <translation>输出不匹配（警告）：</translation>
    </message>
    <message>
        <source>Nondeterministic nodes:</source>
        <translation>非确定性节点：</translation>
    </message>
    <message>
        <source>Tracer warnings:</source>
        <translation>追踪器警告：</translation>
    </message>
    <message>
        <source>No graph differences, no output mismatches, no warnings.</source>
        <translation>计算图无差异，输出无不匹配，无警告。</translation>
    </message>
    <message>
        <source>Check inputs:</source>
        <translation>检查输入数：</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>容差：</translation>
    </message>
    <message>
        <source>Run Check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a model with example inputs to check its trace.</source>
        <translation>打开一个带示例输入的模型以检查其追踪。</translation>
    </message>
</context>
</TS>