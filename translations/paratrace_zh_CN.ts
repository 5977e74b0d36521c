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
    <name>DocumentSaver</name>
    <message>
        <source>No model is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A traced-module file has no example inputs to trace the edited module again, so its graph would no longer match the module. Undo the edits to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edited model could not be traced, and a model built in memory is saved as a traced module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model was built in memory without a trace: there is no file format to save it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paratrace model files (*.paratrace.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traced-module files (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation type="unfinished">IR 文本 (*.ir *.txt)</translation>
    </message>
</context>
<context>
    <name>ExampleInputs</name>
    <message>
        <source>unknown dtype &quot;%1&quot; (known: float32, float64, int64, uint8, bool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size must not be negative, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init &quot;%1&quot; needs a floating-point dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown init &quot;%1&quot; (known: randn, rand, zeros, ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no tensor named &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a tensor ({&quot;shape&quot;: ...} or {&quot;file&quot;: ..., &quot;name&quot;: ...}), an array (a tuple), or {&quot;tuple&quot;|&quot;list&quot;|&quot;dict&quot;: ...}</source>
        <translation type="unfinished"></translation>
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
        <source>unknown image format &apos;%1&apos; (use svg, png or pdf)</source>
        <translation>未知的图像格式“%1”（请使用 svg、png 或 pdf）</translation>
    </message>
    <message>
        <source>Drawing the graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding the PNG…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonNode</name>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LowRankPlugin</name>
    <message>
        <source>Low rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the rank of a matrix at most r by learning it as A B, with A (n x r) as original0 and B (r x m) as original1; applying it keeps the best rank-r approximation (truncated SVD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest rank r the matrix may have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rank %2 is larger than min(n, m) = %3 for shape %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outer product a b^T of two learnt vectors, as RankOne of PyTorch&apos;s parametrize tests (LowRank with rank 1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the buffer %1 does not match the file&apos;s tensor in shape or dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no parameter or buffer &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot; (available: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;paratrace-model&quot;, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version %1 (this Paratrace reads version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model has no method &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
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
    <name>ModelFileText</name>
    <message>
        <source>methods need a Sequential root module, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward is the root module&apos;s own method</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelSaver</name>
    <message>
        <source>cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModuleFactory</name>
    <message>
        <source>inplace=true is not supported: layers return a new tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a floating-point dtype (&quot;float32&quot; or &quot;float64&quot;), got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>padding must be an integer or a pair: &apos;same&apos; and &apos;valid&apos; are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only padding_mode &quot;zeros&quot; is supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approximate must be &quot;none&quot; or &quot;tanh&quot;, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return_indices=true is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>divisor_override is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nonlinearity must be &quot;tanh&quot; or &quot;relu&quot;, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModuleFactoryText</name>
    <message>
        <source>expected an integer or a list of 2 integers, got %1 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModuleList children are numbered 0, 1, ...; got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cell must be an RNNCell, GRUCell or LSTMCell, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown module type &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
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
    <name>NormsPlugin</name>
    <message>
        <source>Spectral normalization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divides the weight by its largest singular value, estimated by power iteration (buffers _u, _v; updated in training mode only), as torch.nn.utils.parametrizations.spectral_norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power iterations per evaluation in training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to norms when normalizing, for numerical stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output dimension (negative counts from the end); unset: 1 for ConvTranspose modules, 0 otherwise, as PyTorch does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight normalization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits the weight into a magnitude g (original0) and a direction v (original1), weight = g v / ||v||, as torch.nn.utils.parametrizations.weight_norm (PyTorch 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dimension kept by the norm (one g per slice); -1 normalizes the whole tensor (PyTorch&apos;s dim=None)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectReader</name>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (accepted here: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionValues</name>
    <message>
        <source>a value of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a finite number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such option (this parametrization has none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such option (the options are %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrthogonalPlugin</name>
    <message>
        <source>Orthogonal matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a matrix (or a batch of them) with orthonormal columns, or rows if it is wide, as torch.nn.utils.parametrizations.orthogonal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How an unconstrained matrix becomes orthogonal; auto picks matrix_exp for square matrices and householder otherwise, as PyTorch does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn on top of a base orthogonal matrix set by assignment (dynamic trivialization), so an assigned matrix is kept exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cayley map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps a square matrix X to (I + X)^-1 (I - X), orthogonal when X is skew-symmetric: put it after Skew, as the Orthogonal of PyTorch&apos;s parametrize tests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParametrizationPlugin</name>
    <message>
        <source>%1 needs a floating-point tensor, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least one dimension, got shape %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a matrix, got shape %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a square matrix (or a batch of them), got shape %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginManager</name>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Qt plugin (it has no plugin metadata)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provides the parametrization &quot;%1&quot;, already provided by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the plugin object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its root object does not implement ParametrizationPlugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing its parametrizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its metadata lists the parametrizations %1 but its code provides %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>building &quot;%1&quot; with its default options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave no parametrization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 threw: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 threw something that is not a std::exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2) could not be built: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it threw something that is not a std::exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin returned no parametrization</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginMetadata</name>
    <message>
        <source>built for plugin API %1, this Paratrace loads API %2 (IID %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Paratrace parametrization plugin: its IID is &quot;%1&quot;, expected &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its metadata JSON lacks %1 (see docs/plugins.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built for plugin API %1 (metadata apiVersion), this Paratrace loads API %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its metadata lists a parametrization without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its metadata lists the parametrization &quot;%1&quot; twice</source>
        <translation type="unfinished"></translation>
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
    <name>RetraceInputs</name>
    <message>
        <source>the shape must be sizes separated by commas, such as &quot;2, 8&quot;; got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a safetensors file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shape</source>
        <translation type="unfinished"></translation>
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
    <name>SparsityPlugin</name>
    <message>
        <source>Sparsity mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the weight by a fixed 0/1 mask computed from its magnitudes when applied, as torch.ao.sparsity&apos;s FakeSparsity; the mask is a buffer left out of the state_dict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unstructured: the smallest entries; nm: n of every m along the last dimension; block: whole blocks of smallest mean square; none: all ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fraction of entries (unstructured) or blocks (block) set to zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nm: how many entries of every m are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nm: the group size along the last dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block: rows x columns of a block, such as 1x4 or 4x4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with an N:M mask needs the last dimension to be divisible by m=%2, got shape %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with a block mask needs a matrix, got shape %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most m (%1), got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected rows x columns of at least 1, such as 1x4 or 4x4, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SymmetricPlugin</name>
    <message>
        <source>Symmetric matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to its transpose: the upper triangle is learnt and mirrored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skew-symmetric matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to minus its transpose: the strict lower triangle is learnt and the diagonal is zero.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>tracing needs example inputs, and the model has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-trace with the &amp;Same Inputs</source>
        <translation type="unfinished"></translation>
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
        <translation>
            <numerusform>已重新追踪 %n 个方法。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paratrace</source>
        <translation>Paratrace</translation>
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
    <message>
        <source>Re-traced %1 with the chosen inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1; the model stays open as it was.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">取消</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation type="unfinished">导出图像</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Paratrace</source>
        <translation type="unfinished"></translation>
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
    <name>paratrace::inspector::RetraceDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished">浏览…</translation>
    </message>
    <message>
        <source>Re-trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape / type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a safetensors file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sizes separated by commas, such as 2, 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished">文件：</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished">方法：</translation>
    </message>
    <message>
        <source>Example Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safetensors files (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random normal [%1], seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zeros [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ones [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>Tracing %1 failed; the previous trace is kept.
%2</source>
        <translation type="unfinished"></translation>
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
        <translation>
            <numerusform>检查 %n 个输入后已取消。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Passed: the trace matches on %n input(s).</source>
        <translation>
            <numerusform>通过：追踪在 %n 个输入上一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: see the report below.</source>
        <translation>失败：请查看下方报告。</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n random input(s).</source>
        <translation>
            <numerusform>已检查 %n 个随机输入。</numerusform>
        </translation>
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
